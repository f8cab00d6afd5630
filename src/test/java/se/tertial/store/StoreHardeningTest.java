package se.tertial.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.spec.PeriodCode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Indexes on the hot paths, owner-only files, snapshot reads and clear errors for an unusable data directory. */
class StoreHardeningTest {
    @TempDir
    Path tmp;

    @Test
    void everyHotQueryUsesAnIndexAndScansNoTable() {
        List<String> queries = new ArrayList<>(SubmissionRepository.HOT_QUERIES);
        queries.add(UserRepository.Q_BY_TOKEN);
        try (Database db = Database.open(tmp.resolve("tertial.db"))) {
            for (String sql : queries) {
                List<String> plan = db.read(c -> {
                    List<String> rows = new ArrayList<>();
                    try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
                        for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                            ps.setString(i, "x");
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                rows.add(rs.getString("detail"));
                            }
                        }
                    }
                    return rows;
                });
                // A SELECT of scalar subqueries steps through one constant row: no table is scanned there.
                assertTrue(plan.stream().noneMatch(d -> d.startsWith("SCAN ") && !d.equals("SCAN CONSTANT ROW")),
                        sql + "\n  " + plan);
                assertTrue(plan.stream().anyMatch(d -> d.startsWith("SEARCH ")), sql + "\n  " + plan);
            }
        }
    }

    @Test
    void theDataDirectoryAndTheDatabaseFilesAreTheOwnersOnly() throws Exception {
        Path dir = tmp.resolve("data");
        Path file = dir.resolve("tertial.db");
        try (Database db = Database.open(file)) {
            new PeriodRepository(db).create(PeriodCode.parse("2022-T2"), LocalDate.of(2022, 9, 9), Instant.EPOCH);
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            for (String name : List.of("tertial.db", "tertial.db-wal", "tertial.db-shm")) {
                Path f = dir.resolve(name);
                assertTrue(Files.exists(f), name);
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)), name);
            }
        }
        // An existing, too open directory and file are tightened at the next start.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (Database db = Database.open(file)) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
    }

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
    void anUnusableDataPathIsExplainedInSwedish() throws Exception {
        Path notADir = Files.writeString(tmp.resolve("fil"), "x");
        StoreStartupException e1 = assertThrows(StoreStartupException.class,
                () -> Database.open(notADir.resolve("tertial.db")));
        assertTrue(e1.getMessage().contains("är en fil, inte en mapp"), e1.getMessage());
        Path dirAsDb = Files.createDirectories(tmp.resolve("d/tertial.db"));
        StoreStartupException e2 = assertThrows(StoreStartupException.class, () -> Database.open(dirAsDb));
        assertTrue(e2.getMessage().contains("är en mapp"), e2.getMessage());
        Path garbage = Files.writeString(Files.createDirectories(tmp.resolve("g")).resolve("tertial.db"),
                "inte en databas, bara text som råkar heta tertial.db");
        StoreStartupException e3 = assertThrows(StoreStartupException.class, () -> Database.open(garbage));
        assertTrue(e3.getMessage().contains("ingen tertial-databas"), e3.getMessage());
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
