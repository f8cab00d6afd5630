package se.tertial.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work on one connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection c) throws SQLException;
}
