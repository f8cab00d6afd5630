package se.tertial.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.TestServer;
import se.tertial.testkit.TestStores;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The run on PostgreSQL really is on PostgreSQL: the stores and servers of the tests are where the run says. */
class TestDatabaseTest {
    @TempDir
    Path tmp;

    @Test
    void storesAndServersAreOnThisRunsDatabase() {
        Database.Dialect expected = TestStores.postgres() ? Database.Dialect.POSTGRESQL : Database.Dialect.SQLITE;
        try (Database db = TestStores.open(tmp.resolve("a"))) {
            assertEquals(expected, db.dialect());
            assertTrue(db.reachable());
        }
        try (TestServer server = new TestServer(tmp.resolve("b"))) {
            assertEquals(expected, server.app().database().dialect());
        }
        assertEquals(!TestStores.postgres(), Files.exists(tmp.resolve("b").resolve("tertial.db")));
        if (TestStores.postgres()) {
            assertFalse(Files.exists(tmp.resolve("a").resolve("tertial.db")));
        }
    }
}
