package se.tertial.store;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * V7 moves the data sheet's name from each fact to one row per version and template: a store made before it opens
 * with every fact and its amount as they were, and each version's sheet kept once.
 */
class SheetMigrationTest {
    @TempDir
    Path tmp;

    @Test
    void aStoreFromBeforeV7KeepsItsFactsAndItsSheets() throws Exception {
        Path file = tmp.resolve("tertial.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/sqlite", "classpath:db/common")
                .target("6").load().migrate();
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            st.execute("INSERT INTO period (code, deadline, state, created_at) VALUES ('2022-T2', '2022-09-09', 'open', "
                    + "'2022-09-01T00:00:00Z')");
            for (int id = 1; id <= 2; id++) {
                st.execute("INSERT INTO submission (id, unit, period, version, status, is_current, accepted_at, "
                        + "templates) VALUES (" + id + ", 'FS-MED', '2022-T2', " + id + ", 'accepted', " + (id - 1)
                        + ", '2022-09-01T00:00:00Z', 'resultat:1,balans:1')");
            }
            st.execute("INSERT INTO fact (submission_id, template, sheet, line, col, amount_kr) VALUES "
                    + "(1, 'resultat', 'Resultat', 'KOST_LON', 'UTFALL', -80000000), "
                    + "(1, 'resultat', 'Resultat', 'INT_AVGIFTER', 'UTFALL', 12000000), "
                    + "(2, 'resultat', 'Resultat 2', 'KOST_LON', 'UTFALL', -81000000), "
                    + "(2, 'balans', 'Balans', 'KASSA', 'UTGAENDE', 5000)");
        }
        try (Database db = Database.open(file)) {
            assertEquals(List.of("1 resultat INT_AVGIFTER UTFALL 12000000", "1 resultat KOST_LON UTFALL -80000000",
                    "2 balans KASSA UTGAENDE 5000", "2 resultat KOST_LON UTFALL -81000000"), rows(db,
                    "SELECT submission_id || ' ' || template || ' ' || line || ' ' || col || ' ' || amount_kr "
                            + "FROM fact ORDER BY 1"));
            assertEquals(List.of("1 resultat Resultat", "2 balans Balans", "2 resultat Resultat 2"), rows(db,
                    "SELECT submission_id || ' ' || template || ' ' || sheet FROM submission_sheet ORDER BY 1"));
            assertThrows(RuntimeException.class, () -> rows(db, "SELECT sheet FROM fact"),
                    "the column is gone from the facts");
        }
    }

    private static List<String> rows(Database db, String sql) {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }
}
