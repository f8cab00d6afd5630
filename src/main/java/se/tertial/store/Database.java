package se.tertial.store;


import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The store: the embedded SQLite file (the default) or a PostgreSQL database, with the same schema, the same SQL and
 * the same guarantees. Each thread borrows its own connection from a small pool.
 *
 * <p>SQLite: every connection runs in WAL mode with {@code synchronous=FULL}, foreign keys on and a busy timeout, so
 * concurrent writers queue instead of failing. Write transactions start with {@code BEGIN IMMEDIATE}, taking the
 * write lock up front.
 *
 * <p>PostgreSQL: a write transaction first takes one transaction-scoped advisory lock ({@link #WRITE_LOCK}), the
 * equivalent of SQLite's {@code BEGIN IMMEDIATE} across every instance on the database: writes (version numbering,
 * the current-version flip, the review state, quotas, throttling) run one at a time exactly as on SQLite, while
 * reads never wait. Reads run in {@code REPEATABLE READ READ ONLY} transactions, one snapshot per transaction as in
 * WAL mode. The unique constraints are the same as SQLite's, the last line of defence.
 */
public final class Database implements AutoCloseable {
    static final int BUSY_TIMEOUT_MS = 30_000;
    static final int PAGE_SIZE = 4096;
    /** The advisory lock every PostgreSQL write transaction holds ("tertial" in ASCII). */
    static final long WRITE_LOCK = 0x7465727469616cL;
    /** The advisory lock (session-scoped) the instance running the scheduled jobs holds. */
    static final long JOB_LOCK = 0x7465727469616dL;

    /** The database behind the store. */
    public enum Dialect { SQLITE, POSTGRESQL }

    private final HikariDataSource pool;
    private final Path file;
    private final Dialect dialect;
    private final String where;
    private final DatabaseUrl server;
    private final ThreadLocal<Connection> reading = new ThreadLocal<>();
    private final java.util.Map<Connection, StatementCache> readCaches = new java.util.WeakHashMap<>();

    private java.nio.channels.FileChannel lockChannel;
    private java.nio.channels.FileLock lock;

    Database(Path file, HikariDataSource pool) {
        this.file = file;
        this.pool = pool;
        this.dialect = Dialect.SQLITE;
        this.where = String.valueOf(file);
        this.server = null;
    }

    Database(DatabaseUrl server, HikariDataSource pool) {
        this.file = null;
        this.pool = pool;
        this.dialect = Dialect.POSTGRESQL;
        this.where = server.toString();
        this.server = server;
    }

    /**
     * Connects to a PostgreSQL database and brings its schema up to date (Flyway, {@code db/postgresql}). A server
     * that cannot be reached fails with a {@link StoreStartupException} naming it (never its password).
     */
    public static Database connect(DatabaseUrl url) {
        return connect(url, false);
    }

    /**
     * As {@link #connect(DatabaseUrl)}; {@code emptied}: tertial's schema is dropped first (Flyway clean) and made
     * anew, every row gone — only for {@code store copy --replace}.
     */
    public static Database connect(DatabaseUrl url, boolean emptied) {
        return StoreOpening.postgresql(url, emptied);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The PostgreSQL database, or empty for the embedded file. */
    public java.util.Optional<DatabaseUrl> server() {
        return java.util.Optional.ofNullable(server);
    }

    /** Where the store is, for messages: the file, or the server's URL without password. */
    public String where() {
        return where;
    }

    /**
     * Whether the database answers a query within about two seconds (for the load balancer's health check). On
     * PostgreSQL through a connection of its own, so a pool busy with uploads does not make a healthy server look
     * down and a dead one is seen without waiting for the pool's timeout.
     */
    public boolean reachable() {
        if (dialect == Dialect.SQLITE) {
            try {
                return read(c -> {
                    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1")) {
                        return rs.next();
                    }
                });
            } catch (RuntimeException e) {
                return false;
            }
        }
        java.util.Properties props = new java.util.Properties();
        if (server.user() != null) {
            props.setProperty("user", server.user());
        }
        if (server.password() != null) {
            props.setProperty("password", server.password());
        }
        props.setProperty("connectTimeout", "2");
        props.setProperty("socketTimeout", "3");
        props.setProperty("loginTimeout", "3");
        try (Connection c = new org.postgresql.Driver().connect(server.jdbcUrl(), props)) {
            if (c == null) {
                return false;
            }
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT 1 FROM flyway_schema_history LIMIT 1")) {
                return rs.next();
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static Database open(Path file) {
        return open(file, 0);
    }

    /**
     * Opens (creating if needed) the database file, readable by its owner only, and brings its schema up to date.
     *
     * @param maxBytes a cap on the file's size (0: none); past it writes fail with {@link StoreFullException}
     */
    public static Database open(Path file, long maxBytes) {
        return StoreOpening.sqlite(file, maxBytes);
    }

    /** A store no lock protects: the copy a restore checks before it replaces the store. */
    static Database openUnlocked(Path file) {
        return StoreOpening.sqliteUnlocked(file, 0);
    }

    /** Keeps the shared lock on the store's lock file until {@link #close}. */
    void holdLock(java.nio.channels.FileChannel channel, java.nio.channels.FileLock shared) {
        this.lockChannel = channel;
        this.lock = shared;
    }

    /** The connection pool, for the migration check in this package. */
    javax.sql.DataSource pool() {
        return pool;
    }

    public Path file() {
        return file;
    }

    /**
     * Runs read-only work in one read transaction: every query in it sees the same snapshot, whatever commits
     * meanwhile (WAL readers never block writers). Inside {@link #snapshot} it joins that snapshot.
     */
    public <T> T read(SqlWork<T> work) {
        Connection open = reading.get();
        if (open != null) {
            try {
                return work.run(open);
            } catch (SQLException e) {
                throw new StoreException("read failed on " + where, e);
            }
        }
        return snapshot(() -> read(work));
    }

    /**
     * Runs work whose every {@link #read} (through any repository, on this thread) sees one snapshot of the
     * database, e.g. all the input of one report. A deferred transaction: it takes no write lock.
     */
    public <T> T snapshot(java.util.function.Supplier<T> work) {
        if (reading.get() != null) {
            return work.get();
        }
        try (Connection c = pool.getConnection()) {
            if (dialect == Dialect.POSTGRESQL) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setReadOnly(true);
            } else {
                try (var st = c.createStatement()) {
                    st.execute("BEGIN DEFERRED");
                }
            }
            StatementCache cache = dialect == Dialect.SQLITE ? readCache(c) : null;
            reading.set(cache != null ? cache.connection() : c);
            boolean done = false;
            try {
                T result = work.get();
                done = true;
                return result;
            } finally {
                reading.remove();
                if (dialect == Dialect.POSTGRESQL) {
                    try {
                        if (done) {
                            c.commit();
                        } else {
                            c.rollback();
                        }
                    } finally {
                        c.setAutoCommit(true);
                        c.setReadOnly(false);
                        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                    }
                } else {
                    try (var st = c.createStatement()) {
                        st.execute(done ? "COMMIT" : "ROLLBACK");
                    }
                    if (cache != null && (!done || cache.size() > MAX_CACHED_READS)) {
                        dropReadCache(cache); // after a failure, or grown with one-off texts: start afresh
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("read failed on " + where, e);
        }
    }

    /** Statements kept prepared per pooled SQLite connection for reads, at most (then they are all closed). */
    static final int MAX_CACHED_READS = 64;

    /**
     * Reads keep their statements prepared on each pooled connection, from one snapshot to the next: a bulk load
     * reads the same few questions for every file on its workers, and SQLite compiling them each time was 7 % of
     * the workers' CPU (JFR). Keyed by the physical connection, so a connection the pool retires takes its
     * statements with it.
     */
    private StatementCache readCache(Connection pooled) throws SQLException {
        Connection physical = pooled.unwrap(org.sqlite.SQLiteConnection.class);
        synchronized (readCaches) {
            StatementCache cache = readCaches.get(physical);
            if (cache == null) {
                cache = new StatementCache(physical);
                readCaches.put(physical, cache);
            }
            return cache;
        }
    }

    private void dropReadCache(StatementCache cache) throws SQLException {
        synchronized (readCaches) {
            readCaches.values().remove(cache);
        }
        cache.close();
    }

    /** Runs work in one {@code BEGIN IMMEDIATE} transaction: all of it is committed, or none of it. */
    public <T> T write(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (dialect == Dialect.POSTGRESQL) {
                    try (var st = c.createStatement()) {
                        st.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
                    }
                }
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException r) {
                    e.addSuppressed(r); // SQLite may have rolled back already (a full disk); keep the cause
                }
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if (FullStore.isFull(e) || (dialect == Dialect.SQLITE && FullStore.looksFull(pool, file))) {
                throw new StoreFullException(where, e);
            }
            throw new StoreException("write failed on " + where, e);
        }
    }

    /**
     * Runs a scheduled job (the e-mail reminders) only if no other instance on this store is running it right now;
     * empty when one is. What the job records is committed before the lock is let go, so an instance that runs it
     * next sees it. PostgreSQL: a session-level advisory lock ({@link #JOB_LOCK}) on a connection held for the job.
     * SQLite: an exclusive lock on {@code tertial.jobs.lock} beside the database file.
     */
    public <T> java.util.Optional<T> onceAcrossInstances(java.util.function.Supplier<T> job) {
        if (dialect == Dialect.POSTGRESQL) {
            try (Connection c = pool.getConnection()) {
                boolean got;
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT pg_try_advisory_lock(" + JOB_LOCK + ")")) {
                    rs.next();
                    got = rs.getBoolean(1);
                }
                if (!got) {
                    return java.util.Optional.empty();
                }
                try {
                    return java.util.Optional.ofNullable(job.get());
                } finally {
                    try (var st = c.createStatement()) {
                        st.execute("SELECT pg_advisory_unlock(" + JOB_LOCK + ")");
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("job lock failed on " + where, e);
            }
        }
        Path lockFile = file.toAbsolutePath().resolveSibling("tertial.jobs.lock");
        try (var ch = java.nio.channels.FileChannel.open(lockFile, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.channels.FileLock held;
            try {
                held = ch.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                held = null; // another thread of this process runs the job
            }
            if (held == null) {
                return java.util.Optional.empty();
            }
            try (java.nio.channels.FileLock l = held) {
                return java.util.Optional.ofNullable(job.get());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connections currently borrowed; tests assert it is back to zero. */
    public int activeConnections() {
        return pool.getHikariPoolMXBean() == null ? 0 : pool.getHikariPoolMXBean().getActiveConnections();
    }

    @Override
    public void close() {
        pool.close();
        if (lockChannel != null) {
            try {
                lockChannel.close(); // releases the lock
            } catch (java.io.IOException ignored) {
                // the process is letting go of the store anyway
            }
        }
    }

    /** A pooled connection outside any transaction, for statements that must run alone ({@code VACUUM INTO}). */
    java.sql.Connection connection() throws SQLException {
        return pool.getConnection();
    }
}
