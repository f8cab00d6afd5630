package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTSheetProtection;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two .xlsx workbooks the same in everything a user or a program sees: sheets and their visibility, every cell's
 * type, value, formula, cached value and style (font, fill, borders, alignment, number format, protection), column
 * widths, row heights and hidden rows, frozen panes, protection and its allowances, data validations, print setup,
 * print titles, headers and footers, the locked structure and the document's title and author.
 */
final class WorkbookParity {
    private WorkbookParity() {}

    static void assertSame(XSSFWorkbook expected, XSSFWorkbook actual) {
        assertEquals(expected.getNumberOfSheets(), actual.getNumberOfSheets(), "sheets");
        assertEquals(expected.getActiveSheetIndex(), actual.getActiveSheetIndex(), "active sheet");
        assertEquals(expected.isStructureLocked(), actual.isStructureLocked(), "structure locked");
        assertEquals(expected.getForceFormulaRecalculation(), actual.getForceFormulaRecalculation(), "recalculate");
        assertEquals(expected.getProperties().getCoreProperties().getTitle(),
                actual.getProperties().getCoreProperties().getTitle(), "title");
        assertEquals(expected.getProperties().getCoreProperties().getCreator(),
                actual.getProperties().getCoreProperties().getCreator(), "creator");
        for (int i = 0; i < expected.getNumberOfSheets(); i++) {
            assertEquals(expected.getSheetName(i), actual.getSheetName(i), "sheet " + i);
            assertEquals(expected.getSheetVisibility(i), actual.getSheetVisibility(i), "visibility " + i);
            assertEquals(expected.getPrintArea(i), actual.getPrintArea(i), "print area " + i);
            sheet(expected.getSheetAt(i), actual.getSheetAt(i));
        }
    }

    private static void sheet(XSSFSheet e, XSSFSheet a) {
        String s = e.getSheetName() + ": ";
        assertEquals(e.isSelected(), a.isSelected(), s + "selected");
        assertEquals(e.getDefaultRowHeightInPoints(), a.getDefaultRowHeightInPoints(), s + "default row height");
        assertEquals(e.getLastRowNum(), a.getLastRowNum(), s + "last row");
        int lastCol = 0;
        for (int r = 0; r <= e.getLastRowNum(); r++) {
            Row er = e.getRow(r);
            Row ar = a.getRow(r);
            assertEquals(er == null, ar == null, s + "row " + (r + 1));
            if (er == null) {
                continue;
            }
            assertEquals(er.getHeightInPoints(), ar.getHeightInPoints(), s + "height of row " + (r + 1));
            assertEquals(er.getZeroHeight(), ar.getZeroHeight(), s + "row " + (r + 1) + " hidden");
            assertEquals(er.getLastCellNum(), ar.getLastCellNum(), s + "last cell of row " + (r + 1));
            lastCol = Math.max(lastCol, er.getLastCellNum());
            for (int c = 0; c < er.getLastCellNum(); c++) {
                cell(s, er.getCell(c), ar.getCell(c));
            }
        }
        for (int c = 0; c <= lastCol + 1; c++) {
            assertEquals(e.getColumnWidth(c), a.getColumnWidth(c), s + "width of column " + c);
        }
        pane(s, e.getPaneInformation(), a.getPaneInformation());
        protection(s, e, a);
        assertEquals(validations(e), validations(a), s + "validations");
        print(s, e, a);
    }

