package se.tertial.workbook;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/**
 * The cell styles of a template, created once per workbook (the file formats cap the number of styles). Input cells
 * are the only unlocked ones and are yellow; prefilled cells are grey; formulas are white and locked.
 */
final class Styles {
    /** Thousands grouping; Excel and LibreOffice show it with the user's separator ("1 234" in Swedish). */
    static final String AMOUNT_FORMAT = "#,##0";

    final CellStyle code;
    final CellStyle label;
    final CellStyle labelSum;
    final CellStyle heading;
    final CellStyle headingLeft;
    /** Over a text column: left, indented like the column's values so it keeps clear of a right-aligned neighbour. */
    final CellStyle headingText;
    final CellStyle input;
    final CellStyle inputText;
    final CellStyle formula;
    final CellStyle sum;
    final CellStyle prefilled;
    final CellStyle lockedText;
    final CellStyle check;
    final CellStyle title;
    final CellStyle key;
    final CellStyle text;

    Styles(Workbook wb) {
        short amount = wb.createDataFormat().getFormat(AMOUNT_FORMAT);
        short textFormat = wb.createDataFormat().getFormat("@");
        Font bold = font(wb, true, false, (short) 11, IndexedColors.AUTOMATIC);
        Font small = font(wb, false, false, (short) 8, IndexedColors.GREY_50_PERCENT);
        Font italic = font(wb, false, true, (short) 10, IndexedColors.AUTOMATIC);
        Font big = font(wb, true, false, (short) 14, IndexedColors.AUTOMATIC);

        code = style(wb, true);
        code.setFont(small);
        code.setVerticalAlignment(VerticalAlignment.TOP);
        label = style(wb, true);
        label.setVerticalAlignment(VerticalAlignment.TOP);
        labelSum = style(wb, true);
        labelSum.setFont(bold);
        labelSum.setBorderTop(BorderStyle.THIN);
        labelSum.setVerticalAlignment(VerticalAlignment.TOP);
        heading = style(wb, true);
        heading.setFont(bold);
        heading.setWrapText(true);
        heading.setVerticalAlignment(VerticalAlignment.BOTTOM);
        heading.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
        heading.setBorderBottom(BorderStyle.MEDIUM);
        fill(heading, IndexedColors.PALE_BLUE);
        headingLeft = style(wb, true);
        headingLeft.cloneStyleFrom(heading);
        headingLeft.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
        headingText = style(wb, true);
        headingText.cloneStyleFrom(headingLeft);
        headingText.setIndention((short) 1);

        input = style(wb, false);
        input.setDataFormat(amount);
        fill(input, IndexedColors.LIGHT_YELLOW);
        box(input);
        inputText = style(wb, false);
        inputText.setDataFormat(textFormat);
        inputText.setWrapText(true);
        // An indent applies only to an explicit horizontal alignment, not to "general".
        inputText.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
        inputText.setIndention((short) 1);
        fill(inputText, IndexedColors.LIGHT_YELLOW);
        box(inputText);

        formula = style(wb, true);
        formula.setDataFormat(amount);
        sum = style(wb, true);
        sum.setDataFormat(amount);
        sum.setFont(bold);
        sum.setBorderTop(BorderStyle.THIN);
        prefilled = style(wb, true);
        prefilled.setDataFormat(amount);
        fill(prefilled, IndexedColors.GREY_25_PERCENT);
        lockedText = style(wb, true);
        lockedText.setWrapText(true);
        check = style(wb, true);
        check.setDataFormat(amount);
        check.setFont(italic);

        title = style(wb, true);
        title.setFont(big);
        key = style(wb, true);
        key.setFont(bold);
        key.setVerticalAlignment(VerticalAlignment.TOP);
        text = style(wb, true);
        text.setWrapText(true);
        text.setVerticalAlignment(VerticalAlignment.TOP);
    }

    /** Every cell of a line sits at the top of its row, so labels and amounts share a baseline in a tall row. */
    private static CellStyle style(Workbook wb, boolean locked) {
        CellStyle s = wb.createCellStyle();
        s.setLocked(locked);
        s.setVerticalAlignment(VerticalAlignment.TOP);
        return s;
    }

    private static Font font(Workbook wb, boolean bold, boolean italic, short points, IndexedColors color) {
        Font f = wb.createFont();
        f.setBold(bold);
        f.setItalic(italic);
        f.setFontHeightInPoints(points);
        f.setColor(color.getIndex());
        return f;
    }

    private static void fill(CellStyle s, IndexedColors color) {
        s.setFillForegroundColor(color.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
    }

    private static void box(CellStyle s) {
        s.setBorderTop(BorderStyle.HAIR);
        s.setBorderBottom(BorderStyle.HAIR);
        s.setBorderLeft(BorderStyle.HAIR);
        s.setBorderRight(BorderStyle.HAIR);
        short grey = IndexedColors.GREY_40_PERCENT.getIndex();
        s.setTopBorderColor(grey);
        s.setBottomBorderColor(grey);
        s.setLeftBorderColor(grey);
        s.setRightBorderColor(grey);
    }
}
