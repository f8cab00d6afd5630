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
    /** A left heading right of a right-aligned one: indented, like its values, so the two never run together. */
    final CellStyle headingText;
    final CellStyle label;
    final CellStyle labelBold;
    final CellStyle labelIndent;
    final CellStyle text;
    /** Wrapped text indented like {@link #headingText}: the drill-down's comments. */
    final CellStyle textIndented;
    /** Kontroller's status, bold, indented like its heading. */
    final CellStyle status;
    /**
     * Indent of a left-aligned column right of a right-aligned one: at the scale a wide sheet prints in, one level
     * left an amount and the text after it a letter apart.
     */
    static final short TEXT_INDENT = 2;
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
        headingText = style(true);
        headingText.cloneStyleFrom(headingLeft);
        headingText.setIndention(TEXT_INDENT);
        label = style(false);
        labelBold = style(false);
        labelBold.setFont(font(true, false, 11));
        labelIndent = style(false);
        labelIndent.setIndention((short) 2);
        text = style(false);
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        textIndented = style(false);
        textIndented.cloneStyleFrom(text);
        // An indent applies only to an explicit horizontal alignment, not to "general".
        textIndented.setAlignment(HorizontalAlignment.LEFT);
        textIndented.setIndention(TEXT_INDENT);
        status = style(false);
        status.cloneStyleFrom(labelBold);
        status.setAlignment(HorizontalAlignment.LEFT);
        status.setIndention(TEXT_INDENT);
        date = style(false);
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        date.setAlignment(HorizontalAlignment.LEFT);
        date.setIndention(TEXT_INDENT);
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

    /**
     * A signed deviation's style for this figure: {@code base} ({@link #MNKR_SIGNED} or {@link #MNKR_DETAIL_SIGNED}),
     * or with as many more decimals (up to tkr) as it takes for a small non-zero deviation to keep its sign: 0.3
     * mnkr shows as "+0,3", not "+0", and −0.04 as "−0,04".
     */
    CellStyle deviation(String base, boolean bold, java.util.Optional<se.tertial.money.Amount> figure) {
        int decimals = base.equals(MNKR_DETAIL_SIGNED) ? 1 : 0;
        if (figure.isPresent() && figure.get().signum() != 0) {
            java.math.BigDecimal mnkr = figure.get().mnkr().abs();
            while (decimals < 3 && mnkr.setScale(decimals, java.math.RoundingMode.HALF_UP).signum() == 0) {
                decimals++;
            }
        }
        return amount(signed(decimals), bold);
    }

    /** "+#,##0.0;"−"#,##0.0;0.0" for one decimal; the zero section without sign. */
    static String signed(int decimals) {
        String n = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
        String zero = decimals == 0 ? "0" : "0." + "0".repeat(decimals);
        return "+" + n + ";\"−\"" + n + ";" + zero;
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
