package se.tertial.workbook;

import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import se.tertial.spec.WorkbookText;

import java.math.BigDecimal;
import java.util.List;

/**
 * A template sheet built with POI's usermodel: the .xls template (BIFF8 has no streaming writer here), and the .xlsx
 * reference the streaming writer is compared with. Formula values are left to POI's evaluator.
 */
final class PoiSheetOut implements SheetOut {
    private final Sheet sheet;
    private final Styles styles;
    private Row row;

    PoiSheetOut(Workbook wb, Styles styles, String name, boolean veryHidden) {
        this.sheet = wb.createSheet(name);
        this.styles = styles;
        if (veryHidden) {
            wb.setSheetVisibility(wb.getSheetIndex(sheet), SheetVisibility.VERY_HIDDEN);
        } else if (sheet instanceof HSSFSheet) {
            // BIFF8's default row (12.75 pt, for Arial 10) is too low for our 11 pt text; Excel does not grow it.
            sheet.setDefaultRowHeightInPoints(15);
        }
    }

    /** Sheets made in a POI workbook, styled from one set of styles. */
    static SheetOut.Book book(Workbook wb, Styles styles) {
        return (name, veryHidden) -> new PoiSheetOut(wb, styles, name, veryHidden);
    }

    @Override
    public void columnWidth(int col, int chars) {
        sheet.setColumnWidth(col, chars * 256);
    }

    @Override
    public void row(int r, float heightPoints, boolean hidden) {
        row = sheet.createRow(r);
        if (heightPoints > 0) {
            row.setHeightInPoints(heightPoints);
        }
        if (hidden) {
            row.setZeroHeight(true);
        }
    }

    @Override
    public void text(int col, String text, TemplateStyle style) {
        Cell c = row.createCell(col, CellType.STRING);
        c.setCellValue(text);
        style(c, style);
    }

    @Override
    public void number(int col, BigDecimal tkr, TemplateStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(tkr.doubleValue());
        style(c, style);
    }

    @Override
    public void blank(int col, TemplateStyle style) {
        style(row.createCell(col), style);
    }

    @Override
    public void formula(int col, String formula, TemplateValues.Value cached, TemplateStyle style) {
        Cell c = row.createCell(col);
        c.setCellFormula(formula);
        style(c, style);
    }

    private void style(Cell c, TemplateStyle style) {
        if (style != TemplateStyle.PLAIN) {
            c.setCellStyle(styles.of(style));
        }
    }

    @Override
    public void freeze(int col, int r) {
        sheet.createFreezePane(col, r);
    }

    @Override
    public void printA4Landscape(int pagesWide) {
        PrintLayout.a4LandscapeFitToWidth(sheet);
        sheet.getPrintSetup().setFitWidth((short) pagesWide);
    }

    @Override
    public void printTitles(int lastRow, int lastCol) {
        sheet.setRepeatingRows(new CellRangeAddress(0, lastRow, -1, -1));
        sheet.setRepeatingColumns(new CellRangeAddress(-1, -1, 0, lastCol));
    }

    @Override
    public void headerFooter(String headerLeft, String headerCenter, String headerRight, String footerLeft,
                             String footerCenter, String footerRight) {
        sheet.getHeader().setLeft(headerLeft);
        sheet.getHeader().setCenter(headerCenter);
        sheet.getHeader().setRight(headerRight);
        sheet.getFooter().setLeft(footerLeft);
        sheet.getFooter().setCenter(footerCenter);
        sheet.getFooter().setRight(footerRight);
    }

    @Override
    public void rule(Rule rule, List<int[]> cells) {
        if (cells.isEmpty()) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        CellRangeAddressList list = new CellRangeAddressList();
        cells.forEach(c -> list.addCellRangeAddress(c[0], c[1], c[0], c[1]));
        DataValidationConstraint constraint = switch (rule) {
            case AMOUNT -> helper.createDecimalConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "-" + DataSheetWriter.MAX_TKR, DataSheetWriter.MAX_TKR);
            case COMMENT -> helper.createTextLengthConstraint(DataValidationConstraint.OperatorType.LESS_OR_EQUAL,
                    Integer.toString(WorkbookText.COMMENT_MAX), null);
        };
        DataValidation v = helper.createValidation(constraint, list);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.setEmptyCellAllowed(true);
        v.setShowErrorBox(true);
        v.createErrorBox(rule.title, rule.text);
        sheet.addValidationData(v);
    }

    @Override
    public void protect(String password, Protection protection) {
        if (protection == Protection.TEMPLATE) {
            SheetProtection.protect(sheet, password);
        } else {
            sheet.protectSheet(password);
        }
    }
}
