package se.tertial.ingest;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.FactKey;
import se.tertial.spec.Finding;
import se.tertial.spec.LineCode;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateId;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hand-made layouts found by their content (#12 item 1): the förvaltning layout of
 * {@code legacy/forvaltning-budgetuppfoljning.json} made in the test with POI, laid out a little differently each
 * time as real history is, loads with exactly the expected unit, period and facts; two candidates for an anchor
 * refuse the file naming both.
 */
class LegacyLayoutsTest {
    @TempDir
    Path tmp;

    /** How the workbook is laid out; each test changes one or a few things. */
    static final class Layout {
        String sheet = "Ekonomi";
        int leadingRows = 0;
        int leadingColumns = 0;
        String unit = "Verksamhet: Medicinsk vård";
        String period = "Period: jan–aug 2019";
        boolean mergedTitle = false;
        boolean infoSheetInFront = false;
        boolean gapsBetweenLines = false;
        boolean numbersAsText = false;
        UnaryOperator<String> label = s -> s;
        boolean xls = false;
        Consumer<Sheet> extra = s -> { };
    }

    /** Ledger signs (revenues negative, costs positive), tkr: Budget 2019, Utfall jan–aug 2019, Budgetavvikelse. */
    private static final Object[][] LINES = {
            {"Intäkter", -1000, -1100},
            {"Lön och arbetsgivaravgifter", 5000, 5100},
            {"Övriga kostnader", 2000, 2050},
    };

    private Path write(Layout l) throws Exception {
        try (Workbook wb = l.xls ? new HSSFWorkbook() : new XSSFWorkbook()) {
            if (l.infoSheetInFront) {
                Sheet info = wb.createSheet("Info");
                info.createRow(0).createCell(0).setCellValue("Så här fyller du i: Utfall jan–aug och Budget 2019.");
                info.createRow(1).createCell(0).setCellValue("Verksamhet: (fyll i på bladet Ekonomi)");
            }
            Sheet s = wb.createSheet(l.sheet);
            int r0 = l.leadingRows;
            int c0 = l.leadingColumns;
            cell(s, r0, c0, "Budgetuppföljning");
            cell(s, r0 + 1, c0, l.unit);
            cell(s, r0 + 2, c0, l.period);
            if (l.mergedTitle) {
                s.addMergedRegion(new CellRangeAddress(r0, r0, c0, c0 + 3));
                s.addMergedRegion(new CellRangeAddress(r0 + 1, r0 + 1, c0, c0 + 3));
            }
            int h = r0 + 4;
            cell(s, h, c0 + 1, "Budget 2019 (tkr)");
            cell(s, h, c0 + 2, "Utfall jan–aug 2019 (tkr)");
            cell(s, h, c0 + 3, "Budgetavvikelse (tkr)");
            int r = h + 1;
            int budget = 0;
            int outcome = 0;
            for (Object[] line : LINES) {
                if (l.gapsBetweenLines) {
                    s.createRow(r++);                      // a blank row
                    Row hidden = s.createRow(r++);         // a hidden row, empty
                    hidden.setZeroHeight(true);
                }
                cell(s, r, c0, l.label.apply((String) line[0]));
                amount(s, r, c0 + 1, (Integer) line[1], l.numbersAsText);
                amount(s, r, c0 + 2, (Integer) line[2], l.numbersAsText);
                amount(s, r, c0 + 3, (Integer) line[1] - (Integer) line[2], false);
                budget += (Integer) line[1];
                outcome += (Integer) line[2];
                r++;
            }
            cell(s, r, c0, l.label.apply("Summa"));
            amount(s, r, c0 + 1, budget, false);
            amount(s, r, c0 + 2, outcome, false);
            l.extra.accept(s);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return Files.write(tmp.resolve("uppfoljning-" + System.nanoTime() + (l.xls ? ".xls" : ".xlsx")),
                    out.toByteArray());
        }
    }

    private static void cell(Sheet s, int r, int c, String text) {
        Row row = s.getRow(r) != null ? s.getRow(r) : s.createRow(r);
        row.createCell(c).setCellValue(text);
    }

    /** A number, or the same as Swedish text: no-break space between thousands, U+2212 for minus. */
    private static void amount(Sheet s, int r, int c, int value, boolean asText) {
        Row row = s.getRow(r) != null ? s.getRow(r) : s.createRow(r);
        if (asText) {
            String digits = String.format(java.util.Locale.ROOT, "%,d", Math.abs(value)).replace(',', '\u00A0');
            row.createCell(c).setCellValue((value < 0 ? "\u2212" : "") + digits);
        } else {
            row.createCell(c).setCellValue(value);
        }
    }

    private IngestResult load(Layout l) throws Exception {
        Path f = write(l);
        MapContext ctx = new MapContext();
        ctx.periods.put(PeriodCode.parse("2019-T2"), false);
        ctx.periods.put(PeriodCode.parse("2019-T3"), false);
        return Ingest.run(f, f.getFileName().toString(), ctx);
    }

    /** The facts the layout must give, in tertial's convention (tkr, revenues positive, costs negative). */
    private static Map<FactKey, Amount> expected() {
        Map<FactKey, Amount> m = new LinkedHashMap<>();
        String[] lines = {"INT_OVRIGA", "KOST_LON", "KOST_OVRIGA"};
        for (int i = 0; i < LINES.length; i++) {
            m.put(key(lines[i], "BUDGET_AR"), Amount.ofTkr(Integer.toString(-(Integer) LINES[i][1])));
            m.put(key(lines[i], "UTFALL"), Amount.ofTkr(Integer.toString(-(Integer) LINES[i][2])));
        }
        return m;
    }

    private static FactKey key(String line, String column) {
        return new FactKey(TemplateId.of("resultat"), LineCode.of(line), ColumnCode.of(column));
    }

    private void loads(Layout l, String period) throws Exception {
        IngestResult r = load(l);
        assertTrue(r.outcome() != Outcome.REJECTED, r.findings().toString());
        assertEquals("FS-MED", r.identity().orElseThrow().unit().value());
        assertEquals(period, r.identity().orElseThrow().period().toString());
        // The stored facts are every line of the template (blank lines as 0, sums computed); the mapped ones:
        Map<FactKey, Amount> mapped = new LinkedHashMap<>();
        expected().keySet().forEach(k -> mapped.put(k, r.facts().get(k)));
        assertEquals(expected(), mapped);
        assertEquals(Amount.ofTkr("-6050"), r.facts().get(key("SUM_VNK", "UTFALL")));
    }

    @Test
    void theLayoutAsTheMappingWasWritten() throws Exception {
        Layout l = new Layout();
        loads(l, "2019-T2");
        assertEquals(List.of(), load(l).findings());
    }

    @Test
    void aTitleBlockLowerAndColumnsAndRowsInFront() throws Exception {
        Layout l = new Layout();
        l.leadingRows = 2;
        l.leadingColumns = 1;
        loads(l, "2019-T2");
        l.xls = true;
        loads(l, "2019-T2");
    }

    @Test
    void blankAndHiddenRowsBetweenTheLines() throws Exception {
        Layout l = new Layout();
        l.gapsBetweenLines = true;
        loads(l, "2019-T2");
    }

    @Test
    void labelsInAnotherCaseWithSpacesNoBreakSpacesAndAColon() throws Exception {
        Layout l = new Layout();
        l.label = s -> "  " + s.toUpperCase(java.util.Locale.ROOT).replace(' ', '\u00A0') + " : ";
        loads(l, "2019-T2");
        l.label = s -> s.toLowerCase(java.util.Locale.ROOT).replace(" ", "   ") + ":";
        loads(l, "2019-T2");
    }

    @Test
    void numbersTypedAsSwedishText() throws Exception {
        Layout l = new Layout();
        l.numbersAsText = true;
        loads(l, "2019-T2");
        IngestResult r = load(l);
        assertEquals(Outcome.ACCEPTED_WITH_WARNINGS, r.outcome());
        assertTrue(r.findings().stream().allMatch(f -> f.rule().equals(Rules.NUMBER_AS_TEXT)
                || f.rule().equals(Rules.LEGACY_TOTAL)), r.findings().toString());
    }

    @Test
    void mergedTitleCellsAndAnInfoSheetInFrontAndAnotherSheetName() throws Exception {
        Layout l = new Layout();
        l.mergedTitle = true;
        l.infoSheetInFront = true;
        loads(l, "2019-T2");
        // No sheet named Ekonomi: the only sheet whose headings match is the one.
        l.sheet = "Ekonomi 2019 (slutlig)";
        loads(l, "2019-T2");
    }

    @Test
    void periodsWrittenEveryWaySwedishControllersWriteThem() throws Exception {
        for (String text : List.of("Period: jan-aug 2019", "Period: januari–augusti 2019", "Period: augusti 2019",
                "Period: aug 2019", "Period: Tertial 2 2019", "Period: T2 2019", "Period: 2019-T2",
                "Period:\u00A0jan\u00A0–\u00A0aug\u00A02019")) {
            Layout l = new Layout();
            l.period = text;
            loads(l, "2019-T2");
        }
        for (String text : List.of("Period: Bokslut 2019", "Period: jan–dec 2019", "Period: helår 2019")) {
            Layout l = new Layout();
            l.period = text;
            loads(l, "2019-T3");
        }
        for (String text : List.of("Period: Q1-2019", "Period: maj–aug 2019", "Period: mars 2019")) {
            Layout l = new Layout();
            l.period = text;
            IngestResult r = load(l);
            assertEquals(Outcome.REJECTED, r.outcome(), text);
            Finding f = r.findings().get(0);
            assertEquals(Rules.UNKNOWN_PERIOD, f.rule(), text);
            assertTrue(f.message().contains("ingen tertialperiod"), f.message());
        }
    }

    @Test
    void twoCandidatesForAnAnchorAreRefusedNamingBoth() throws Exception {
        Layout l = new Layout();
        l.extra = s -> cell(s, 1, 5, "Verksamhet: Kirurgisk vård");
        IngestResult r = load(l);
        assertEquals(Outcome.REJECTED, r.outcome());
        Finding f = r.findings().get(0);
        assertEquals(Rules.LEGACY_AMBIGUOUS, f.rule());
        assertTrue(f.message().contains("A2 (\"Medicinsk vård\")") && f.message().contains("F2 (\"Kirurgisk vård\")"),
                f.message());
    }

    @Test
    void twoSheetsWithTheHeadingsAndNoneByNameAreRefusedNamingBoth() throws Exception {
        Layout l = new Layout();
        l.sheet = "Uppföljning";
        Path f = write(l);
        // A second copy of the sheet, as a forgotten draft beside the final one.
        try (Workbook wb = org.apache.poi.ss.usermodel.WorkbookFactory.create(f.toFile())) {
            wb.cloneSheet(0);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            Files.write(f.resolveSibling("tva.xlsx"), out.toByteArray());
        }
        MapContext ctx = new MapContext();
        ctx.periods.put(PeriodCode.parse("2019-T2"), false);
        IngestResult r = Ingest.run(f.resolveSibling("tva.xlsx"), "tva.xlsx", ctx);
        assertEquals(Rules.LEGACY_AMBIGUOUS, r.findings().get(0).rule(), r.findings().toString());
        assertTrue(r.findings().get(0).message().contains("\"Uppföljning\"")
                && r.findings().get(0).message().contains("\"Uppföljning (2)\""), r.findings().get(0).message());
    }

    @Test
    void aRowWithAmountsAndAnUnknownLabelIsStillAnError() throws Exception {
        Layout l = new Layout();
        l.extra = s -> {
            cell(s, 20, 0, "Konsulter");
            amount(s, 20, 1, 300, false);
        };
        IngestResult r = load(l);
        assertEquals(Outcome.REJECTED, r.outcome());
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals(Rules.LEGACY_UNKNOWN_ROW)
                && "A21".equals(f.cell())), r.findings().toString());
    }
}
