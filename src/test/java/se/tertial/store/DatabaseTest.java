package se.tertial.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.spec.PeriodCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatabaseTest {
    @TempDir
    Path tmp;

    @Test
    void createsTheFileAndRunsEveryConnectionWithTheRequiredPragmas() {
        Path file = tmp.resolve("nested/dir/tertial.db");
        try (Database db = Database.open(file)) {
            assertTrue(Files.exists(file));
            assertEquals("wal", pragma(db, "journal_mode"));
            assertEquals("2", pragma(db, "synchronous"), "synchronous=FULL");
            assertEquals("1", pragma(db, "foreign_keys"));
            assertEquals(Integer.toString(Database.BUSY_TIMEOUT_MS), pragma(db, "busy_timeout"));
            assertEquals(0, db.activeConnections());
        }
    }

    @Test
    void migratesOnceAndKeepsDataAcrossRestarts() {
        Path file = tmp.resolve("tertial.db");
        try (Database db = Database.open(file)) {
            new PeriodRepository(db).create(PeriodCode.parse("2022-T2"), LocalDate.of(2022, 9, 9), Instant.EPOCH);
        }
        try (Database db = Database.open(file)) {
            PeriodRepository periods = new PeriodRepository(db);
            assertEquals(LocalDate.of(2022, 9, 9), periods.find(PeriodCode.parse("2022-T2")).orElseThrow().deadline());
            assertTrue(periods.create(PeriodCode.parse("2022-T2"), LocalDate.of(2023, 1, 1), Instant.EPOCH).isEmpty());
            assertTrue(periods.setState(PeriodCode.parse("2022-T2"), PeriodState.LOCKED));
            assertEquals(PeriodState.LOCKED, periods.find(PeriodCode.parse("2022-T2")).orElseThrow().state());
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        try (Database db = Database.open(tmp.resolve("tertial.db"))) {
            assertThrows(IllegalStateException.class, () -> db.write(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO period VALUES ('2022-T1', '2022-05-10', 'open', '2022-01-01T00:00:00Z')");
                }
                throw new IllegalStateException("injected failure after the first insert");
            }));
            assertEquals(0, new PeriodRepository(db).list().size());
            assertEquals(0, db.activeConnections());
        }
    }

    @Test
    void theSchemaRefusesMalformedRows() {
        try (Database db = Database.open(tmp.resolve("tertial.db"))) {
            assertThrows(StoreException.class, () -> db.write(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO period VALUES ('2022-T4', '2022-05-10', 'open', 'x')");
                }
            }));
            assertThrows(StoreException.class, () -> db.write(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO submission (unit, period, version, status, is_current, "
                            + "accepted_at) VALUES ('FS-MED', '2030-T1', 1, 'accepted', 1, 'x')");
                }
            }), "foreign key to period enforced");
        }
    }

    private static String pragma(Database db, String name) {
        return db.read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }
}
