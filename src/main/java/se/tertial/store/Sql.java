package se.tertial.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;

/** Small JDBC helpers shared by the repositories. */
final class Sql {
    private Sql() {}

    /** {@code n} parameter marks for a VALUES or IN list: "?, ?, ?". */
    static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * The id of the row the connection inserted last. Used instead of {@code INSERT … RETURNING}: sqlite-jdbc reads
     * the returned row and resets the statement, which swallows an error (SQLITE_FULL) raised when the insert
     * completes. On PostgreSQL {@code lastval()}, the identity value this session drew last.
     */
    /**
     * Prepares an INSERT whose new id {@link #insert} returns: on PostgreSQL the id comes back with the insert
     * ({@code RETURNING id}), one round trip instead of two — a bulk load makes three such inserts per file.
     */
    static PreparedStatement prepareInsert(Connection c, String sql) throws SQLException {
        return c.prepareStatement(sqlite(c) ? sql : sql + " RETURNING id");
    }

    /**
     * Runs an INSERT made by {@link #prepareInsert} and returns the new row's id. On SQLite the insert steps to
     * completion first (an error such as a full disk surfaces there), then {@code last_insert_rowid()} is read.
     */
    static long insert(Connection c, PreparedStatement ps) throws SQLException {
        if (sqlite(c)) {
            ps.executeUpdate();
            return lastId(c);
        }
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean sqlite(Connection c) throws SQLException {
        return c.isWrapperFor(org.sqlite.SQLiteConnection.class);
    }

    static long lastId(Connection c) throws SQLException {
        // PostgreSQL: lastval() is the session's latest identity value, i.e. the row this connection just inserted
        String query = c.isWrapperFor(org.sqlite.SQLiteConnection.class) ? "SELECT last_insert_rowid()"
                : "SELECT lastval()";
        // prepared, not created: inside a batch's StatementCache it is compiled once, not once per insert
        try (PreparedStatement st = c.prepareStatement(query); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
