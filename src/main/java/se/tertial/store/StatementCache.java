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
 * Close the cache to close the statements; the connection itself stays the caller's.
 */
final class StatementCache implements AutoCloseable {
    private final Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
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

    private Object onConnection(Object self, Method m, Object[] args) throws Throwable {
        if (m.getName().equals("prepareStatement") && args != null && args.length == 1
                && args[0] instanceof String sql) {
            PreparedStatement ps = prepared.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                prepared.put(sql, ps);
            }
            PreparedStatement target = ps;
            return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                    new Class<?>[] {PreparedStatement.class}, reuse(target));
        }
        return invoke(connection, m, args);
    }

    private static InvocationHandler reuse(PreparedStatement target) {
        return (self, m, args) -> {
            if (m.getName().equals("close") && (args == null || args.length == 0)) {
                target.clearParameters();
                target.clearBatch();
                return null;
            }
            if (m.getName().equals("isClosed") && (args == null || args.length == 0)) {
                return false;
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
        if (first != null) {
            throw first;
        }
    }
}
