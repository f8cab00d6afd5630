package se.tertial.store;

import se.tertial.spec.CliText;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How a store is opened: a PostgreSQL database reached through a HikariCP pool and its schema brought up to date,
 * or a SQLite file (WAL, {@code synchronous=FULL}, {@code BEGIN IMMEDIATE}, foreign keys, an optional size cap)
 * readable by its owner only, with the shared lock every process holds while it has the file open; a store that
 * cannot be opened fails in Swedish, naming where it is and never a password.
 */
final class StoreOpening {
    private StoreOpening() {}

    /** A PostgreSQL database, see {@link Database#connect(DatabaseUrl, boolean)}. */
    static Database postgresql(DatabaseUrl url, boolean emptied) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url.jdbcUrl());
        if (url.user() != null) {
            hikari.setUsername(url.user());
        }
        if (url.password() != null) {
            hikari.setPassword(url.password());
        }
        hikari.setPoolName("tertial-postgresql");
        // a batch of inserts (108 facts per version) goes as multi-row INSERTs, not a round trip per row
        hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
        hikari.setMaximumPoolSize(url.poolSize());
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(Database.BUSY_TIMEOUT_MS);
        hikari.setInitializationFailTimeout(3_000); // a server that is not there fails the start, in Swedish
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreStartupException(CliText.databaseUnreachable(url.toString(), rootMessage(e)), e);
        }
        try {
            if (emptied) {
                Migrations.flyway(pool, Database.Dialect.POSTGRESQL, true).clean();
            }
            Migrations.bringUpToDate(pool, Database.Dialect.POSTGRESQL);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreStartupException(CliText.databaseUnreachable(url.toString(), rootMessage(e)), e);
        }
        return new Database(url, pool);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage()).replaceAll("(?i)(password=)[^&\\s]*", "$1***");
    }

    /** A SQLite file with the shared lock held, see {@link Database#open(Path, long)}. */
    static Database sqlite(Path file, long maxBytes) {
        DataFiles.prepare(file);
        // Every process with the store open holds this shared lock: a restore (exclusive) waits for them all.
        java.nio.channels.FileChannel channel;
        java.nio.channels.FileLock shared;
        try {
            channel = java.nio.channels.FileChannel.open(file.toAbsolutePath().resolveSibling(
                    StoreMaintenance.LOCK_FILE), java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.READ,
                    java.nio.file.StandardOpenOption.WRITE);
            try {
                shared = channel.tryLock(0, Long.MAX_VALUE, true);
                if (shared == null) {
                    channel.close();
                    throw new StoreStartupException(CliText.storeBeingRestored(file.toAbsolutePath().getParent()),
                            null);
                }
            } catch (java.nio.channels.OverlappingFileLockException e) {
                shared = null; // this JVM has the store open already and holds the lock
            }
        } catch (java.io.IOException e) {
            throw DataFiles.explain(file, new IllegalStateException(e));
        }
        try {
            Database db = sqliteUnlocked(file, maxBytes);
            db.holdLock(channel, shared);
            return db;
        } catch (RuntimeException e) {
            try {
                channel.close();
            } catch (java.io.IOException ignored) {
                // the open failed already
            }
            throw e;
        }
    }

    static Database sqliteUnlocked(Path file, long maxBytes) {
        DataFiles.prepare(file);
        SQLiteConfig config = new SQLiteConfig();
        if (maxBytes > 0) {
            config.setPageSize(Database.PAGE_SIZE);
            config.setMaxPageCount((int) Math.max(16, Math.min(Integer.MAX_VALUE, maxBytes / Database.PAGE_SIZE)));
        }
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(Database.BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite);
        hikari.setPoolName("tertial-sqlite");
        hikari.setMaximumPoolSize(8);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(Database.BUSY_TIMEOUT_MS);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw DataFiles.explain(file, e);
        }
        try {
            Migrations.bringUpToDate(pool, Database.Dialect.SQLITE);
            DataFiles.restrict(file);
        } catch (RuntimeException e) {
            pool.close();
            throw DataFiles.explain(file, e);
        }
        return new Database(file, pool);
    }
}
