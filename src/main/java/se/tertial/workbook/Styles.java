package se.tertial.workbook;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.EnumMap;
import java.util.Map;

/**
 * The {@link TemplateStyle}s as POI cell styles, created once per workbook (the file formats cap the number of
 * styles): for the .xls template and the budget workbook.
 */
final class Styles {
    private final Map<TemplateStyle, CellStyle> styles = new EnumMap<>(TemplateStyle.class);

    Styles(Workbook wb) {
        Map<TemplateStyle.Font, Font> fonts = new EnumMap<>(TemplateStyle.Font.class);
        for (TemplateStyle style : TemplateStyle.values()) {
            if (style == TemplateStyle.PLAIN) {
                styles.put(style, wb.getCellStyleAt(0));
                continue;
            }
            CellStyle s = wb.createCellStyle();
            s.setLocked(style.locked);
            s.setVerticalAlignment(style.top ? VerticalAlignment.TOP : VerticalAlignment.BOTTOM);
            s.setAlignment(switch (style.horizontal) {
                case GENERAL -> HorizontalAlignment.GENERAL;
                case LEFT -> HorizontalAlignment.LEFT;
                case RIGHT -> HorizontalAlignment.RIGHT;
            });
            s.setWrapText(style.wrap);
            s.setIndention((short) style.indent);
            if (style.format != TemplateStyle.Format.GENERAL) {
                s.setDataFormat(wb.createDataFormat().getFormat(style.format.pattern));
            }
            if (style.font != TemplateStyle.Font.DEFAULT) {
                s.setFont(fonts.computeIfAbsent(style.font, f -> font(wb, f)));
            }
            if (style.fill != TemplateStyle.Fill.NONE) {
                s.setFillForegroundColor(style.fill.color);
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            border(s, style.border);
            styles.put(style, s);
        }
    }

    CellStyle of(TemplateStyle style) {
        return styles.get(style);
    }

    private static Font font(Workbook wb, TemplateStyle.Font font) {
        Font f = wb.createFont();
        f.setBold(font.bold);
        f.setItalic(font.italic);
        f.setFontHeightInPoints((short) font.points);
        f.setColor(font.color);
        return f;
    }

    private static void border(CellStyle s, TemplateStyle.Border border) {
        switch (border) {
            case NONE -> { }
            case TOP_THIN -> s.setBorderTop(BorderStyle.THIN);
            case BOTTOM_MEDIUM -> s.setBorderBottom(BorderStyle.MEDIUM);
            case HAIR_BOX -> {
                s.setBorderTop(BorderStyle.HAIR);
                s.setBorderBottom(BorderStyle.HAIR);
                s.setBorderLeft(BorderStyle.HAIR);
                s.setBorderRight(BorderStyle.HAIR);
                s.setTopBorderColor(TemplateStyle.Border.BOX_COLOR);
                s.setBottomBorderColor(TemplateStyle.Border.BOX_COLOR);
                s.setLeftBorderColor(TemplateStyle.Border.BOX_COLOR);
                s.setRightBorderColor(TemplateStyle.Border.BOX_COLOR);
            }
        }
    }
}
