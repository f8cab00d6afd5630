package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A plain list as an .xlsx: a title, a bold heading row with a filter, then rows; numbers stay numbers, times are
 * date cells in Swedish form, an empty value is a blank cell, every text is written as a plain string (never a
 * formula). Printed A4 landscape at a readable scale (at least {@link PrintLayout#MIN_SCALE} %) with the heading
 * row on every page, the list's name in the header and "Sida X av Y" in the footer. Streams, for reports of tens of
 * thousands of rows.
 */
public final class ListWorkbook {
    private ListWorkbook() {}

    public static byte[] write(String sheetName, String title, List<String> headings, int[] widths,
                               List<List<Object>> rows) {
        return write(sheetName, title, sheetName, headings, widths, rows);
    }

    /** @param header what the printed pages say at the top, e.g. the list's name and the selection it holds */
    public static byte[] write(String sheetName, String title, String header, List<String> headings, int[] widths,
                               List<List<Object>> rows) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            // No Zip64 data descriptors: java.util.zip.ZipInputStream and streaming readers cannot read them.
            wb.setZip64Mode(org.apache.commons.compress.archivers.zip.Zip64Mode.Never);
            Sheet sheet = wb.createSheet(sheetName);
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            CellStyle bold = wb.createCellStyle();
            bold.setFont(boldFont);
            CellStyle heading = wb.createCellStyle();
            heading.setFont(boldFont);
            heading.setWrapText(true);
            heading.setVerticalAlignment(VerticalAlignment.BOTTOM);
            Cell t = sheet.createRow(0).createCell(0);
            t.setCellValue(title);
            t.setCellStyle(bold);
            Row head = sheet.createRow(2);
            for (int i = 0; i < headings.size(); i++) {
                Cell c = head.createCell(i);
                c.setCellValue(headings.get(i));
                c.setCellStyle(heading);
            }
            // Every value starts at the left and at the top of its cell: a number beside a text never runs into it,
            // and a long text wraps inside its column, its row as tall as its lines.
            CellStyle text = wb.createCellStyle();
            text.setWrapText(true);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            text.setAlignment(HorizontalAlignment.LEFT);
            CellStyle number = wb.createCellStyle();
            number.setVerticalAlignment(VerticalAlignment.TOP);
            number.setAlignment(HorizontalAlignment.LEFT);
            CellStyle time = wb.createCellStyle();
            time.cloneStyleFrom(number);
            time.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            int r = 3;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                int lines = 1;
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v == null || v instanceof String s && s.isEmpty()) {
                        continue;
                    }
                    Cell c = row.createCell(i);
                    if (v instanceof Number n) {
                        c.setCellValue(n.doubleValue());
                        c.setCellStyle(number);
                    } else if (v instanceof LocalDateTime at) {
                        c.setCellValue(at);
                        c.setCellStyle(time);
                    } else {
                        c.setCellValue(v.toString());
                        c.setCellStyle(text);
                        lines = Math.max(lines, (int) Math.ceil(v.toString().length() / (double) (widths[i] - 1)));
                    }
                }
                if (lines > 1) {
                    row.setHeightInPoints(15f * lines + 2);
                }
            }
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(0, 3);
            sheet.setAutoFilter(new CellRangeAddress(2, Math.max(2, r - 1), 0, headings.size() - 1));
            PrintLayout.a4Landscape(sheet, widths, header);
            sheet.setRepeatingRows(new CellRangeAddress(2, 2, 0, headings.size() - 1));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
