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
import java.util.concurrent.CountDownLatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The store's basic guarantees, on each run's database (SQLite, PostgreSQL). */
class DatabaseTest {
    @TempDir
    Path tmp;

    @Test
    void migratesOnceAndKeepsDataAcrossRestarts() {
        try (Database db = se.tertial.testkit.TestStores.open(tmp)) {
            new PeriodRepository(db).create(PeriodCode.parse("2022-T2"), LocalDate.of(2022, 9, 9), Instant.EPOCH);
        }
        try (Database db = se.tertial.testkit.TestStores.open(tmp)) {
            PeriodRepository periods = new PeriodRepository(db);
            assertEquals(LocalDate.of(2022, 9, 9), periods.find(PeriodCode.parse("2022-T2")).orElseThrow().deadline());
            assertTrue(periods.create(PeriodCode.parse("2022-T2"), LocalDate.of(2023, 1, 1), Instant.EPOCH).isEmpty());
            assertTrue(periods.setState(PeriodCode.parse("2022-T2"), PeriodState.LOCKED));
            assertEquals(PeriodState.LOCKED, periods.find(PeriodCode.parse("2022-T2")).orElseThrow().state());
        }
    }

    @Test
    void aFailedWriteLeavesNothingBehind() {
        try (Database db = se.tertial.testkit.TestStores.open(tmp)) {
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
        try (Database db = se.tertial.testkit.TestStores.open(tmp)) {
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

    @Test
    void aSnapshotSeesNothingCommittedAfterItBegan() throws Exception {
        try (Database db = se.tertial.testkit.TestStores.open(tmp)) {
            PeriodRepository periods = new PeriodRepository(db);
            periods.create(PeriodCode.parse("2022-T1"), LocalDate.of(2022, 5, 9), Instant.EPOCH);
            CountDownLatch firstRead = new CountDownLatch(1);
            CountDownLatch written = new CountDownLatch(1);
            Thread writer = new Thread(() -> {
                try {
                    firstRead.await();
                    periods.create(PeriodCode.parse("2022-T2"), LocalDate.of(2022, 9, 9), Instant.EPOCH);
                    written.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            writer.start();
            int[] counts = db.snapshot(() -> {
                int before = periods.list().size();
                firstRead.countDown();
                try {
                    written.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return new int[] {before, periods.list().size()};
            });
            writer.join();
            assertEquals(1, counts[0]);
            assertEquals(1, counts[1], "the second read is in the same snapshot");
            assertEquals(2, periods.list().size());
            assertEquals(0, db.activeConnections());
        }
    }
}