    private static void cell(String s, Cell e, Cell a) {
        assertEquals(e == null, a == null, s + "cell exists");
        if (e == null) {
            return;
        }
        String at = s + e.getAddress() + " ";
        assertEquals(e.getCellType(), a.getCellType(), at + "type");
        switch (e.getCellType()) {
            case STRING -> assertEquals(e.getStringCellValue(), a.getStringCellValue(), at + "text");
            case NUMERIC -> assertEquals(e.getNumericCellValue(), a.getNumericCellValue(), 1e-9, at + "number");
            case FORMULA -> {
                assertEquals(e.getCellFormula(), a.getCellFormula(), at + "formula");
                assertEquals(e.getCachedFormulaResultType(), a.getCachedFormulaResultType(), at + "cached type");
                if (e.getCachedFormulaResultType() == CellType.NUMERIC) {
                    assertEquals(e.getNumericCellValue(), a.getNumericCellValue(),
                            Math.max(1e-9, Math.abs(e.getNumericCellValue()) * 1e-12), at + "cached number");
                } else if (e.getCachedFormulaResultType() == CellType.STRING) {
                    assertEquals(e.getStringCellValue(), a.getStringCellValue(), at + "cached text");
                } else if (e.getCachedFormulaResultType() == CellType.ERROR) {
                    assertEquals(e.getErrorCellValue(), a.getErrorCellValue(), at + "cached error");
                }
            }
            default -> { }
        }
        style(at, (XSSFCellStyle) e.getCellStyle(), (XSSFCellStyle) a.getCellStyle());
    }

    private static void style(String at, XSSFCellStyle e, XSSFCellStyle a) {
        assertEquals(e.getDataFormatString(), a.getDataFormatString(), at + "number format");
        assertEquals(e.getLocked(), a.getLocked(), at + "locked");
        assertEquals(e.getAlignment(), a.getAlignment(), at + "alignment");
        assertEquals(e.getVerticalAlignment(), a.getVerticalAlignment(), at + "vertical alignment");
        assertEquals(e.getWrapText(), a.getWrapText(), at + "wrap");
        assertEquals(e.getIndention(), a.getIndention(), at + "indent");
        assertEquals(e.getFillPattern(), a.getFillPattern(), at + "fill pattern");
        assertEquals(e.getFillForegroundColor(), a.getFillForegroundColor(), at + "fill colour");
        assertEquals(List.of(e.getBorderTop(), e.getBorderBottom(), e.getBorderLeft(), e.getBorderRight()),
                List.of(a.getBorderTop(), a.getBorderBottom(), a.getBorderLeft(), a.getBorderRight()),
                at + "borders");
        assertEquals(borderColours(e), borderColours(a), at + "border colours");
        XSSFFont ef = e.getFont();
        XSSFFont af = a.getFont();
        assertEquals(List.of(ef.getFontName(), ef.getFontHeightInPoints(), ef.getBold(), ef.getItalic(),
                        ef.getColor(), ef.getUnderline(), ef.getStrikeout()),
                List.of(af.getFontName(), af.getFontHeightInPoints(), af.getBold(), af.getItalic(), af.getColor(),
                        af.getUnderline(), af.getStrikeout()), at + "font");
    }

    /** Colours of the sides that have a border (a side without one has no colour to see). */
    private static List<Short> borderColours(XSSFCellStyle s) {
        List<Short> colours = new ArrayList<>();
        colours.add(s.getBorderTop() == org.apache.poi.ss.usermodel.BorderStyle.NONE ? 0 : s.getTopBorderColor());
        colours.add(s.getBorderBottom() == org.apache.poi.ss.usermodel.BorderStyle.NONE ? 0
                : s.getBottomBorderColor());
        colours.add(s.getBorderLeft() == org.apache.poi.ss.usermodel.BorderStyle.NONE ? 0 : s.getLeftBorderColor());
        colours.add(s.getBorderRight() == org.apache.poi.ss.usermodel.BorderStyle.NONE ? 0 : s.getRightBorderColor());
        return colours;
    }

    private static void pane(String s, PaneInformation e, PaneInformation a) {
        assertEquals(e == null, a == null, s + "pane");
        if (e != null) {
            assertEquals(List.of(e.getVerticalSplitPosition(), e.getHorizontalSplitPosition(),
                            e.getVerticalSplitLeftColumn(), e.getHorizontalSplitTopRow()),
                    List.of(a.getVerticalSplitPosition(), a.getHorizontalSplitPosition(),
                            a.getVerticalSplitLeftColumn(), a.getHorizontalSplitTopRow()), s + "pane position");
            assertEquals(e.isFreezePane(), a.isFreezePane(), s + "frozen");
        }
    }

