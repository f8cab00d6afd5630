package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Fills a generated template the way an independent client does: finds the row by the line code in column A and
 * the column by the code in the hidden first row. For synthetic workbooks (benchmarks, bulk-load tests).
 */
public final class TemplateFiller {
    private TemplateFiller() {}

    /** One value to enter: sheet, line code, column code and an amount in tkr (or a text). */
    public record Entry(String sheet, String line, String column, Object value) {}

    public static byte[] fill(byte[] template, Iterable<Entry> entries) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(template));
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Map<String, Map<String, Integer>> rows = new HashMap<>();
            Map<String, Map<String, Integer>> cols = new HashMap<>();
            for (Entry e : entries) {
                Sheet sheet = wb.getSheet(e.sheet());
                if (sheet == null) {
                    throw new IllegalArgumentException("no sheet " + e.sheet());
                }
                int r = rows.computeIfAbsent(e.sheet(), s -> index(sheet, false)).getOrDefault(e.line(), -1);
                int c = cols.computeIfAbsent(e.sheet(), s -> index(sheet, true)).getOrDefault(e.column(), -1);
                if (r < 0 || c < 0) {
                    throw new IllegalArgumentException("no cell " + e.line() + "/" + e.column() + " on " + e.sheet());
                }
                Cell cell = sheet.getRow(r).getCell(c) != null ? sheet.getRow(r).getCell(c) : sheet.getRow(r).createCell(c);
                if (cell.getCellType() == CellType.FORMULA) {
                    cell.removeFormula();
                }
                if (e.value() instanceof BigDecimal d) {
                    cell.setCellValue(d.doubleValue());
                } else {
                    cell.setCellValue(String.valueOf(e.value()));
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Integer> index(Sheet sheet, boolean codeRow) {
        Map<String, Integer> map = new HashMap<>();
        if (codeRow) {
            for (Cell c : sheet.getRow(SheetLayout.CODE_ROW)) {
                if (c.getCellType() == CellType.STRING) {
                    map.putIfAbsent(c.getStringCellValue(), c.getColumnIndex());
                }
            }
        } else {
            for (Row row : sheet) {
                Cell a = row.getCell(SheetLayout.LINE_CODE_COL);
                if (a != null && a.getCellType() == CellType.STRING) {
                    map.putIfAbsent(a.getStringCellValue(), row.getRowNum());
                }
            }
        }
        return map;
    }
}
