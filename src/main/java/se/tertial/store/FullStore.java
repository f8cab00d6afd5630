package se.tertial.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Telling a full store from any other failed write: SQLite's {@code SQLITE_FULL} (the disk, or the configured cap),
 * PostgreSQL's {@code disk_full}, and for a failure that names neither, the file's pages against its cap and the
 * space left on its disk; a full store is answered 507 in Swedish, never as a crash.
 */
final class FullStore {
    private FullStore() {}

    /**
     * Whether a failed write was for want of space, when SQLite's own error was lost (it rolls a transaction back by
     * itself on SQLITE_FULL, and a statement reset may swallow the code): the cap's pages are used up, or the disk
     * has almost nothing left.
     */
    static boolean looksFull(javax.sql.DataSource pool, Path file) {
        try (Connection c = pool.getConnection(); var st = c.createStatement()) {
            long pages;
            long max;
            try (var rs = st.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            try (var rs = st.executeQuery("PRAGMA max_page_count")) {
                rs.next();
                max = rs.getLong(1);
            }
            if (pages >= max - 2) {
                return true;
            }
        } catch (SQLException | RuntimeException e) {
            // fall through to the disk check
        }
        try {
            return Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace() < 1024 * 1024;
        } catch (IOException e) {
            return false;
        }
    }

    /** SQLITE_FULL: the disk (or the configured cap) is full. */
    static boolean isFull(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.sqlite.SQLiteException s
                    && s.getResultCode().code == org.sqlite.SQLiteErrorCode.SQLITE_FULL.code) {
                return true;
            }
            if (t instanceof SQLException q && "53100".equals(q.getSQLState())) {
                return true; // PostgreSQL: disk_full
            }
            if (t instanceof SQLException q && (q.getErrorCode() == 13
                    || String.valueOf(q.getMessage()).contains("SQLITE_FULL"))) {
                return true;
            }
        }
        return false;
    }
}
