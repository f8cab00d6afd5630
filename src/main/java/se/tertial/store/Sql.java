package se.tertial.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Small JDBC helpers shared by the repositories. */
final class Sql {
    private Sql() {}

    /**
     * The id of the row the connection inserted last. Used instead of {@code INSERT … RETURNING}: sqlite-jdbc reads
     * the returned row and resets the statement, which swallows an error (SQLITE_FULL) raised when the insert
     * completes.
     */
    static long lastId(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
