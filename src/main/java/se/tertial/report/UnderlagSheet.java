package se.tertial.report;

import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.tertial.money.Amount;
import se.tertial.spec.FactKey;
import se.tertial.spec.Messages;
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
    static final int COL_TEMPLATE = 3;
    static final int COL_LINE = 5;
    static final int COL_COLUMN = 6;
    static final int COL_AMOUNT = 7;

    private final int lastRow;

    private UnderlagSheet(int lastRow) {
        this.lastRow = lastRow;
    }

    static UnderlagSheet write(XSSFWorkbook wb, ReportStyles styles, SpecCatalog catalog, Figures f,
                               Map<UnitCode, UnitFacts> current) {
        XSSFSheet sheet = wb.createSheet(NAME);
        SheetWriter w = new SheetWriter(sheet, styles, Messages.underlagTitle(f.period()), f, Messages.UNDERLAG_HEADINGS,
                new int[] {14, 8, 24, 13, 13, 17, 15, 16, 11, 9, 17});
        Organisation org = catalog.organisation();
        int r = SheetWriter.FIRST_ROW;
        for (Unit unit : org.units()) {
            UnitFacts facts = current.get(unit.code());
            if (facts == null) {
                continue;
            }
            List<Map.Entry<FactKey, Amount>> sorted = facts.facts().entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<FactKey, Amount> e) -> e.getKey().template().value())
                            .thenComparing(e -> order(catalog, e.getKey()))).toList();
            for (Map.Entry<FactKey, Amount> e : sorted) {
                Row row = w.row(r++);
                row.createCell(0).setCellValue(unit.code().value());
                row.createCell(1).setCellValue(unit.namnd().value());
                row.createCell(2).setCellValue(unit.group().orElse(""));
                row.createCell(3).setCellValue(e.getKey().template().value());
                row.createCell(4).setCellValue(catalog.current(e.getKey().template()).sheet());
                row.createCell(5).setCellValue(e.getKey().line().value());
                row.createCell(6).setCellValue(e.getKey().column().value());
                var amount = row.createCell(7);
                amount.setCellValue(e.getValue().toSpreadsheet());
                amount.setCellStyle(styles.tkr);
                row.createCell(8).setCellValue(facts.submissionId());
                row.createCell(9).setCellValue(facts.version());
                var at = row.createCell(10);
                at.setCellValue(facts.uploadedAt().atZone(ZoneId.of("Europe/Stockholm")).toLocalDateTime());
                at.setCellStyle(styles.date);
            }
        }
        if (r > SheetWriter.FIRST_ROW) {
            XSSFTable table = sheet.createTable(new AreaReference(new CellReference(SheetWriter.HEADING_ROW, 0),
                    new CellReference(r - 1, Messages.UNDERLAG_HEADINGS.size() - 1), SpreadsheetVersion.EXCEL2007));
            table.setName(TABLE);
            table.setDisplayName(TABLE);
            table.setStyleName("TableStyleMedium2");
            table.updateHeaders();
        }
        return new UnderlagSheet(r - 1);
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

    /** SUMIFS over the amounts (tkr) of a template line and column, optionally for one unit. */
    String sumifs(Optional<String> unit, String template, String line, String column) {
        StringBuilder f = new StringBuilder("SUMIFS(").append(range(COL_AMOUNT));
        unit.ifPresent(u -> f.append(',').append(range(COL_UNIT)).append(",\"").append(u).append('"'));
        f.append(',').append(range(COL_TEMPLATE)).append(",\"").append(template).append('"');
        f.append(',').append(range(COL_LINE)).append(",\"").append(line).append('"');
        f.append(',').append(range(COL_COLUMN)).append(",\"").append(column).append('"');
        return f.append(')').toString();
    }

    private String range(int col) {
        String c = CellReference.convertNumToColString(col);
        return NAME + "!$" + c + "$" + (SheetWriter.FIRST_ROW + 1) + ":$" + c + "$" + (lastRow + 1);
    }
}