    private static void protection(String s, XSSFSheet e, XSSFSheet a) {
        assertEquals(e.getProtect(), a.getProtect(), s + "protected");
        CTSheetProtection ep = e.getCTWorksheet().getSheetProtection();
        CTSheetProtection ap = a.getCTWorksheet().getSheetProtection();
        assertEquals(ep == null, ap == null, s + "protection");
        if (ep != null) {
            assertEquals(ep.xgetPassword().getStringValue(), ap.xgetPassword().getStringValue(), s + "password");
        }
        assertEquals(List.of(e.isSheetLocked(), e.isObjectsLocked(), e.isScenariosLocked(), e.isFormatColumnsLocked(),
                        e.isFormatRowsLocked(), e.isSelectLockedCellsLocked(), e.isSelectUnlockedCellsLocked(),
                        e.isFormatCellsLocked(), e.isInsertRowsLocked(), e.isDeleteRowsLocked(), e.isSortLocked()),
                List.of(a.isSheetLocked(), a.isObjectsLocked(), a.isScenariosLocked(), a.isFormatColumnsLocked(),
                        a.isFormatRowsLocked(), a.isSelectLockedCellsLocked(), a.isSelectUnlockedCellsLocked(),
                        a.isFormatCellsLocked(), a.isInsertRowsLocked(), a.isDeleteRowsLocked(), a.isSortLocked()),
                s + "what protection allows");
    }

    private static List<String> validations(XSSFSheet sheet) {
        List<String> out = new ArrayList<>();
        for (DataValidation v : sheet.getDataValidations()) {
            DataValidationConstraint c = v.getValidationConstraint();
            TreeSet<String> cells = new TreeSet<>();
            for (CellRangeAddress r : v.getRegions().getCellRangeAddresses()) {
                r.forEach(address -> cells.add(address.formatAsString()));
            }
            out.add(c.getValidationType() + " " + c.getOperator() + " " + c.getFormula1() + " " + c.getFormula2()
                    + " " + v.getErrorStyle() + " " + v.getEmptyCellAllowed() + " " + v.getShowErrorBox() + " "
                    + v.getErrorBoxTitle() + " " + v.getErrorBoxText() + " " + v.getShowPromptBox() + " " + cells);
        }
        out.sort(null);
        return out;
    }

    private static void print(String s, XSSFSheet e, XSSFSheet a) {
        var ep = e.getPrintSetup();
        var ap = a.getPrintSetup();
        assertEquals(List.of(ep.getPaperSize(), ep.getLandscape(), ep.getFitWidth(), ep.getFitHeight(),
                        ep.getScale(), ep.getNoColor(), ep.getUsePage(), ep.getLeftToRight()),
                List.of(ap.getPaperSize(), ap.getLandscape(), ap.getFitWidth(), ap.getFitHeight(), ap.getScale(),
                        ap.getNoColor(), ap.getUsePage(), ap.getLeftToRight()), s + "page setup");
        assertEquals(List.of(e.getFitToPage(), e.getAutobreaks()), List.of(a.getFitToPage(), a.getAutobreaks()),
                s + "fit to page");
        for (var margin : org.apache.poi.ss.usermodel.PageMargin.values()) {
            assertEquals(e.getMargin(margin), a.getMargin(margin), s + "margin " + margin);
        }
        assertEquals(String.valueOf(e.getRepeatingRows()), String.valueOf(a.getRepeatingRows()), s + "title rows");
        assertEquals(String.valueOf(e.getRepeatingColumns()), String.valueOf(a.getRepeatingColumns()),
                s + "title columns");
        assertEquals(List.of(e.getHeader().getLeft(), e.getHeader().getCenter(), e.getHeader().getRight(),
                        e.getFooter().getLeft(), e.getFooter().getCenter(), e.getFooter().getRight()),
                List.of(a.getHeader().getLeft(), a.getHeader().getCenter(), a.getHeader().getRight(),
                        a.getFooter().getLeft(), a.getFooter().getCenter(), a.getFooter().getRight()),
                s + "header and footer");
    }
}
