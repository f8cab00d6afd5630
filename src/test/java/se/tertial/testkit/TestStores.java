package se.tertial.testkit;

import se.tertial.app.Config;
import se.tertial.store.Database;
import se.tertial.store.DatabaseUrl;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The store the tests run against. The suite runs twice (see pom.xml): on the embedded SQLite file, and with
 * {@code -Dtertial.test.database=postgresql} on a real PostgreSQL server ({@link PostgresServer}), each data directory
 * then standing for a database of its own — the same one every time the test opens that directory again, so tests
 * that restart the service keep their store.
 */
public final class TestStores {
    private static final Map<Path, DatabaseUrl> DATABASES = new ConcurrentHashMap<>();

    private TestStores() {}

    /** Whether this run of the suite is on PostgreSQL. */
    public static boolean postgres() {
        return "postgresql".equals(System.getProperty("tertial.test.database"));
    }

    /** The PostgreSQL database standing for a data directory in this run; empty on SQLite. */
    public static Optional<DatabaseUrl> databaseFor(Path dataDir) {
        if (!postgres()) {
            return Optional.empty();
        }
        return Optional.of(DATABASES.computeIfAbsent(dataDir.toAbsolutePath().normalize(),
                d -> PostgresServer.shared().newDatabase()));
    }

    /** The configuration on this run's database. */
    public static Config on(Config config) {
        return config.database().isPresent() ? config : config.withDatabase(databaseFor(config.dataDir()));
    }

    /** Opens the store of a data directory on this run's database. */
    public static Database open(Path dataDir) {
        return databaseFor(dataDir).map(Database::connect).orElseGet(() -> Database.open(dataDir.resolve("tertial.db")));
    }
}
