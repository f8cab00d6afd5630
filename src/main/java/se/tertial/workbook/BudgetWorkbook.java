package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.tertial.money.Amount;
import se.tertial.spec.WorkbookText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workbook finance fills in with a year's budget: one sheet, a row per unit × template × line, and the columns
 * BUDGET_AR, BUDGET_T1 and BUDGET_T2. Rows are found by their codes (columns A, C, D), so finance may sort and
 * filter them.
 */
public final class BudgetWorkbook {
    public static final String FORMAT = "tertial-budget";
    public static final List<String> KEY_COLUMNS = List.of("UNIT", "UNIT_NAME", "TEMPLATE", "LINE", "LABEL");
    public static final List<String> AMOUNT_COLUMNS = List.of("BUDGET_AR", "BUDGET_T1", "BUDGET_T2");

    private BudgetWorkbook() {}

    /** One row: the line of a unit's template, with the amounts already loaded (if any). */
    public record BudgetRow(String unit, String unitName, String template, String line, String label,
                      Map<String, Amount> amounts) {}

    public static byte[] write(int year, String region, List<BudgetRow> rows, String uploadUrl, String password,
                               String tertialVersion, Instant generatedAt) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(wb);
            instructions(wb, styles, year, region, uploadUrl, password);
            data(wb, styles, year, rows, password);
            Map<String, String> meta = new LinkedHashMap<>();
            meta.put(Metadata.K_FORMAT, FORMAT);
            meta.put(Metadata.K_METADATA_VERSION, "1");
            meta.put("year", Integer.toString(year));
            meta.put(Metadata.K_GENERATED_AT, generatedAt.toString());
            meta.put(Metadata.K_TERTIAL_VERSION, tertialVersion);
            Metadata.writeMap(PoiSheetOut.book(wb, styles), meta, password);
            // The Budget sheet opens alone selected: two selected tabs are a group, which disables Sort & Filter.
            wb.setActiveSheet(1);
            wb.setSelectedTab(1);
            wb.lockStructure();
            PrintLayout.everyVisibleSheet(wb, WorkbookText.budgetTitle(year));
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The year a budget workbook's metadata names; empty if it is not a budget workbook. */
    public static Optional<Integer> year(Map<String, String> metadata) {
        if (!FORMAT.equals(metadata.get(Metadata.K_FORMAT))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(metadata.getOrDefault("year", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void instructions(XSSFWorkbook wb, Styles styles, int year, String region, String uploadUrl,
                                     String password) {
        Sheet sheet = wb.createSheet(WorkbookText.INSTRUCTIONS_SHEET);
        text(sheet.createRow(0), 0, WorkbookText.budgetTitle(year), styles.of(TemplateStyle.TITLE));
        int r = 2;
        for (String[] kv : WorkbookText.budgetInstructions(region, year, uploadUrl)) {
            org.apache.poi.ss.usermodel.Row row = sheet.createRow(r++);
            text(row, 0, kv[0], styles.of(TemplateStyle.KEY));
            text(row, 1, kv[1], styles.of(TemplateStyle.TEXT));
            row.setHeightInPoints(15f * Math.max(1, (int) Math.ceil(kv[1].length() / 95.0)));
        }
        sheet.setColumnWidth(0, 24 * 256);
        sheet.setColumnWidth(1, 100 * 256);
        PrintLayout.a4LandscapeFitToWidth(sheet);
        sheet.protectSheet(password);
    }

    private static void data(XSSFWorkbook wb, Styles styles, int year, List<BudgetRow> rows, String password) {
        XSSFSheet sheet = wb.createSheet(WorkbookText.BUDGET_SHEET);
        org.apache.poi.ss.usermodel.Row codes = sheet.createRow(SheetLayout.CODE_ROW);
        codes.setZeroHeight(true);
        org.apache.poi.ss.usermodel.Row headings = sheet.createRow(SheetLayout.HEADING_ROW);
        headings.setHeightInPoints(30);
        int col = 0;
        for (String key : KEY_COLUMNS) {
            text(codes, col, key, styles.of(TemplateStyle.CODE));
            text(headings, col++, WorkbookText.BUDGET_HEADINGS.get(KEY_COLUMNS.indexOf(key)),
                    styles.of(TemplateStyle.HEADING_LEFT));
        }
        for (String amount : AMOUNT_COLUMNS) {
            text(codes, col, amount, styles.of(TemplateStyle.CODE));
            text(headings, col++, WorkbookText.budgetHeading(amount, year), styles.of(TemplateStyle.HEADING));
        }
        CellRangeAddressList inputs = new CellRangeAddressList();
        // Excel sorts a protected sheet only when every cell of the range is unlocked; the rows are found by their
        // codes on load (each expected unit × template × line exactly once), so an edited code is a finding.
        CellStyle key = wb.createCellStyle();
        key.cloneStyleFrom(styles.of(TemplateStyle.LABEL));
        key.setLocked(false);
        int r = SheetLayout.FIRST_LINE_ROW;
        for (BudgetRow row : rows) {
            org.apache.poi.ss.usermodel.Row x = sheet.createRow(r);
            text(x, 0, row.unit(), key);
            text(x, 1, row.unitName(), key);
            text(x, 2, row.template(), key);
            text(x, 3, row.line(), key);
            text(x, 4, row.label(), key);
            for (int i = 0; i < AMOUNT_COLUMNS.size(); i++) {
                Cell c = x.createCell(KEY_COLUMNS.size() + i);
                c.setCellStyle(styles.of(TemplateStyle.INPUT));
                Amount a = row.amounts().get(AMOUNT_COLUMNS.get(i));
                if (a != null) {
                    c.setCellValue(a.toSpreadsheet());
                }
            }
            r++;
        }
        if (!rows.isEmpty()) {
            inputs.addCellRangeAddress(SheetLayout.FIRST_LINE_ROW, KEY_COLUMNS.size(), r - 1,
                    KEY_COLUMNS.size() + AMOUNT_COLUMNS.size() - 1);
            DataValidationHelper helper = sheet.getDataValidationHelper();
            DataValidation v = helper.createValidation(helper.createDecimalConstraint(
                    DataValidationConstraint.OperatorType.BETWEEN, "-" + DataSheetWriter.MAX_TKR,
                    DataSheetWriter.MAX_TKR), inputs);
            v.setShowErrorBox(true);
            v.createErrorBox(WorkbookText.VALIDATION_AMOUNT_TITLE, WorkbookText.VALIDATION_AMOUNT_TEXT);
            sheet.addValidationData(v);
            sheet.setAutoFilter(new CellRangeAddress(SheetLayout.HEADING_ROW, r - 1, 0,
                    KEY_COLUMNS.size() + AMOUNT_COLUMNS.size() - 1));
        }
        int[] widths = {14, 34, 13, 17, 44, 16, 16, 16};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        sheet.createFreezePane(KEY_COLUMNS.size(), SheetLayout.FIRST_LINE_ROW);
        PrintLayout.a4LandscapeFitToWidth(sheet);
        sheet.setRepeatingRows(new CellRangeAddress(SheetLayout.CODE_ROW, SheetLayout.HEADING_ROW, -1, -1));
        sheet.protectSheet(password);
        sheet.lockAutoFilter(false);
        sheet.lockSort(false);
        sheet.lockFormatColumns(false);
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
    }

    private static void text(org.apache.poi.ss.usermodel.Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col, CellType.STRING);
        c.setCellValue(value);
        c.setCellStyle(style);
    }
}
