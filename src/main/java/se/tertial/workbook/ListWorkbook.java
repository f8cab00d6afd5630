package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A plain list as an .xlsx: a title, a bold heading row with a filter, then rows; numbers stay numbers, every text
 * is written as a plain string (never a formula). Streams, for reports of tens of thousands of rows.
 */
public final class ListWorkbook {
    private ListWorkbook() {}

    public static byte[] write(String sheetName, String title, List<String> headings, int[] widths,
                               List<List<Object>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // No Zip64 data descriptors: java.util.zip.ZipInputStream and streaming readers cannot read them.
            wb.setZip64Mode(org.apache.commons.compress.archivers.zip.Zip64Mode.Never);
            Sheet sheet = wb.createSheet(sheetName);
            CellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            Cell t = sheet.createRow(0).createCell(0);
            t.setCellValue(title);
            t.setCellStyle(bold);
            Row head = sheet.createRow(2);
            for (int i = 0; i < headings.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(headings.get(i));
                c.setCellStyle(bold);
            }
            // The last column (a message) wraps, and its row is as tall as its lines, so the page stays readable.
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            CellStyle top = wb.createCellStyle();
            top.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            int last = widths.length - 1;
            int r = 3;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    Cell c = row.createCell(i);
                    c.setCellStyle(i == last ? wrap : top);
                    if (i == last && v != null) {
                        int lines = Math.max(1, (int) Math.ceil(v.toString().length() / (double) widths[last]));
                        row.setHeightInPoints(Math.max(row.getHeightInPoints(), 15f * lines + 2));
                    }
                    if (v instanceof Number n) {
                        c.setCellValue(n.doubleValue());
                    } else if (v != null) {
                        c.setCellValue(v.toString());
                    }
                }
            }
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(0, 3);
            sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, r - 1), 0, headings.size() - 1));
            PrintLayout.a4LandscapeFitToWidth(sheet);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
