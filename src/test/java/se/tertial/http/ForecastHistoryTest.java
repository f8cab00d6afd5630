package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.FactKey;
import se.tertial.spec.LineCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.UnitCode;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Bokslut och prognos" (issue 25): the bokslut deviations of two years and the prognos deviation of each tertial,
 * per unit and nämnd; blank where a unit had no version then, totals of what was reported, approved versions only
 * on request, a year without T1; the same figures in JSON and in konsolidering.xlsx. On SQLite and PostgreSQL.
 */
class ForecastHistoryTest {
    @TempDir
    Path tmp;

    private static final FactKey VNK_FORECAST_DEVIATION = new FactKey(TemplateId.of("resultat"), LineCode.of("SUM_VNK"),
            ColumnCode.of("AVV_PROGNOS"));

    /** A year end: the forecast is the outcome, so every line deviates from its budget and is explained. */
    private static byte[] yearEnd(String unit, String period) {
        FilledTemplate t = FilledTemplate.of(unit, period).valid()
                .set("Resultat", "INT_AVGIFTER", "PROGNOS", "12000").set("Resultat", "KOST_LON", "PROGNOS", "-80000.5")
                .set("Resultat", "KOST_LAKEMEDEL", "PROGNOS", "-9000");
        for (String line : List.of("INT_AVGIFTER", "KOST_LON", "KOST_LAKEMEDEL")) {
            t.setText("Resultat", line, "KOMMENTAR", "Bokslutet avviker.");
        }
        return t.bytes();
    }

    @Test
    void blanksStayBlankTotalsAddAndApprovedOnlyLeavesOutTheRest() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            for (String p : List.of("2020-T3", "2021-T3", "2022-T1", "2022-T2")) {
                s.createPeriod(p);
            }
            for (String p : List.of("2020-T3", "2021-T3")) {
                assertEquals(201, s.upload(s.controller, yearEnd("FS-MED", p)).statusCode(), p);
            }
            assertEquals(201, s.upload(s.controller, yearEnd("FS-KIR", "2021-T3")).statusCode());
            for (String p : List.of("2022-T1", "2022-T2")) {
                assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", p).valid().bytes()).statusCode());
            }
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-KIR", "2022-T2").valid()
                    .set("Resultat", "KOST_LON", "PROGNOS", "-120900").setText("Resultat", "KOST_LON", "KOMMENTAR",
                            "Fler vikarier.").bytes()).statusCode());
            assertEquals(200, s.post("/api/periods/2022-T2/units/FS-MED/approve", "{\"version\":1}", s.finance)
                    .statusCode());

            JsonNode h = TestServer.json(s.get("/api/reports/2022-T2/prognoshistorik.json", s.finance));
            assertEquals("2022-T2", h.get("period").asText());
            assertEquals(List.of("2020-T3", "2021-T3", "2022-T1", "2022-T2"), texts(h.get("columns")));
            JsonNode med = row(h, "FS-MED");
            for (String p : List.of("2020-T3", "2021-T3", "2022-T1", "2022-T2")) {
                Amount stored = s.app().reports().report(p).current().get(UnitCode.of("FS-MED")).facts()
                        .get(VNK_FORECAST_DEVIATION);
                assertEquals(0, stored.tkr().compareTo(med.get("values").get(p).decimalValue()), p);
            }
            assertEquals(0, new BigDecimal("-200").compareTo(med.get("values").get("2022-T2").decimalValue()),
                    "+100 − 400 + 100 tkr");
            JsonNode kir = row(h, "FS-KIR");
            assertTrue(kir.get("values").get("2020-T3").isNull() && kir.get("values").get("2022-T1").isNull(),
                    "no version then: blank, never 0");
            assertEquals(0, new BigDecimal("-700").compareTo(kir.get("values").get("2022-T2").decimalValue()));
            assertTrue(row(h, "FS-PRIV").get("values").get("2022-T2").isNull());
            JsonNode fs = total(h, "FS");
            assertTrue(fs.get("name").asText().startsWith("Totalt"));
            assertEquals(0, new BigDecimal("-900").compareTo(fs.get("values").get("2022-T2").decimalValue()),
                    "the reported units add up");
            assertEquals(0, med.get("values").get("2020-T3").decimalValue()
                    .compareTo(fs.get("values").get("2020-T3").decimalValue()), "FS-MED alone in 2020");
            assertTrue(total(h, "TIM").get("values").get("2022-T2").isNull(), "nobody reported: blank");

            JsonNode approved = TestServer.json(s.get("/api/reports/2022-T2/prognoshistorik.json?approved=true",
                    s.finance));
            assertEquals(0, new BigDecimal("-200").compareTo(row(approved, "FS-MED").get("values").get("2022-T2")
                    .decimalValue()));
            assertTrue(row(approved, "FS-KIR").get("values").get("2022-T2").isNull(), "FS-KIR is not approved");
            assertTrue(row(approved, "FS-MED").get("values").get("2021-T3").isNull(), "nor is FS-MED's 2021");

            // konsolidering.xlsx: the sheet after the nämndsavvikelser, the same figures in mnkr, blanks blank.
            try (Workbook wb = Sheets.open(s.get("/api/reports/2022-T2/konsolidering.xlsx", s.finance).body())) {
                assertEquals("Prognoshistorik", wb.getSheetName(1));
                Sheet sheet = wb.getSheet("Prognoshistorik");
                Row medRow = find(sheet, "FS-MED");
                Row kirRow = find(sheet, "FS-KIR");
                for (int c = 0; c < 4; c++) {
                    JsonNode v = med.get("values").get(h.get("columns").get(c).asText());
                    assertEquals(v.decimalValue().doubleValue() / 1000, medRow.getCell(2 + c).getNumericCellValue(),
                            1e-9);
                }
                assertTrue(kirRow.getCell(2) == null || kirRow.getCell(2).getCellType() == CellType.BLANK);
            }
        }
    }

    @Test
    void aYearWithoutT1StillWorks() {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.createPeriod("2021-T3");
            s.createPeriod("2023-T2");
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2023-T2").valid().bytes())
                    .statusCode());
            JsonNode h = TestServer.json(s.get("/api/reports/2023-T2/prognoshistorik.json", s.finance));
            assertEquals(List.of("2021-T3", "2023-T2"), texts(h.get("columns")),
                    "the periods that exist: no 2022-T3, no 2023-T1");
            assertTrue(row(h, "FS-MED").get("values").get("2021-T3").isNull());
            assertEquals(404, s.get("/api/reports/2019-T2/prognoshistorik.json", s.finance).statusCode());
            assertEquals(403, s.get("/api/reports/2023-T2/prognoshistorik.json", s.controller).statusCode());
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static JsonNode row(JsonNode h, String unit) {
        for (JsonNode r : h.get("rows")) {
            if (unit.equals(r.get("unit").asText(null))) {
                return r;
            }
        }
        throw new AssertionError("no row " + unit);
    }

    private static JsonNode total(JsonNode h, String namnd) {
        for (JsonNode r : h.get("rows")) {
            if (r.get("unit").isNull() && r.get("namnd").asText().equals(namnd)) {
                return r;
            }
        }
        throw new AssertionError("no total " + namnd);
    }

    private static Row find(Sheet sheet, String unit) {
        for (Row r : sheet) {
            if (r.getCell(0) != null && unit.equals(r.getCell(0).toString())) {
                return r;
            }
        }
        throw new AssertionError("no row " + unit);
    }
}
