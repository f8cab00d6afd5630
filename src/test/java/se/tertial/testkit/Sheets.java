package se.tertial.testkit;

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

/**
 * Finds and fills template cells by line code and column code, the way an independent client would: the line code
 * in column A, the column code in the hidden first row. Used to build filled workbooks in tests.
 */
public final class Sheets {
    private Sheets() {}

    public static Workbook open(byte[] bytes) {
        try {
            return WorkbookFactory.create(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Workbook wb) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int rowOfLine(Sheet sheet, String lineCode) {
        for (Row row : sheet) {
            Cell a = row.getCell(0);
            if (a != null && a.getCellType() == CellType.STRING && a.getStringCellValue().equals(lineCode)) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("line " + lineCode + " not found on " + sheet.getSheetName());
    }

    public static int colOfColumn(Sheet sheet, String columnCode) {
        Row codes = sheet.getRow(0);
        for (Cell c : codes) {
            if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(columnCode)) {
                return c.getColumnIndex();
            }
        }
        throw new AssertionError("column " + columnCode + " not found on " + sheet.getSheetName());
    }

    public static Cell cell(Workbook wb, String sheet, String line, String column) {
        Sheet s = wb.getSheet(sheet);
        if (s == null) {
            throw new AssertionError("no sheet " + sheet);
        }
        Row row = s.getRow(rowOfLine(s, line));
        int col = colOfColumn(s, column);
        Cell cell = row.getCell(col);
        return cell != null ? cell : row.createCell(col);
    }

    /** Sets a value as typing it would: a formula in the cell is replaced, not just its cached result. */
    public static void set(Workbook wb, String sheet, String line, String column, BigDecimal tkr) {
        typed(cell(wb, sheet, line, column)).setCellValue(tkr.doubleValue());
    }

    public static void set(Workbook wb, String sheet, String line, String column, String text) {
        typed(cell(wb, sheet, line, column)).setCellValue(text);
    }

    private static Cell typed(Cell cell) {
        if (cell.getCellType() == CellType.FORMULA) {
            cell.removeFormula();
        }
        return cell;
    }
}
