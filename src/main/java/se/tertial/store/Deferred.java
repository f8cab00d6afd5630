package se.tertial.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes of a transaction that nothing later in it reads back (facts, sheets, comments, findings, audit events, the
 * review thread, an upload's link to its version). On PostgreSQL they are batched per statement and sent together
 * before the commit: each was a network round trip, ten per file in a bulk load, which made it twice as slow as on
 * SQLite; batched, the driver sends each kind in one go (and rewrites inserts into multi-row ones). On SQLite, in
 * the process, each runs at once as before, so an error (a full disk) surfaces where it always did. A failure at
 * {@link #flush} fails the transaction, as it would have in place.
 */
final class Deferred implements AutoCloseable {
    /** Binds one row's parameters. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private final Connection c;
    private final boolean batched;
    private final Map<String, PreparedStatement> batches = new LinkedHashMap<>();

    Deferred(Connection c) throws SQLException {
        this.c = c;
        this.batched = !c.isWrapperFor(org.sqlite.SQLiteConnection.class);
    }

    /** One write: run now (SQLite) or added to its statement's batch (PostgreSQL). */
    void add(String sql, Binder binder) throws SQLException {
        if (!batched) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                ps.executeUpdate(); // steps to completion: an error (a full disk) surfaces here
            }
            return;
        }
        PreparedStatement ps = batches.get(sql);
        if (ps == null) {
            ps = c.prepareStatement(sql);
            batches.put(sql, ps);
        }
        binder.bind(ps);
        ps.addBatch();
    }

    /** Sends every batch, in the order each statement was first used (a row's references come before it). */
    void flush() throws SQLException {
        for (PreparedStatement ps : batches.values()) {
            ps.executeBatch();
        }
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement ps : batches.values()) {
            ps.close();
        }
        batches.clear();
    }
}
