package se.tertial.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.TestStores;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start skips Flyway only when the history is exactly this build's: {@link Migrations#SCRIPTS} names every script
 * file, our checksums are Flyway's, and a pending, failed or edited migration still goes to Flyway (which migrates,
 * or refuses as before).
 */
class MigrationsTest {
    @TempDir
    Path tmp;

    @Test
    void theListNamesEveryScriptInVersionOrder() throws IOException {
        for (String dialect : List.of("sqlite", "postgresql")) {
            List<String> files = new ArrayList<>();
            for (String folder : List.of(dialect, "common")) {
                try (Stream<Path> s = Files.list(Path.of("src/main/resources/db", folder))) {
                    s.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql")).forEach(files::add);
                }
            }
            files.sort(Comparator.comparingInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))));
            assertEquals(files, Migrations.SCRIPTS, dialect);
        }
    }

    @Test
    void ourChecksumsAreFlywaysAndAnUpToDateStoreIsCurrent() {
        try (Database db = TestStores.open(tmp.resolve("a"))) {
            assertEquals(Migrations.bundled(db.dialect()), history(db), "what Flyway recorded, as we compute it");
            assertTrue(Migrations.current(db.pool(), db.dialect()));
        }
        try (Database again = TestStores.open(tmp.resolve("a"))) {
            assertTrue(Migrations.current(again.pool(), again.dialect()), "opened again without Flyway");
        }
    }

    @Test
    void anEditedMigrationStillGoesToFlywaysValidation() {
        Path dir = tmp.resolve("b");
        try (Database db = TestStores.open(dir)) {
            db.write(c -> {
                try (var st = c.createStatement()) {
                    return st.executeUpdate("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '4'");
                }
            });
            assertFalse(Migrations.current(db.pool(), db.dialect()));
        }
        RuntimeException e = assertThrows(RuntimeException.class, () -> TestStores.open(dir).close());
        assertTrue(String.valueOf(rootMessage(e)).toLowerCase().contains("checksum"), rootMessage(e));
    }

    @Test
    void aPendingMigrationIsApplied() {
        Path dir = tmp.resolve("c");
        try (Database db = TestStores.open(dir)) {
            db.write(c -> {
                try (var st = c.createStatement()) {
                    st.executeUpdate("DROP INDEX app_user_name_without_case");
                    return st.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '10'");
                }
            });
            assertFalse(Migrations.current(db.pool(), db.dialect()));
        }
        try (Database db = TestStores.open(dir)) {
            assertEquals(Migrations.bundled(db.dialect()), history(db), "V10 applied again by Flyway");
        }
    }

    @Test
    void aHistoryWrittenByAClassPathScanValidatesAgainstTheBundledScriptsAndTheOtherWayRound() {
        org.sqlite.SQLiteDataSource scanned = new org.sqlite.SQLiteDataSource();
        scanned.setUrl("jdbc:sqlite:" + tmp.resolve("scanned.db"));
        scanning(scanned).migrate();
        Migrations.flyway(scanned, Database.Dialect.SQLITE, false).validate();
        assertTrue(Migrations.current(scanned, Database.Dialect.SQLITE));
        assertEquals(0, Migrations.flyway(scanned, Database.Dialect.SQLITE, false).migrate().migrationsExecuted);

        org.sqlite.SQLiteDataSource bundled = new org.sqlite.SQLiteDataSource();
        bundled.setUrl("jdbc:sqlite:" + tmp.resolve("bundled.db"));
        assertEquals(Migrations.SCRIPTS.size(), Migrations.flyway(bundled, Database.Dialect.SQLITE, false).migrate()
                .migrationsExecuted);
        scanning(bundled).validate();
        assertEquals(0, scanning(bundled).migrate().migrationsExecuted);
    }

    /** Flyway finding the scripts itself, as every build before the bundled list did. */
    private static org.flywaydb.core.Flyway scanning(javax.sql.DataSource store) {
        return org.flywaydb.core.Flyway.configure().dataSource(store).locations("classpath:db/sqlite",
                "classpath:db/common").load();
    }

    private static List<Migrations.Applied> history(Database db) {
        return db.read(c -> {
            List<Migrations.Applied> rows = new ArrayList<>();
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT version, script, checksum FROM flyway_schema_history ORDER BY installed_rank")) {
                while (rs.next()) {
                    rows.add(new Migrations.Applied(rs.getString(1), rs.getString(2), rs.getInt(3)));
                }
            }
            return rows;
        });
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() + " / " + e.getMessage();
    }
}
