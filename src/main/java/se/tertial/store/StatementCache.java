package se.tertial.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A connection that prepares each SQL text once for as long as it is open: {@code prepareStatement(sql)} returns the
 * same statement again, cleared, and closing it only clears it. For the many short statements of a batch of uploads
 * stored in one transaction — SQLite compiling them again for every file was a fifth of the committer's time (JFR).
 * Close the cache to close the statements; the connection itself stays the caller's. A text asked for again while
 * its statement is still open gets a statement of its own. Not thread-safe: one cache per connection, used by the
 * thread that holds the connection.
 */
final class StatementCache implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private final java.util.Set<String> inUse = new java.util.HashSet<>();
    private final Connection proxy;

    StatementCache(Connection connection) {
        this.connection = connection;
        this.proxy = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, this::onConnection);
    }

    /** The connection to hand to repository code. */
    Connection connection() {
        return proxy;
    }

    /** How many statements are kept prepared. */
    int size() {
        return prepared.size();
    }

    private Object onConnection(Object self, Method m, Object[] args) throws Throwable {
        if (m.getName().equals("prepareStatement") && args != null && args.length == 1
                && args[0] instanceof String sql) {
            if (!inUse.add(sql)) {
                // The same text again while its statement is still open (a query inside a loop over its own
                // results): a statement of its own, closed as usual, so the outer one is not reset under it.
                return connection.prepareStatement(sql);
            }
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                try {
                    ps = connection.prepareStatement(sql);
                } catch (SQLException | RuntimeException e) {
                    inUse.remove(sql);
                    throw e;
                }
                prepared.put(sql, ps);
            }
            PreparedStatement target = ps;
            return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, reuse(sql, target));
        }
        return invoke(connection, m, args);
    }

    private InvocationHandler reuse(String sql, PreparedStatement target) {
        boolean[] closed = {false};
        return (self, m, args) -> {
            if (m.getName().equals("close") && (args == null || args.length == 0)) {
                if (!closed[0]) {
                    closed[0] = true;
                    inUse.remove(sql);
                    target.clearParameters();
                    target.clearBatch();
                }
                return null;
            }
            if (m.getName().equals("isClosed") && (args == null || args.length == 0)) {
                return closed[0];
            }
            return invoke(target, m, args);
        };
    }

    private static Object invoke(Object target, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement ps : prepared.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        prepared.clear();
        inUse.clear();
        if (first != null) {
            throw first;
        }
    }
}
