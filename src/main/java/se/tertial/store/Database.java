package se.tertial.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The embedded SQLite store. Each thread borrows its own connection from a small pool; every connection runs in
 * WAL mode with {@code synchronous=FULL}, foreign keys on and a busy timeout, so concurrent writers queue instead of
 * failing. Write transactions start with {@code BEGIN IMMEDIATE}, taking the write lock up front.
 */
public final class Database implements AutoCloseable {
    static final int BUSY_TIMEOUT_MS = 30_000;
    private final HikariDataSource pool;
    private final Path file;

    private Database(Path file, HikariDataSource pool) {
        this.file = file;
        this.pool = pool;
    }

    /** Opens (creating if needed) the database file and brings its schema up to date. */
    public static Database open(Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource sqlite = new SQLiteDataSource(config);
        sqlite.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

        HikariConfig hikari = new HikariConfig();
        hikari.setDataSource(sqlite);
        hikari.setPoolName("tertial-sqlite");
        hikari.setMaximumPoolSize(8);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(BUSY_TIMEOUT_MS);
        HikariDataSource pool = new HikariDataSource(hikari);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(file, pool);
    }

    public Path file() {
        return file;
    }

    /** Runs read-only work in autocommit mode. */
    public <T> T read(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException("read failed on " + file, e);
        }
    }

    /** Runs work in one {@code BEGIN IMMEDIATE} transaction: all of it is committed, or none of it. */
    public <T> T write(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("write failed on " + file, e);
        }
    }

    /** Connections currently borrowed; tests assert it is back to zero. */
    public int activeConnections() {
        return pool.getHikariPoolMXBean() == null ? 0 : pool.getHikariPoolMXBean().getActiveConnections();
    }

    @Override
    public void close() {
        pool.close();
    }
}
