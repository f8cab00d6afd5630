package se.tertial.store;

import se.tertial.spec.CliText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Backing up, restoring and checking an embedded store. A backup is a consistent copy taken while the service runs
 * ({@code VACUUM INTO}: one read transaction, so uploads go on and the copy holds exactly the commits before it).
 * A restore goes only into a stopped data directory, and only a copy that passes the check; the store it replaces
 * is kept beside it. The check is SQLite's own ({@code integrity_check}, {@code foreign_key_check}) plus tertial's
 * invariants: every version has its facts, every kept original its bytes with the stored SHA-256, every unit's
 * versions of a period are 1…n without gaps with exactly one current.
 */
public final class StoreMaintenance {
    /** Held (shared) by every process with the store open; a restore needs it exclusively. */
    static final String LOCK_FILE = "tertial.lock";

    private StoreMaintenance() {}

    /** Copies the open store to {@code target} (which must not exist), owner-only; returns its size in bytes. */
    public static long backup(Database db, Path target) {
        if (db.dialect() == Database.Dialect.POSTGRESQL) {
            throw new StoreStartupException(CliText.postgresBackup(), null);
        }
        if (Files.exists(target)) {
            throw new StoreStartupException(CliText.backupTargetExists(target), null);
        }
        try {
            Path parent = target.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (var c = db.connection(); PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, target.toAbsolutePath().toString());
                ps.execute();
            }
            DataFiles.restrict(target);
            return Files.size(target);
        } catch (SQLException e) {
            throw new StoreException("backup failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the store, in Swedish, one line per problem; empty when nothing is. */
    public static List<String> check(Database db) {
        boolean amcheck = db.dialect() == Database.Dialect.POSTGRESQL && amcheck(db);
        return db.read(c -> {
            List<String> problems = new ArrayList<>();
            try (Statement st = c.createStatement()) {
                if (db.dialect() == Database.Dialect.SQLITE) {
                    try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                        while (rs.next()) {
                            if (!"ok".equalsIgnoreCase(rs.getString(1))) {
                                problems.add(CliText.checkSqlite(rs.getString(1)));
                            }
                        }
                    }
                    try (ResultSet rs = st.executeQuery("PRAGMA foreign_key_check")) {
                        while (rs.next()) {
                            problems.add(CliText.checkForeignKey(rs.getString(1), rs.getLong(2), rs.getString(3)));
                        }
                    }
                } else if (amcheck) {
                    problems.addAll(postgresStructure(c));
                } // PostgreSQL enforces foreign keys always: nothing like SQLite's foreign_key_check to run

                try (ResultSet rs = st.executeQuery("SELECT s.unit, s.period, s.version FROM submission s "
                        + "WHERE NOT EXISTS (SELECT 1 FROM fact f WHERE f.submission_id = s.id) ORDER BY 2, 1, 3")) {
                    while (rs.next()) {
                        problems.add(CliText.checkVersionWithoutFacts(rs.getString(1), rs.getString(2), rs.getInt(3)));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT unit, period, COUNT(*), MIN(version), MAX(version), "
                        + "SUM(is_current) FROM submission GROUP BY unit, period ORDER BY period, unit")) {
                    while (rs.next()) {
                        int n = rs.getInt(3);
                        if (rs.getInt(4) != 1 || rs.getInt(5) != n) {
                            problems.add(CliText.checkVersionGaps(rs.getString(1), rs.getString(2), n, rs.getInt(5)));
                        }
                        if (rs.getInt(6) != 1) {
                            problems.add(CliText.checkCurrentCount(rs.getString(1), rs.getString(2), rs.getInt(6)));
                        }
                    }
                }
                st.setFetchSize(16); // PostgreSQL streams the originals instead of holding them all
                try (ResultSet rs = st.executeQuery("SELECT id, sha256, size, original FROM upload "
                        + "WHERE original_kept = 1 ORDER BY id")) {
                    while (rs.next()) {
                        byte[] bytes = rs.getBytes(4);
                        String sha = sha256(bytes == null ? new byte[0] : bytes);
                        if (bytes == null || bytes.length != rs.getLong(3) || !sha.equalsIgnoreCase(rs.getString(2))) {
                            problems.add(CliText.checkOriginalChanged(rs.getLong(1)));
                        }
                    }
                }
            }
            return problems;
        });
    }

    /**
     * Whether PostgreSQL's {@code amcheck} extension is there (created if missing and allowed): the equivalent of
     * SQLite's {@code integrity_check} for tables and indexes. A role that may not create it gets the other checks.
     */
    public static boolean amcheck(Database db) {
        try {
            return db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE EXTENSION IF NOT EXISTS amcheck");
                }
                return true;
            });
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(StoreMaintenance.class).warn("amcheck not available on {}: {}",
                    db.where(), e.getCause() == null ? e.toString() : e.getCause().getMessage());
            return false;
        }
    }

    /** amcheck over tertial's tables (heap pages) and B-tree indexes in the current schema. */
    private static List<String> postgresStructure(java.sql.Connection c) throws SQLException {
        List<String> problems = new ArrayList<>();
        List<String[]> relations = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT cl.oid, cl.relname, cl.relkind FROM pg_class cl
                JOIN pg_namespace n ON n.oid = cl.relnamespace
                LEFT JOIN pg_am am ON am.oid = cl.relam
                WHERE n.nspname = current_schema() AND (cl.relkind = 'r' OR (cl.relkind = 'i' AND am.amname = 'btree'))
                ORDER BY cl.relname""")) {
            while (rs.next()) {
                relations.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        for (String[] r : relations) {
            if (r[2].equals("r")) {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT blkno, msg FROM verify_heapam(?::oid::regclass)")) {
                    ps.setLong(1, Long.parseLong(r[0]));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            problems.add(CliText.checkPostgres(r[1], "block " + rs.getLong(1) + ": "
                                    + rs.getString(2)));
                        }
                    }
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("SELECT bt_index_check(?::oid::regclass)")) {
                    ps.setLong(1, Long.parseLong(r[0]));
                    ps.execute();
                } catch (SQLException e) {
                    problems.add(CliText.checkPostgres(r[1], e.getMessage()));
                    c.rollback(); // the snapshot transaction is aborted after an error; a fresh one goes on
                }
            }
        }
        return problems;
    }

    /**
     * Restores {@code backup} into the data directory of {@code file}: copies it beside the store, brings its schema
     * up to date and checks it; only a copy that passes replaces the store, which is kept as
     * {@code tertial.db.before-restore-<time>}. Refused while any process has the store open.
     *
     * @return the problems that refused the copy (nothing was changed), or empty when it was restored
     */
    public static List<String> restore(Path backup, Path file, Instant now) {
        if (!Files.isRegularFile(backup) || !DataFiles.isSqlite(backup)) {
            throw new StoreStartupException(CliText.restoreNotABackup(backup), null);
        }
        Path db = file.toAbsolutePath();
        try {
            Files.createDirectories(db.getParent());
            try (FileChannel ch = FileChannel.open(db.resolveSibling(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = exclusive(ch)) {
                if (lock == null) {
                    throw new StoreStartupException(CliText.restoreStoreInUse(db.getParent()), null);
                }
                Path candidate = db.resolveSibling(db.getFileName() + ".restoring");
                deleteWithSidecars(candidate);
                Files.copy(backup, candidate, StandardCopyOption.REPLACE_EXISTING);
                List<String> problems;
                try (Database restored = Database.openUnlocked(candidate)) {
                    problems = check(restored);
                }
                if (!problems.isEmpty()) {
                    deleteWithSidecars(candidate);
                    return problems;
                }
                if (Files.exists(db)) {
                    String keep = db.getFileName() + ".before-restore-" + now.toString().replace(':', '-');
                    for (String suffix : new String[] {"", "-wal", "-shm"}) {
                        Path f = db.resolveSibling(db.getFileName() + suffix);
                        if (Files.exists(f)) {
                            Files.move(f, db.resolveSibling(keep + suffix));
                        }
                    }
                }
                Files.move(candidate, db, StandardCopyOption.ATOMIC_MOVE);
                DataFiles.restrict(db);
                return List.of();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The shared lock a process holds while it has the store open; null when a restore holds it. */
    static FileLock shared(FileChannel ch) throws IOException {
        try {
            return ch.tryLock(0, Long.MAX_VALUE, true);
        } catch (OverlappingFileLockException e) {
            return null; // this JVM holds it already (another store object on the same file): shared anyway
        }
    }

    private static FileLock exclusive(FileChannel ch) throws IOException {
        try {
            return ch.tryLock(0, Long.MAX_VALUE, false);
        } catch (OverlappingFileLockException e) {
            return null; // this very JVM has the store open
        }
    }

    private static void deleteWithSidecars(Path f) throws IOException {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(f.resolveSibling(f.getFileName() + suffix));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
