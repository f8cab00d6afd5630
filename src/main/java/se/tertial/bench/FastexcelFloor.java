package se.tertial.bench;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The floor a workbook of ours is measured against: the same cells — texts, numbers, formulas, and each cell's
 * font, fill, border, number format, alignment and protection — and the same column widths and row heights, written
 * by {@code org.dhatim:fastexcel}, a streaming writer with nothing else to do. The cells are read from our workbook
 * once with POI; only fastexcel's writing is timed. What fastexcel cannot express (cached formula values, data
 * validations, the hidden code row's meaning, print titles) makes the floor a little lower than a full copy would be.
 */
final class FastexcelFloor {
    private record CellCopy(int row, int col, Object value, boolean formula, String format, boolean bold,
                            boolean italic, int fontSize, String fill, String border, boolean wrap, String horizontal,
                            String vertical, boolean locked) {}

    private record SheetCopy(String name, List<CellCopy> cells, List<double[]> widths, List<double[]> heights,
                             boolean protectedSheet) {}

    private final List<SheetCopy> sheets = new ArrayList<>();

    /** Reads the cells of an .xlsx of ours. */
    FastexcelFloor(byte[] xlsx) {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                List<CellCopy> cells = new ArrayList<>();
                List<double[]> heights = new ArrayList<>();
                int lastCol = 0;
                for (Row row : sheet) {
                    if (row.isFormatted() || row.getHeight() != sheet.getDefaultRowHeight()) {
                        heights.add(new double[] {row.getRowNum(), row.getHeightInPoints()});
                    }
                    for (Cell c : row) {
                        lastCol = Math.max(lastCol, c.getColumnIndex());
                        cells.add(copy(c));
                    }
                }
                List<double[]> widths = new ArrayList<>();
                for (int col = 0; col <= lastCol; col++) {
                    widths.add(new double[] {col, sheet.getColumnWidth(col) / 256.0});
                }
                sheets.add(new SheetCopy(sheet.getSheetName(), cells, widths, heights, sheet.getProtect()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CellCopy copy(Cell c) {
        Object value = switch (c.getCellType()) {
            case STRING -> c.getStringCellValue();
            case NUMERIC -> c.getNumericCellValue();
            case FORMULA -> c.getCellFormula();
            case BOOLEAN -> c.getBooleanCellValue();
            default -> null;
        };
        XSSFCellStyle s = (XSSFCellStyle) c.getCellStyle();
        XSSFFont font = s.getFont();
        XSSFColor fill = s.getFillForegroundColorColor();
        String rgb = fill == null || fill.getARGBHex() == null ? null : fill.getARGBHex().substring(2);
        BorderStyle border = s.getBorderTop();
        return new CellCopy(c.getRowIndex(), c.getColumnIndex(), value, c.getCellType() == CellType.FORMULA,
                s.getDataFormatString(), font.getBold(), font.getItalic(), font.getFontHeightInPoints(), rgb,
                border == BorderStyle.NONE ? null : border.name().toLowerCase(java.util.Locale.ROOT),
                s.getWrapText(), s.getAlignment().name().toLowerCase(java.util.Locale.ROOT),
                s.getVerticalAlignment().name().toLowerCase(java.util.Locale.ROOT), s.getLocked());
    }

    /** Writes the copy with fastexcel. */
    void write(OutputStream out) throws IOException {
        org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "tertial", "1.0");
        // The level tertial's own writers zip at: the floor differs from them in the writing, not in deflate.
        wb.setCompressionLevel(java.util.zip.Deflater.BEST_SPEED);
        for (SheetCopy sheet : sheets) {
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet(sheet.name());
            for (double[] w : sheet.widths()) {
                ws.width((int) w[0], w[1]);
            }
            for (double[] h : sheet.heights()) {
                if (h[1] > 0 && h[1] <= 409.5) {
                    ws.rowHeight((int) h[0], h[1]);
                } else if (h[1] == 0) {
                    ws.hideRow((int) h[0]);
                }
            }
            for (CellCopy c : sheet.cells()) {
                if (c.formula()) {
                    ws.formula(c.row(), c.col(), (String) c.value());
                } else if (c.value() instanceof String t) {
                    ws.value(c.row(), c.col(), t);
                } else if (c.value() instanceof Double d) {
                    ws.value(c.row(), c.col(), d);
                }
                var style = ws.style(c.row(), c.col()).format(c.format()).fontSize(c.fontSize())
                        .wrapText(c.wrap()).verticalAlignment(c.vertical())
                        .protectionOption(org.dhatim.fastexcel.ProtectionOption.LOCKED, c.locked());
                if (!"general".equals(c.horizontal())) {
                    style = style.horizontalAlignment(c.horizontal());
                }
                if (c.bold()) {
                    style = style.bold();
                }
                if (c.italic()) {
                    style = style.italic();
                }
                if (c.fill() != null) {
                    style = style.fillColor(c.fill());
                }
                if (c.border() != null) {
                    style = style.borderStyle(c.border());
                }
                ((org.dhatim.fastexcel.StyleSetter) style).set();
            }
            if (sheet.protectedSheet()) {
                ws.protect("tertial");
            }
        }
        wb.finish();
    }

    /** The copy as bytes. */
    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
