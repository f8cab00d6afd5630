package se.tertial.store;

import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The storage no bulk loader can avoid, for the benchmark's floor: each original and a number of fact rows inserted
 * in one transaction, batched, into a fresh SQLite file with the store's settings (WAL, {@code synchronous=FULL}).
 */
public final class StorageFloor {
    private StorageFloor() {}

    /**
     * Drops everything in a PostgreSQL database's public schema, so that the bench's next load starts on an empty
     * store. Only for the bench's own throw-away server (scripts/bench-postgresql.sh).
     */
    public static void emptied(DatabaseUrl url) {
        try (Connection c = java.sql.DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
             Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not empty " + url, e);
        }
    }

    /** Stores the originals and {@code facts} fact rows (spread evenly over them); returns the seconds it took. */
    public static double store(Path file, List<byte[]> originals, long facts) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        long perFile = Math.max(1, facts / Math.max(1, originals.size()));
        long t0 = System.nanoTime();
        try (Connection c = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE upload (id INTEGER PRIMARY KEY, original BLOB NOT NULL)");
                st.execute("CREATE TABLE fact (upload_id INTEGER NOT NULL, line TEXT NOT NULL, col TEXT NOT NULL, "
                        + "amount_kr INTEGER NOT NULL, PRIMARY KEY (upload_id, line, col)) WITHOUT ROWID");
            }
            c.setAutoCommit(false);
            try (PreparedStatement up = c.prepareStatement("INSERT INTO upload (id, original) VALUES (?, ?)");
                 PreparedStatement fact = c.prepareStatement("INSERT INTO fact VALUES (?, ?, ?, ?)")) {
                long written = 0;
                for (int i = 0; i < originals.size(); i++) {
                    up.setLong(1, i);
                    up.setBytes(2, originals.get(i));
                    up.executeUpdate();
                    for (long k = 0; k < perFile && written < facts; k++, written++) {
                        fact.setLong(1, i);
                        fact.setString(2, "LINE_" + (k / 6));
                        fact.setString(3, "COL_" + (k % 6));
                        fact.setLong(4, -1000L * k);
                        fact.addBatch();
                    }
                    fact.executeBatch();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw new StoreException("the storage floor failed on " + file, e);
        }
        return (System.nanoTime() - t0) / 1e9;
    }
}
