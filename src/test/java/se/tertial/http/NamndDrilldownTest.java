package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's second level (issue 25): a nämnd's units as JSON with the figures of the workbook's drill-down
 * sheet, each unit's review state, warnings and latest upload; finance only. On SQLite and PostgreSQL.
 */
class NamndDrilldownTest {
    @TempDir
    Path tmp;

    @Test
    void aNamndsUnitsCarryTheWorkbooksFiguresAndTheirPlaceInTheRound() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.createPeriod("2022-T2");
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid()
                    .set("Resultat", "INT_OVRIGA", "UTFALL", "-40")
                    .setText("Resultat", "KOST_LON", "KOMMENTAR", "Inhyrd personal.").bytes()).statusCode());
            assertEquals(200, s.post("/api/periods/2022-T2/units/FS-MED/approve", "{\"version\":1}", s.finance)
                    .statusCode());
            JsonNode fs = TestServer.json(s.get("/api/reports/2022-T2/namnd/FS.json", s.finance));
            assertEquals("FS", fs.get("namnd").asText());
            JsonNode med = null;
            JsonNode kir = null;
            for (JsonNode u : fs.get("units")) {
                if (u.get("unit").asText().equals("FS-MED")) {
                    med = u;
                } else if (u.get("unit").asText().equals("FS-KIR")) {
                    kir = u;
                }
            }
            assertEquals("godkand", med.get("review").asText());
            assertEquals("godkänd", med.get("reviewLabel").asText());
            assertEquals(1, med.get("warnings").asInt(), "the sign warning");
            assertTrue(med.get("comments").toString().contains("Inhyrd personal."), med.toString());
            assertTrue(!med.get("latestUpload").isNull() && med.get("latestBy").asText().equals("controller.fs"));
            assertTrue(kir.get("missing").asBoolean() && kir.get("periodDeviation").isNull());
            assertEquals("saknas", kir.get("review").asText());

            // The workbook's drill-down sheet FS has the same figures (mnkr there, tkr here).
            try (Workbook wb = Sheets.open(s.get("/api/reports/2022-T2/konsolidering.xlsx", s.finance).body())) {
                Sheet sheet = wb.getSheet("FS");
                Row row = null;
                for (Row r : sheet) {
                    if (r.getCell(0) != null && "FS-MED".equals(r.getCell(0).toString())) {
                        row = r;
                    }
                }
                String[] fields = {"outcome", "periodBudget", "periodDeviation", "yearBudget", "forecast",
                        "forecastDeviation"};
                for (int c = 0; c < fields.length; c++) {
                    assertEquals(med.get(fields[c]).decimalValue().doubleValue() / 1000,
                            row.getCell(2 + c).getNumericCellValue(), 1e-9, fields[c]);
                }
            }
            assertEquals(403, s.get("/api/reports/2022-T2/namnd/FS.json", s.controller).statusCode());
            assertEquals(404, s.get("/api/reports/2022-T2/namnd/XX.json", s.finance).statusCode());
        }
    }
}
