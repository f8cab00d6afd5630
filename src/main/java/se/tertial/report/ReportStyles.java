package se.tertial.report;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The report's cell styles, created once per workbook. Amounts are mnkr; rounding is only in these formats. */
final class ReportStyles {
    static final String MNKR = "#,##0;\"−\"#,##0";
    static final String MNKR_SIGNED = "+#,##0;\"−\"#,##0;0";
    static final String MNKR_DETAIL = "#,##0.0;\"−\"#,##0.0";
    static final String MNKR_DETAIL_SIGNED = "+#,##0.0;\"−\"#,##0.0;0.0";
    static final String PERCENT = "0.0%";

    final CellStyle title;
    final CellStyle note;
    final CellStyle heading;
    final CellStyle headingLeft;
    final CellStyle label;
    final CellStyle labelBold;
    final CellStyle labelIndent;
    final CellStyle text;
    final CellStyle date;
    final CellStyle tkr;

    private final Workbook wb;
    private final java.util.Map<String, CellStyle> amounts = new java.util.HashMap<>();

    ReportStyles(Workbook wb) {
        this.wb = wb;
        title = style(false);
        title.setFont(font(true, false, 14));
        note = style(false);
        note.setFont(font(false, true, 10));
        note.setWrapText(true);
        note.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        heading = style(true);
        heading.setFont(font(true, false, 11));
        heading.setAlignment(HorizontalAlignment.RIGHT);
        heading.setVerticalAlignment(VerticalAlignment.BOTTOM);
        heading.setWrapText(true);
        heading.setBorderBottom(BorderStyle.MEDIUM);
        heading.setFillForegroundColor(IndexedColors.PALE_BLUE.getIndex());
        heading.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        headingLeft = style(true);
        headingLeft.cloneStyleFrom(heading);
        headingLeft.setAlignment(HorizontalAlignment.LEFT);
        label = style(false);
        labelBold = style(false);
        labelBold.setFont(font(true, false, 11));
        labelIndent = style(false);
        labelIndent.setIndention((short) 2);
        text = style(false);
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        date = style(false);
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        tkr = style(false);
        tkr.setDataFormat(wb.createDataFormat().getFormat("#,##0.000"));
    }

    /** An amount style with the given format, bold for sum rows. */
    CellStyle amount(String format, boolean bold) {
        return amounts.computeIfAbsent(format + bold, k -> {
            CellStyle s = style(false);
            s.setDataFormat(wb.createDataFormat().getFormat(format));
            if (bold) {
                s.setFont(font(true, false, 11));
                s.setBorderTop(BorderStyle.THIN);
            }
            return s;
        });
    }

    private CellStyle style(boolean border) {
        CellStyle s = wb.createCellStyle();
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }

    private Font font(boolean bold, boolean italic, int points) {
        Font f = wb.createFont();
        f.setBold(bold);
        f.setItalic(italic);
        f.setFontHeightInPoints((short) points);
        return f;
    }
}
