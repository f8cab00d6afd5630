package se.tertial.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.money.Amount;
import se.tertial.spec.ReportText;
import se.tertial.testkit.RegionFixture;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report and the review round (issue 11): every sheet says which units are not yet approved; with
 * {@code approved=true} the figures are exactly those of the approved versions; Kontroller has "Alla enheter
 * godkända".
 */
class ApprovedReportTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static RegionFixture region;

    @BeforeAll
    static void round() {
        server = new TestServer(tmp.resolve("data"));
        region = new RegionFixture(server, "2022-T2", List.of());
        for (String unit : List.of("FS-MED", "FS-KIR")) {
            var r = server.post("/api/periods/2022-T2/units/" + unit + "/approve", "{\"version\":1}", server.finance);
            assertEquals(200, r.statusCode(), new String(r.body()));
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void approvedOnlyHoldsExactlyTheApprovedVersions() {
        Figures all = server.app().reports().report("2022-T2", false).figures();
        Figures approved = server.app().reports().report("2022-T2", true).figures();
        assertTrue(approved.approvedOnly());
        assertEquals(List.of(), approved.missing(), "left out for lack of approval is not missing");
        List<String> expectedNotApproved = new ArrayList<>(region.resultatUnits);
        expectedNotApproved.add("RSO-FINANS");
        expectedNotApproved.removeAll(List.of("FS-MED", "FS-KIR"));
        assertEquals(expectedNotApproved.stream().sorted().toList(), approved.notApproved().stream().sorted().toList());
        assertEquals(all.notApproved(), approved.notApproved());

        Figures.Drilldown fs = approved.drilldowns().stream().filter(d -> d.namnd().equals("FS")).findFirst()
                .orElseThrow();
        BigDecimal expected = region.deviations.get("FS-MED")[0].add(region.deviations.get("FS-KIR")[0]);
        assertEquals(Optional.of(Amount.ofTkr(expected)), fs.period(), "FS's deviation is FS-MED's and FS-KIR's");
        for (var group : fs.groups()) {
            for (var unit : group.units()) {
                boolean in = List.of("FS-MED", "FS-KIR").contains(unit.unit());
                assertEquals(!in, unit.missing(), unit.unit());
                assertEquals(in, unit.outcome().isPresent(), unit.unit());
            }
        }
        // Every other nämnd has no approved unit: no figures at all, never zeros.
        approved.drilldowns().stream().filter(d -> !d.namnd().equals("FS"))
                .forEach(d -> assertEquals(Optional.empty(), d.period(), d.namnd()));
        assertFalse(approved.kontroller().stream().filter(c -> c.code().equals("GODKANNANDE")).findFirst()
                .orElseThrow().ok());
        // The full report still has every unit's figures.
        assertTrue(all.drilldowns().stream().filter(d -> d.namnd().equals("RS")).findFirst().orElseThrow()
                .period().isPresent());
    }

    @Test
    void everySheetNamesTheUnitsNotYetApproved() throws Exception {
        Figures f = server.app().reports().report("2022-T2", false).figures();
        for (boolean approvedOnly : List.of(false, true)) {
            String note = ReportText.reportNotApproved(f.notApproved(), approvedOnly);
            try (Workbook wb = Sheets.open(server.app().reports().workbook("2022-T2", approvedOnly).bytes())) {
                for (Sheet sheet : wb) {
                    if (wb.isSheetHidden(wb.getSheetIndex(sheet))) {
                        continue;
                    }
                    assertTrue(texts(sheet, 4).contains(note), sheet.getSheetName() + " (approved only: "
                            + approvedOnly + ") lacks \"" + note + "\": " + texts(sheet, 4));
                }
                Cell check = find(wb.getSheet("Kontroller"), ReportText.CHECK_APPROVED);
                assertEquals(ReportText.CHECK_INCOMPLETE, check.getRow().getCell(2).getStringCellValue());
                if (approvedOnly) {
                    Cell prd = find(wb.getSheet("FS"), "FS-PRD");
                    assertEquals(ReportText.UNIT_NOT_APPROVED, prd.getRow().getCell(8).getStringCellValue());
                    assertEquals(CellType.BLANK, prd.getRow().getCell(2).getCellType());
                }
            }
        }
        var json = TestServer.json(server.get("/api/reports/2022-T2/namndsavvikelser.json?approved=true"));
        assertTrue(json.get("report").get("approvedOnly").asBoolean(), json.toString());
        assertEquals(f.notApproved().size(), json.get("report").get("notApproved").size());
    }

    private static List<String> texts(Sheet sheet, int rows) {
        List<String> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            Row row = sheet.getRow(r);
            if (row != null && row.getCell(0) != null && row.getCell(0).getCellType() == CellType.STRING) {
                out.add(row.getCell(0).getStringCellValue());
            }
        }
        return out;
    }

    private static Cell find(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no \"" + text + "\" on " + sheet.getSheetName());
    }
}
