package se.tertial.report;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import se.tertial.money.Amount;
import se.tertial.spec.FactKey;
import se.tertial.spec.ReportText;
import se.tertial.spec.Organisation;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.Unit;
import se.tertial.spec.UnitCode;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every current fact as one flat Excel table (a real ListObject named {@code Underlag}) for PivotTables, and the
 * source of the report's SUMIFS formulas.
 */
final class UnderlagSheet {
    static final String NAME = "Underlag";
    static final String TABLE = "Underlagstabell";
    static final int COL_UNIT = 0;
    static final int COL_SHEET = 3;
    static final int COL_LINE = 4;
    static final int COL_COLUMN = 5;
    static final int COL_AMOUNT = 6;

    private final int lastRow;

    private UnderlagSheet(int lastRow) {
        this.lastRow = lastRow;
    }

    static UnderlagSheet write(SXSSFWorkbook wb, ReportStyles styles, SpecCatalog catalog, Figures f,
                               Map<UnitCode, UnitFacts> current) {
        SXSSFSheet sheet = wb.createSheet(NAME);
        SheetWriter w = new SheetWriter(sheet, styles, ReportText.underlagTitle(f.period()), f, ReportText.UNDERLAG_HEADINGS,
                new int[] {14, 10, 24, 13, 17, 15, 16, 11, 9, 17}, true);
        w.alignHeadingsLeft(1, 2, 3, 4, 5, 9);
        Organisation org = catalog.organisation();
        Map<FactKey, Integer> order = new java.util.HashMap<>();
        Comparator<FactKey> byTemplateLineColumn = Comparator.comparing((FactKey k) -> k.template().value())
                .thenComparing(k -> order.computeIfAbsent(k, x -> order(catalog, x)));
        int r = SheetWriter.FIRST_ROW;
        for (Unit unit : org.units()) {
            UnitFacts facts = current.get(unit.code());
            if (facts == null) {
                continue;
            }
            List<Map.Entry<FactKey, Amount>> sorted = facts.facts().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey(byTemplateLineColumn)).toList();
            double uploaded = DateUtil.getExcelDate(
                    facts.uploadedAt().atZone(ZoneId.of("Europe/Stockholm")).toLocalDateTime());
            for (Map.Entry<FactKey, Amount> e : sorted) {
                // Every cell gets an explicit style: without one, POI looks up the column's style cell by cell.
                Row row = w.row(r++);
                text(row, 0, unit.code().value(), styles);
                text(row, 1, unit.namnd().value(), styles);
                text(row, 2, unit.group().orElse(""), styles);
                text(row, 3, catalog.current(e.getKey().template()).sheet(), styles);
                text(row, 4, e.getKey().line().value(), styles);
                text(row, 5, e.getKey().column().value(), styles);
                number(row, 6, e.getValue().toSpreadsheet(), styles.tkr);
                number(row, 7, facts.submissionId(), styles.label);
                number(row, 8, facts.version(), styles.label);
                number(row, 9, uploaded, styles.date);
            }
        }
        if (r > SheetWriter.FIRST_ROW) {
            // The rows are streamed; the table is defined on the sheet's XSSF part, with its column names given.
            XSSFSheet part = wb.getXSSFWorkbook().getSheet(NAME);
            XSSFTable table = part.createTable(new AreaReference(new CellReference(SheetWriter.HEADING_ROW, 0),
                    new CellReference(r - 1, ReportText.UNDERLAG_HEADINGS.size() - 1), SpreadsheetVersion.EXCEL2007));
            table.setName(TABLE);
            table.setDisplayName(TABLE);
            table.setStyleName("TableStyleMedium2");
            for (int i = 0; i < ReportText.UNDERLAG_HEADINGS.size(); i++) {
                table.getColumns().get(i).setName(ReportText.UNDERLAG_HEADINGS.get(i));
            }
        }
        return new UnderlagSheet(r - 1);
    }

    private static void text(Row row, int col, String value, ReportStyles styles) {
        var c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(styles.label);
    }

    private static void number(Row row, int col, double value, org.apache.poi.ss.usermodel.CellStyle style) {
        var c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private static int order(SpecCatalog catalog, FactKey key) {
        var spec = catalog.current(key.template());
        int line = spec.lines().stream().map(l -> l.code()).toList().indexOf(key.line());
        int col = spec.columns().stream().map(c -> c.code()).toList().indexOf(key.column());
        return line * 100 + col;
    }

    boolean isEmpty() {
        return lastRow < SheetWriter.FIRST_ROW;
    }

    /** SUMIFS over the amounts (tkr) of a data sheet's line and column, optionally for one unit. */
    String sumifs(Optional<String> unit, String sheet, String line, String column) {
        StringBuilder f = new StringBuilder("SUMIFS(").append(range(COL_AMOUNT));
        unit.ifPresent(u -> f.append(',').append(range(COL_UNIT)).append(",\"").append(u).append('"'));
        f.append(',').append(range(COL_SHEET)).append(",\"").append(sheet).append('"');
        f.append(',').append(range(COL_LINE)).append(",\"").append(line).append('"');
        f.append(',').append(range(COL_COLUMN)).append(",\"").append(column).append('"');
        return f.append(')').toString();
    }

    private String range(int col) {
        String c = CellReference.convertNumToColString(col);
        return NAME + "!$" + c + "$" + (SheetWriter.FIRST_ROW + 1) + ":$" + c + "$" + (lastRow + 1);
    }
}
