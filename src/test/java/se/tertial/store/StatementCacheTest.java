package se.tertial.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statements kept prepared on a real SQLite connection: reused when closed, never reset under an open one. */
class StatementCacheTest {
    @TempDir
    Path tmp;

    @Test
    void theSameTextInsideItsOwnLoopGetsAStatementOfItsOwn() throws Exception {
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("c.db"));
             StatementCache cache = new StatementCache(raw)) {
            try (Statement st = raw.createStatement()) {
                st.execute("CREATE TABLE t (n INTEGER)");
                st.execute("INSERT INTO t VALUES (1), (2), (3)");
            }
            Connection c = cache.connection();
            String sql = "SELECT n FROM t WHERE n >= ? ORDER BY n";
            List<String> seen = new ArrayList<>();
            try (PreparedStatement outer = c.prepareStatement(sql)) {
                outer.setInt(1, 1);
                try (ResultSet rs = outer.executeQuery()) {
                    while (rs.next()) {
                        int n = rs.getInt(1);
                        try (PreparedStatement inner = c.prepareStatement(sql)) {
                            inner.setInt(1, n);
                            try (ResultSet in = inner.executeQuery()) {
                                int count = 0;
                                while (in.next()) {
                                    count++;
                                }
                                seen.add(n + ":" + count);
                            }
                        }
                    }
                }
            }
            // Had the inner query reset the outer statement, the loop would have stopped after its first row.
            assertEquals(List.of("1:3", "2:2", "3:1"), seen);
            assertEquals(1, cache.size());
            PreparedStatement again = c.prepareStatement(sql);
            assertFalse(again.isClosed());
            again.close();
            assertTrue(again.isClosed());
            assertEquals(1, cache.size(), "closed, it is kept for the next use");
        }
    }

    @Test
    void readsKeepWorkingAcrossSnapshotsAndAfterAFailedOne() {
        try (Database db = Database.open(tmp.resolve("store.db"))) {
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE t (n INTEGER)");
                    st.execute("INSERT INTO t VALUES (7)");
                }
                return null;
            });
            for (int i = 0; i < 3; i++) {
                assertEquals(7, (int) db.read(c -> one(c)));
            }
            try {
                db.snapshot(() -> db.read(c -> {
                    try (PreparedStatement ps = c.prepareStatement("SELECT n FROM t")) {
                        ps.executeQuery(); // left open: the snapshot fails before closing it
                        throw new java.sql.SQLException("boom");
                    }
                }));
            } catch (StoreException expected) {
                // the failed read is reported
            }
            assertEquals(7, (int) db.read(c -> one(c)));
            db.write(c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("UPDATE t SET n = 8");
                }
                return null;
            });
            assertEquals(8, (int) db.read(c -> one(c)), "a kept statement still sees the newest commit");
        }
    }

    private static int one(Connection c) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT n FROM t"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
