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
     * completes. On PostgreSQL {@code lastval()}, the identity value this session drew last.
     */
    static long lastId(Connection c) throws SQLException {
        // PostgreSQL: lastval() is the session's latest identity value, i.e. the row this connection just inserted
        String query = c.isWrapperFor(org.sqlite.SQLiteConnection.class) ? "SELECT last_insert_rowid()"
                : "SELECT lastval()";
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
