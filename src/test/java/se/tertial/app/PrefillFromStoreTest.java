package se.tertial.app;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.spec.PeriodCode;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.StoreRows;
import se.tertial.testkit.TestSpecs;
import se.tertial.workbook.WorkbookFormat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Prior-year columns come from the store's accepted submissions, with real SQLite rows inserted directly. */
class PrefillFromStoreTest {
    @TempDir
    Path tmp;
    Tertial app;

    @BeforeEach
    void open() {
        app = Tertial.open(se.tertial.testkit.TestStores.on(new Config(TestSpecs.DIR, tmp, "127.0.0.1", 0, null, "tertial")));
        for (String p : new String[] {"2021-T2", "2021-T3", "2022-T2"}) {
            StoreRows.period(app.database(), p, "locked");
        }
    }

    @AfterEach
    void close() {
        assertEquals(0, app.database().activeConnections(), "a connection was left open");
        app.close();
    }

    @Test
    void fillsAndLocksLastYearsOutcomeAndBokslutFromCurrentVersions() throws Exception {
        // An older version that must be ignored, and the current one.
        StoreRows.submission(app.database(), "FS-MED", "2021-T2", 1, false,
                Map.of("resultat/KOST_LON/UTFALL", -999_000L));
        StoreRows.submission(app.database(), "FS-MED", "2021-T2", 2, true,
                Map.of("resultat/KOST_LON/UTFALL", -512_345_678L, "resultat/INT_AVGIFTER/UTFALL", 12_345_500L,
                        "resultat/KOST_LON/PROGNOS", -1L));
        StoreRows.submission(app.database(), "FS-MED", "2021-T3", 1, true,
                Map.of("resultat/KOST_LON/UTFALL", -770_000_001L));

        try (Workbook wb = generate("FS-MED", "2022-T2")) {
            Cell fg = Sheets.cell(wb, "Resultat", "KOST_LON", "UTFALL_FG");
            assertEquals(-512_345.678, fg.getNumericCellValue(), 0);
            assertTrue(fg.getCellStyle().getLocked());
            assertEquals(12_345.5, Sheets.cell(wb, "Resultat", "INT_AVGIFTER", "UTFALL_FG").getNumericCellValue(), 0);
            Cell empty = Sheets.cell(wb, "Resultat", "KOST_LAKEMEDEL", "UTFALL_FG");
            assertEquals(org.apache.poi.ss.usermodel.CellType.BLANK, empty.getCellType());
            assertTrue(empty.getCellStyle().getLocked(), "the whole prefilled column is locked");
            assertEquals(-770_000.001, Sheets.cell(wb, "Resultat", "KOST_LON", "BOKSLUT_FG").getNumericCellValue(), 0);
            assertFalse(Sheets.cell(wb, "Resultat", "KOST_LON", "UTFALL").getCellStyle().getLocked());
            // The sum over the prefilled column is still a live formula, computing the prefilled values.
            Cell sum = Sheets.cell(wb, "Resultat", "SUM_VNK", "UTFALL_FG");
            assertEquals(-500_000.178, wb.getCreationHelper().createFormulaEvaluator().evaluate(sum).getNumberValue(),
                    1e-9);
        }
    }

    @Test
    void leavesPriorColumnsAsOptionalInputsWhenNothingIsStored() throws Exception {
        StoreRows.submission(app.database(), "FS-KIR", "2021-T2", 1, true, Map.of("resultat/KOST_LON/UTFALL", -1000L));
        try (Workbook wb = generate("FS-MED", "2022-T2")) {
            assertFalse(Sheets.cell(wb, "Resultat", "KOST_LON", "UTFALL_FG").getCellStyle().getLocked());
            assertFalse(Sheets.cell(wb, "Resultat", "KOST_LON", "BOKSLUT_FG").getCellStyle().getLocked());
        }
    }

    @Test
    void fillsTheBalanceSheetsOpeningColumnFromLastYearsBokslut() throws Exception {
        StoreRows.submission(app.database(), "RSO-FINANS", "2021-T3", 1, true,
                Map.of("balans/BR_KASSA/UB", 1_500_000_000L, "finansiering/SKATT/UTFALL", 9_000_000_000L));
        try (Workbook wb = generate("RSO-FINANS", "2022-T2")) {
            Cell ubFg = Sheets.cell(wb, "Balans", "BR_KASSA", "UB_FG");
            assertEquals(1_500_000, ubFg.getNumericCellValue(), 0);
            assertTrue(ubFg.getCellStyle().getLocked());
            assertEquals(9_000_000, Sheets.cell(wb, "Finansiering", "SKATT", "BOKSLUT_FG").getNumericCellValue(), 0);
            // No 2021-T2 submission: the same-period column stays open.
            assertFalse(Sheets.cell(wb, "Finansiering", "SKATT", "UTFALL_FG").getCellStyle().getLocked());
        }
    }

    private Workbook generate(String unit, String period) {
        GeneratedFile f = app.templates().template(app.templates().unit(unit), PeriodCode.parse(period),
                Optional.of(LocalDate.of(2022, 9, 9)), WorkbookFormat.XLSX);
        return Sheets.open(f.bytes());
    }
}
