package se.tertial.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.money.Amount;
import se.tertial.testkit.LibreOffice;
import se.tertial.testkit.RegionFixture;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consolidated workbook of a full round (last year's bokslut stored, one unit missing): every formula,
 * evaluated by POI and recalculated by LibreOffice, gives the figures of the JSON; the Underlag is a real table.
 */
class ReportWorkbookTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static Figures figures;
    static byte[] bytes;
    static long facts;

    @BeforeAll
    static void round() {
        server = new TestServer(tmp.resolve("data"));
        new RegionFixture(server, "2021-T3", List.of());
        new RegionFixture(server, "2022-T2", List.of("FS-PRD"));
        figures = server.app().reports().report("2022-T2").figures();
        bytes = server.app().reports().workbook("2022-T2").bytes();
        facts = server.app().database().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM fact f JOIN submission s "
                    + "ON s.id = f.submission_id WHERE s.period = '2022-T2' AND s.is_current = 1")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyFormulaEvaluatedByPoiGivesTheFigureTertialComputed() throws Exception {
        try (Workbook wb = Sheets.open(bytes)) {
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            int formulas = 0;
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        if (c.getCellType() != CellType.FORMULA) {
                            continue;
                        }
                        formulas++;
                        var v = ev.evaluate(c);
                        String where = sheet.getSheetName() + "!" + c.getAddress();
                        if (c.getCachedFormulaResultType() == CellType.STRING) {
                            assertEquals(c.getStringCellValue(), v.getStringValue(), where);
                        } else {
                            assertEquals(c.getNumericCellValue(), v.getNumberValue(), 1e-9, where + " =" + c.getCellFormula());
                        }
                    }
                }
            }
            assertTrue(formulas > 200, "the report is made of formulas: " + formulas);
            assertFiguresInCells(wb, cell -> cell.getNumericCellValue());
        }
    }

    @Test
    void libreOfficeRecalculatesEveryFormulaToTheSameFigures() throws Exception {
        // Poison every cached result, so only a real recalculation can give the right numbers back.
        Map<String, Object> expected = new HashMap<>();
        byte[] poisoned;
        try (Workbook wb = Sheets.open(bytes)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        if (c.getCellType() == CellType.FORMULA) {
                            String key = sheet.getSheetName() + "!" + c.getAddress();
                            if (c.getCachedFormulaResultType() == CellType.STRING) {
                                expected.put(key, c.getStringCellValue());
                                c.setCellValue("förgiftad");
                            } else {
                                expected.put(key, c.getNumericCellValue());
                                c.setCellValue(-123456.789);
                            }
                        }
                    }
                }
            }
            poisoned = Sheets.bytes(wb);
        }
        Path in = tmp.resolve("konsolidering.xlsx");
        Files.write(in, poisoned);
        Path out = LibreOffice.convert(in, "xlsx", tmp.resolve("lo"));
        try (Workbook wb = Sheets.open(Files.readAllBytes(out))) {
            int checked = 0;
            for (Map.Entry<String, Object> e : expected.entrySet()) {
                String[] parts = e.getKey().split("!");
                var ref = new org.apache.poi.ss.util.CellReference(parts[1]);
                Cell c = wb.getSheet(parts[0]).getRow(ref.getRow()).getCell(ref.getCol());
                if (e.getValue() instanceof String s) {
                    assertEquals(s, c.getStringCellValue(), e.getKey());
                } else {
                    assertEquals((Double) e.getValue(), c.getNumericCellValue(), 1e-6, e.getKey() + " recalculated");
                }
                checked++;
            }
            assertEquals(expected.size(), checked);
            assertFiguresInCells(wb, Cell::getNumericCellValue);
        }
    }

    @Test
    void underlagIsARealExcelTableWithARowPerCurrentFact() throws Exception {
        try (Workbook wb = Sheets.open(bytes)) {
            XSSFSheet sheet = (XSSFSheet) wb.getSheet("Underlag");
            List<XSSFTable> tables = sheet.getTables();
            assertEquals(1, tables.size());
            XSSFTable t = tables.get(0);
            assertEquals("Underlagstabell", t.getName());
            assertEquals(facts, t.getEndRowIndex() - t.getStartRowIndex(), "a header and a row per current fact");
            assertEquals(List.of("Enhet", "Nämnd", "Grupp", "Blad", "Rad", "Kolumn", "Belopp (tkr)",
                    "Inlämning", "Version", "Uppladdad"), t.getColumns().stream().map(c -> c.getName()).toList());
        }
    }

    @Test
    void everySheetSaysWhatIsMissingAndPrintsOnA4() throws Exception {
        assertEquals(List.of("FS-PRD"), figures.missing());
        try (Workbook wb = Sheets.open(bytes)) {
            for (Sheet s : wb) {
                assertEquals("Underlag saknas för: FS-PRD", s.getRow(1).getCell(0).getStringCellValue(), s.getSheetName());
                assertEquals(PrintSetup.A4_PAPERSIZE, s.getPrintSetup().getPaperSize());
                assertTrue(s.getPrintSetup().getLandscape());
                assertEquals(1, s.getPrintSetup().getFitWidth());
                assertNotNull(s.getPaneInformation(), s.getSheetName() + " frozen panes");
            }
            Row rr = wb.getSheet("Resultaträkning").getRow(4);
            // Headings carry our own line breaks (HeadingFit); their words are these.
            assertEquals(List.of("Utfall Tertial 2:2022", "Prognos 2022", "Avvikelse mot årsbudget",
                    "Utfall Tertial 2:2021", "Bokslut 2021"), List.of(rr.getCell(1).getStringCellValue().replace('\n', ' '),
                    rr.getCell(2).getStringCellValue().replace('\n', ' '), rr.getCell(3).getStringCellValue().replace('\n', ' '),
                    rr.getCell(4).getStringCellValue().replace('\n', ' '), rr.getCell(5).getStringCellValue().replace('\n', ' ')));
            Cell fsPrd = find(wb.getSheet("FS"), "FS-PRD");
            assertEquals("Underlag saknas", fsPrd.getRow().getCell(8).getStringCellValue());
            assertEquals(CellType.BLANK, fsPrd.getRow().getCell(2).getCellType(), "missing is empty, not zero");
            Cell fsDeviation = wb.getSheet("Nämndsavvikelser").getRow(5).getCell(1);
            assertEquals(Math.abs(fsDeviation.getNumericCellValue()) >= 0.5 ? ReportStyles.MNKR_SIGNED
                    : ReportStyles.MNKR_DETAIL_SIGNED, fsDeviation.getCellStyle().getDataFormatString());
            assertEquals(ReportStyles.MNKR_DETAIL, fsPrd.getRow().getCell(3).getCellStyle().getDataFormatString());
            Cell check = find(wb.getSheet("Kontroller"), se.tertial.spec.ReportText.CHECK_MISSING).getRow().getCell(2);
            assertEquals("Ofullständigt", check.getStringCellValue());
        }
        assertFalse(figures.kontroller().stream().filter(c -> c.code().equals("INGAENDE_EK")).findFirst()
                .orElseThrow().difference().isEmpty(), "last year's bokslut is stored, so opening equity is checked");
    }

    @Test
    void atYearEndTheForecastIsTheOutcome() throws Exception {
        Figures t3 = server.app().reports().report("2021-T3").figures();
        assertEquals(List.of(), t3.missing());
        for (Figures.RrLine line : t3.resultatrakning()) {
            assertEquals(line.outcome(), line.forecast(), line.code());
        }
        try (Workbook wb = Sheets.open(server.app().reports().workbook("2021-T3").bytes())) {
            Row h = wb.getSheet("Resultaträkning").getRow(4);
            assertEquals("Utfall 2021", h.getCell(1).getStringCellValue().replace('\n', ' '));
            assertEquals("Prognos 2021 (= utfall)", h.getCell(2).getStringCellValue().replace('\n', ' '));
            assertEquals("Utfall 2020", h.getCell(4).getStringCellValue().replace('\n', ' '));
            assertEquals("Nämndsavvikelser (mnkr), Bokslut 2021", wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue());
        }
    }

    /**
     * No non-zero deviation shows as zero (#10 item 15): a signed cell whose rounding would hide the figure gets more
     * decimals, so 0.3 mnkr reads "+0.3", not "+0", on every sheet; figures of half a mnkr and more keep whole mnkr.
     */
    @Test
    void noNonZeroDeviationDisplaysAsZero() throws Exception {
        var formatter = new org.apache.poi.ss.usermodel.DataFormatter(java.util.Locale.ROOT);
        int signed = 0;
        int small = 0;
        List<String> hidden = new java.util.ArrayList<>();
        try (Workbook wb = Sheets.open(bytes)) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        String format = c.getCellStyle().getDataFormatString();
                        if (c.getCellType() != CellType.FORMULA || !format.startsWith("+")) {
                            continue;
                        }
                        signed++;
                        double v = c.getNumericCellValue();
                        String shown = formatter.formatCellValue(c, null);
                        if (v != 0 && !shown.matches(".*[1-9].*")) {
                            hidden.add(sheet.getSheetName() + "!" + c.getAddress() + " " + v + " shows \"" + shown + "\"");
                        }
                        if (v != 0 && Math.abs(v) < 0.5) {
                            small++;
                        }
                        if (Math.abs(v) >= 0.5 && sheet.getSheetName().equals("Nämndsavvikelser")) {
                            assertEquals(ReportStyles.MNKR_SIGNED, format, c.getAddress() + " keeps whole mnkr");
                        }
                    }
                }
            }
        }
        assertTrue(signed > 20 && small > 0, signed + " signed cells, " + small + " small non-zero ones");
        assertEquals(List.of(), hidden);
    }

    /** The figures, found by their labels, in the cells (values as the given reader sees them). */
    private static void assertFiguresInCells(Workbook wb, java.util.function.ToDoubleFunction<Cell> read) {
        List<String> checked = new ArrayList<>();
        Sheet na = wb.getSheet("Nämndsavvikelser");
        int r = SheetWriter.FIRST_ROW;
        for (Figures.NamndRow row : figures.namndsavvikelser()) {
            if (row.kind() == Figures.RowKind.TOTAL) {
                r++;
            }
            assertEquals(row.label(), na.getRow(r).getCell(0).getStringCellValue().strip());
            assertCell(na.getRow(r).getCell(1), row.period(), read, "Nämndsavvikelser " + row.label());
            assertCell(na.getRow(r).getCell(2), row.forecast(), read, "Nämndsavvikelser " + row.label());
            checked.add(row.label());
            r++;
        }
        Sheet rr = wb.getSheet("Resultaträkning");
        r = SheetWriter.FIRST_ROW;
        for (Figures.RrLine line : figures.resultatrakning()) {
            assertEquals(line.label(), rr.getRow(r).getCell(0).getStringCellValue());
            List<Optional<Amount>> v = List.of(line.outcome(), line.forecast(), line.deviation(),
                    line.samePeriodLastYear(), line.lastYearBokslut());
            for (int c = 0; c < v.size(); c++) {
                assertCell(rr.getRow(r).getCell(1 + c), v.get(c), read, "RR " + line.code() + " col " + c);
            }
            r++;
        }
        Sheet br = wb.getSheet("Balansräkning");
        for (Figures.BrLine line : figures.balansrakning()) {
            Cell label = find(br, line.label());
            assertCell(label.getRow().getCell(1), line.value(), read, "BR " + line.line());
            assertCell(label.getRow().getCell(2), line.lastYearBokslut(), read, "BR fg " + line.line());
        }
        Sheet k = wb.getSheet("Nyckeltal");
        for (Figures.Ratio ratio : figures.nyckeltal()) {
            // An amount says its unit on the sheet: "Rörelsekapital (mnkr)".
            Cell cell = find(k, ratio.kind() == se.tertial.spec.ReportSpec.RatioKind.AMOUNT
                    ? se.tertial.spec.ReportText.inMnkr(ratio.label()) : ratio.label()).getRow().getCell(1);
            if (ratio.value().isEmpty()) {
                assertEquals(CellType.BLANK, cell.getCellType(), ratio.label());
            } else {
                double expected = ratio.kind() == se.tertial.spec.ReportSpec.RatioKind.AMOUNT
                        ? ratio.value().get().movePointLeft(3).doubleValue() : ratio.value().get().doubleValue();
                assertEquals(expected, read.applyAsDouble(cell), 1e-9, ratio.label());
            }
        }
        Sheet kontroller = wb.getSheet("Kontroller");
        for (Figures.Check c : figures.kontroller()) {
            if (c.difference().isPresent()) {
                assertCell(find(kontroller, c.label()).getRow().getCell(1), c.difference(), read, c.code());
            }
        }
        assertEquals(figures.namndsavvikelser().size(), checked.size());
    }

    private static void assertCell(Cell cell, Optional<Amount> figure, java.util.function.ToDoubleFunction<Cell> read,
                                   String what) {
        if (figure.isEmpty()) {
            assertTrue(cell == null || cell.getCellType() == CellType.BLANK, what + " should be empty");
        } else {
            assertNotNull(cell, what);
            assertEquals(figure.get().mnkr().doubleValue(), read.applyAsDouble(cell), 1e-6, what);
        }
    }

    private static Cell find(Sheet sheet, String text) {
        for (Row row : sheet) {
            for (Cell c : row) {
                if (c.getCellType() == CellType.STRING && c.getStringCellValue().strip().equals(text)) {
                    return c;
                }
            }
        }
        throw new AssertionError("no \"" + text + "\" on " + sheet.getSheetName());
    }

    @Test
    void drillDownSumRowsCarryAllSixColumnsAsTheSumsOfTheirUnits() throws Exception {
        try (Workbook wb = Sheets.open(bytes)) {
            Sheet fs = wb.getSheet("FS");
            FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
            int checked = 0;
            double[] sums = new double[6];
            boolean[] any = new boolean[6];
            for (Row row : fs) {
                Cell code = row.getCell(0);
                Cell label = row.getCell(1);
                if (code != null && code.getCellType() == CellType.STRING && code.getStringCellValue().startsWith("FS-")) {
                    for (int c = 0; c < 6; c++) {
                        Cell v = row.getCell(2 + c);
                        if (v != null && v.getCellType() == CellType.FORMULA) {
                            sums[c] += ev.evaluate(v).getNumberValue();
                            any[c] = true;
                        }
                    }
                } else if (label != null && label.getCellType() == CellType.STRING
                        && label.getStringCellValue().startsWith("Summa")) {
                    for (int c = 0; c < 6; c++) {
                        Cell v = row.getCell(2 + c);
                        assertEquals(any[c], v != null && v.getCellType() == CellType.FORMULA,
                                label.getStringCellValue() + " column " + c + ": blank only where no unit reported");
                        if (any[c]) {
                            assertEquals(sums[c], ev.evaluate(v).getNumberValue(), 1e-9,
                                    label.getStringCellValue() + " column " + c);
                        }
                    }
                    checked++;
                    sums = new double[6];
                    any = new boolean[6];
                }
            }
            assertTrue(checked >= 2, "FS has two groups: " + checked);
        }
    }

    @Test
    void headingsOfTextColumnsSitOverTheirValues() throws Exception {
        try (Workbook wb = Sheets.open(bytes)) {
            var left = org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT;
            Row fs = wb.getSheet("FS").getRow(4);
            for (int c : new int[] {0, 1, 8}) {
                assertEquals(left, fs.getCell(c).getCellStyle().getAlignment(), "FS heading " + c);
            }
            assertTrue(fs.getCell(2).getCellStyle().getAlignment() != left, "amount headings stay over amounts");
            Row u = wb.getSheet("Underlag").getRow(4);
            for (int c : new int[] {0, 1, 2, 3, 4, 5, 9}) {
                assertEquals(left, u.getCell(c).getCellStyle().getAlignment(), "Underlag heading " + c);
            }
            assertTrue(u.getCell(6).getCellStyle().getAlignment() != left);
        }
    }
}
