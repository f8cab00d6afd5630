package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finance loads the year's budget; templates then carry it locked, and uploads must agree with it. */
class BudgetApiTest {
    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(tmp);
        server.createPeriod("2022-T2");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void loadsTheBudgetPrefillsTemplatesAndRejectsUploadsThatDisagree() throws Exception {
        HttpResponse<byte[]> template = server.get("/api/budget/2022/template.xlsx");
        assertEquals(200, template.statusCode());
        Workbook wb = Sheets.open(template.body());
        Sheet sheet = wb.getSheet("Budget");
        assertEquals(19 * 15 + 9, sheet.getLastRowNum() - 1, "a row per unit × budgeted line (resultat 15, finansiering 9)");
        // FS-MED budget: the same figures the valid() filling uses, except a period budget for KOST_LON.
        fill(sheet, "FS-MED", "INT_AVGIFTER", 18000, 0, 11800);
        fill(sheet, "FS-MED", "KOST_LON", -120000, 0, -79000);
        fill(sheet, "FS-MED", "KOST_LAKEMEDEL", -13500, 0, -9100);
        HttpResponse<byte[]> loaded = server.upload("/api/budget/2022", server.finance, "budget.xlsx", Sheets.bytes(wb));
        assertEquals(201, loaded.statusCode(), new String(loaded.body()));
        assertEquals("accepted", TestServer.json(loaded).get("status").asText());
        assertEquals(6, server.count("budget"), "zero budget cells left empty are not stored");

        try (Workbook t = Sheets.open(server.get("/api/templates/FS-MED/2022-T2.xlsx", server.controller).body())) {
            Cell ar = Sheets.cell(t, "Resultat", "KOST_LON", "BUDGET_AR");
            assertEquals(-120000, ar.getNumericCellValue(), 0);
            assertTrue(ar.getCellStyle().getLocked());
            assertEquals(-79000, Sheets.cell(t, "Resultat", "KOST_LON", "BUDGET_PERIOD").getNumericCellValue(), 0);
            assertTrue(Sheets.cell(t, "Resultat", "AVSKR", "BUDGET_PERIOD").getCellStyle().getLocked());
            assertFalse(Sheets.cell(t, "Resultat", "KOST_LON", "UTFALL").getCellStyle().getLocked());
        }
        HttpResponse<byte[]> r = server.upload(server.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes());
        assertEquals(422, r.statusCode());
        JsonNode errors = TestServer.json(r).get("errors");
        Set<String> cells = new HashSet<>();
        errors.forEach(e -> cells.add(e.get("rule").asText() + "@" + e.get("cell").asText()));
        assertEquals(Set.of("budget_mismatch@D9"), cells, "only KOST_LON's period budget differs");
        assertEquals(201, server.upload(server.controller, FilledTemplate.of("FS-MED", "2022-T2").valid()
                .set("Resultat", "KOST_LON", "BUDGET_PERIOD", "-79000").bytes()).statusCode());
    }

    @Test
    void rejectsABudgetWorkbookWithTextAndMissingRows() throws Exception {
        Workbook wb = Sheets.open(server.get("/api/budget/2022/template.xlsx").body());
        Sheet sheet = wb.getSheet("Budget");
        int row = rowOf(sheet, "FS-KIR", "KOST_LON");
        sheet.getRow(row).getCell(5).setCellValue("mycket");
        sheet.removeRow(sheet.getRow(rowOf(sheet, "RF", "AVSKR")));
        HttpResponse<byte[]> r = server.upload("/api/budget/2022", server.finance, "budget.xlsx", Sheets.bytes(wb));
        assertEquals(422, r.statusCode());
        JsonNode errors = TestServer.json(r).get("errors");
        assertEquals(2, errors.size(), errors.toString());
        assertEquals("not_a_number", errors.get(0).get("rule").asText());
        assertEquals("F" + (row + 1), errors.get(0).get("cell").asText());
        assertEquals("structure_line", errors.get(1).get("rule").asText());
        assertTrue(errors.get(1).get("message").asText().contains("RF resultat AVSKR saknas"));
        assertEquals(0, server.count("budget"));
        assertEquals(403, server.upload("/api/budget/2022", server.controller, "b.xlsx", Sheets.bytes(wb)).statusCode());
        assertEquals(422, server.upload("/api/budget/2023", server.finance, "b.xlsx", Sheets.bytes(wb)).statusCode(),
                "a 2022 budget workbook cannot be loaded as 2023");
    }

    private static void fill(Sheet sheet, String unit, String line, double ar, double t1, double t2) {
        Row row = sheet.getRow(rowOf(sheet, unit, line));
        row.getCell(5).setCellValue(ar);
        if (t1 != 0) {
            row.getCell(6).setCellValue(t1);
        }
        row.getCell(7).setCellValue(t2);
    }

    private static int rowOf(Sheet sheet, String unit, String line) {
        for (Row row : sheet) {
            if (row.getRowNum() > 1 && row.getCell(0).getStringCellValue().equals(unit)
                    && row.getCell(3).getStringCellValue().equals(line)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no budget row " + unit + " " + line);
    }
}
