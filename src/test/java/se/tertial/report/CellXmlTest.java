package se.tertial.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report's own cell XML reads back, cell by cell, as POI's own SXSSF writer's does: the same type, value and
 * style for text with every character POI escapes or replaces, for whole, fractional, huge and tiny numbers, and for
 * the cells it leaves to POI (formulas, booleans, blanks, errors, numbers that are not finite).
 */
class CellXmlTest {
    private static final List<String> TEXTS = List.of("", "FS-MED", " inledande blanksteg", "avslutande blanksteg ",
            "\tflik", "rad\nbrytning\r\n", "<&>\"'", "hårt\u00A0mellanrum", "kontroll\u0001\u001F tecken",
            "icke-tecken \uFFFE\uFFFF", "𝄞 utanför BMP 😀", "ensamt \uD800 surrogat", "ensamt \uDC00 surrogat",
            "Nämnd för hälso- och sjukvård – €", "=SUMMA(A1)", "x".repeat(5000));
    private static final double[] NUMBERS = {0, -0.0, 1, -1, 123456789, -2_000_000_000_000d, 9_007_199_254_740_992d,
            9_007_199_254_740_994d, 1e20, -1e300, 0.5, -1234.75, 1.0 / 3, 4.9e-324, 44927.5416666667,
            Double.NaN, Double.POSITIVE_INFINITY};

    @Test
    void readsBackAsPoisOwnWriterDoes() throws Exception {
        XSSFWorkbook ours = readBack(SheetXmlWriter.workbook(100));
        XSSFWorkbook poi = readBack(new SXSSFWorkbook(100));
        Sheet a = ours.getSheetAt(0);
        Sheet b = poi.getSheetAt(0);
        assertEquals(b.getLastRowNum(), a.getLastRowNum());
        int compared = 0;
        for (Row rb : b) {
            Row ra = a.getRow(rb.getRowNum());
            assertEquals(rb.getLastCellNum(), ra.getLastCellNum(), "row " + rb.getRowNum());
            for (Cell cb : rb) {
                Cell ca = ra.getCell(cb.getColumnIndex());
                String where = cb.getAddress().formatAsString();
                assertEquals(cb.getCellType(), ca.getCellType(), where);
                assertEquals(cb.getCellStyle().getIndex(), ca.getCellStyle().getIndex(), where);
                switch (cb.getCellType()) {
                    case STRING -> assertEquals(cb.getStringCellValue(), ca.getStringCellValue(), where);
                    case NUMERIC -> assertEquals(Double.doubleToLongBits(cb.getNumericCellValue() == 0 ? 0
                            : cb.getNumericCellValue()), Double.doubleToLongBits(ca.getNumericCellValue() == 0 ? 0
                            : ca.getNumericCellValue()), where);
                    case FORMULA -> assertEquals(cb.getCellFormula(), ca.getCellFormula(), where);
                    case BOOLEAN -> assertEquals(cb.getBooleanCellValue(), ca.getBooleanCellValue(), where);
                    default -> { }
                }
                compared++;
            }
        }
        assertTrue(compared > 200, compared + " cells compared");
    }

    /** The same cells, some in a style, on rows that cross SXSSF's window, written and read back with XSSF. */
    private static XSSFWorkbook readBack(SXSSFWorkbook wb) throws Exception {
        try (wb) {
            CellStyle bold = wb.createCellStyle();
            var font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Sheet sheet = wb.createSheet("Blad");
            int r = 0;
            for (int round = 0; round < 12; round++) {
                for (String text : TEXTS) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(text);
                    Cell styled = row.createCell(3);
                    styled.setCellValue(text);
                    styled.setCellStyle(bold);
                    row.createCell(16_383).setCellValue(text); // the last column, XFD
                }
                for (double number : NUMBERS) {
                    Row row = sheet.createRow(r++);
                    row.createCell(1).setCellValue(number);
                    Cell styled = row.createCell(27);
                    styled.setCellValue(number);
                    styled.setCellStyle(bold);
                }
                Row other = sheet.createRow(r++);
                other.createCell(0).setCellFormula("SUM(B1:B3)");
                other.createCell(1).setCellValue(true);
                other.createCell(2).setBlank();
                other.createCell(3).setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.DIV0.getCode());
                other.createCell(4, CellType.STRING).setCellValue("");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
        }
    }
}
