package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import se.tertial.money.Amount;
import se.tertial.spec.BalanceCheck;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.HeadingFit;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.CommonText;
import se.tertial.spec.WorkbookText;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateSpec;

import java.util.Optional;

/** Writes one data sheet of a template following the conventions of {@link SheetLayout}. */
final class DataSheetWriter {
    /** Large enough for any region's figures in tkr, small enough to catch a mistyped exponent. */
    static final String MAX_TKR = "999999999999";
    private static final int CODE_WIDTH = 17;

    private final Workbook wb;
    private final Styles styles;
    private final TemplateRequest request;
    private final TemplateSpec spec;
    private final SheetLayout layout;
    private final PeriodCode period;
    private final CellRangeAddressList numberInputs = new CellRangeAddressList();
    private final CellRangeAddressList textInputs = new CellRangeAddressList();

    DataSheetWriter(Workbook wb, Styles styles, TemplateRequest request, TemplateSpec spec) {
        this.wb = wb;
        this.styles = styles;
        this.request = request;
        this.spec = spec;
        this.layout = new SheetLayout(spec);
        this.period = request.period();
    }

    void write(String password) {
        Sheet sheet = wb.createSheet(spec.sheet());
        if (sheet instanceof org.apache.poi.hssf.usermodel.HSSFSheet) {
            // BIFF8's default row (12.75 pt, for Arial 10) is too low for our 11 pt text; Excel does not grow it.
            sheet.setDefaultRowHeightInPoints(15);
        }
        writeCodeRow(sheet);
        writeHeadingRow(sheet);
        for (LineSpec line : spec.lines()) {
            writeLine(sheet, line);
        }
        spec.balance().ifPresent(b -> writeBalanceCheck(sheet, b));
        addValidations(sheet);
        setUp(sheet);
        SheetProtection.protect(sheet, password);
    }

    private void writeCodeRow(Sheet sheet) {
        Row row = sheet.createRow(SheetLayout.CODE_ROW);
        row.setZeroHeight(true);
        text(row, SheetLayout.LINE_CODE_COL, SheetLayout.LINE_CODE_HEADER, styles.code);
        text(row, SheetLayout.LABEL_COL, SheetLayout.LABEL_HEADER, styles.code);
        for (ColumnSpec c : spec.columns()) {
            text(row, layout.col(c), c.code().value(), styles.code);
        }
    }

    /**
     * The headings with our own line breaks, each column at least as wide as its longest heading word, the row as
     * tall as the tallest heading (never fewer than three lines, so the row looks the same for every period).
     */
    private void writeHeadingRow(Sheet sheet) {
        Row row = sheet.createRow(SheetLayout.HEADING_ROW);
        int lines = 3;
        lines = Math.max(lines, heading(row, SheetLayout.LINE_CODE_COL, WorkbookText.HEADING_LINE_CODE, CODE_WIDTH,
                styles.headingLeft));
        lines = Math.max(lines, heading(row, SheetLayout.LABEL_COL, spec.title(), labelWidth(), styles.headingLeft));
        for (ColumnSpec c : spec.columns()) {
            lines = Math.max(lines, heading(row, layout.col(c), c.headingFor(period), c.width(),
                    c.kind() == ColumnKind.TEXT ? styles.headingText : styles.heading));
        }
        row.setHeightInPoints(HeadingFit.rowHeight(lines));
    }

    private int heading(Row row, int col, String heading, int minWidth, CellStyle style) {
        HeadingFit fit = HeadingFit.of(heading, minWidth);
        text(row, col, fit.text(), style);
        row.getSheet().setColumnWidth(col, fit.width() * 256);
        return fit.lines();
    }

    private void writeLine(Sheet sheet, LineSpec line) {
        int r = layout.row(line);
        Row row = sheet.createRow(r);
        boolean isSum = line.kind() == LineKind.SUM;
        text(row, SheetLayout.LINE_CODE_COL, line.code().value(), styles.code);
        String label = line.label() + line.accounts().map(a -> " (" + a + ")").orElse("");
        text(row, SheetLayout.LABEL_COL, label, isSum ? styles.labelSum : styles.label);
        for (ColumnSpec c : spec.columns()) {
            int col = layout.col(c);
            Cell cell = row.createCell(col);
            if (c.kind() == ColumnKind.TEXT) {
                cell.setCellStyle(styles.inputText);
                textInputs.addCellRangeAddress(r, col, r, col);
            } else if (SheetFormulas.expected(layout, period, line, c).isPresent()) {
                cell.setCellFormula(SheetFormulas.expected(layout, period, line, c).get());
                cell.setCellStyle(isSum ? styles.sum : styles.formula);
            } else if (request.prefill().isPrefilled(spec.id(), c.code())) {
                Optional<Amount> value = request.prefill().value(spec.id(), c.code(), line.code());
                value.ifPresent(v -> cell.setCellValue(v.toSpreadsheet()));
                cell.setCellStyle(styles.prefilled);
            } else {
                cell.setCellStyle(styles.input);
                numberInputs.addCellRangeAddress(r, col, r, col);
            }
        }
    }

    private void writeBalanceCheck(Sheet sheet, BalanceCheck check) {
        int r = layout.checkRow().orElseThrow();
        Row row = sheet.createRow(r);
        // A long check label wraps in its row rather than running under the amounts.
        org.apache.poi.ss.usermodel.CellStyle label = wb.createCellStyle();
        label.cloneStyleFrom(styles.check);
        label.setWrapText(true);
        text(row, SheetLayout.LABEL_COL, check.label(), label);
        int width = sheet.getColumnWidth(SheetLayout.LABEL_COL) / 256;
        row.setHeightInPoints(15f * Math.max(1, (int) Math.ceil(check.label().length() / (double) width)) + 2);
        int assets = layout.row(check.assets());
        int liabilities = layout.row(check.equityAndLiabilities());
        for (ColumnSpec c : spec.columns()) {
            if (c.kind().isNumeric()) {
                int col = layout.col(c);
                Cell cell = row.createCell(col);
                cell.setCellFormula(SheetFormulas.balanceCheck(SheetLayout.address(assets, col),
                        SheetLayout.address(liabilities, col)));
                cell.setCellStyle(styles.check);
            }
        }
    }

    private void addValidations(Sheet sheet) {
        DataValidationHelper helper = sheet.getDataValidationHelper();
        if (numberInputs.countRanges() > 0) {
            DataValidationConstraint decimal = helper.createDecimalConstraint(
                    DataValidationConstraint.OperatorType.BETWEEN, "-" + MAX_TKR, MAX_TKR);
            sheet.addValidationData(validation(helper, decimal, numberInputs,
                    WorkbookText.VALIDATION_AMOUNT_TITLE, WorkbookText.VALIDATION_AMOUNT_TEXT));
        }
        if (textInputs.countRanges() > 0) {
            DataValidationConstraint length = helper.createTextLengthConstraint(
                    DataValidationConstraint.OperatorType.LESS_OR_EQUAL, Integer.toString(WorkbookText.COMMENT_MAX), null);
            sheet.addValidationData(validation(helper, length, textInputs,
                    WorkbookText.VALIDATION_COMMENT_TITLE, WorkbookText.VALIDATION_COMMENT_TEXT));
        }
    }

    private static DataValidation validation(DataValidationHelper helper, DataValidationConstraint constraint,
                                             CellRangeAddressList cells, String title, String text) {
        DataValidation v = helper.createValidation(constraint, cells);
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.setEmptyCellAllowed(true);
        v.setShowErrorBox(true);
        v.createErrorBox(title, text);
        return v;
    }

    /** The label column as wide as its longest label or the balance check's, within reason; none is cut off. */
    int labelWidth() {
        int longest = spec.lines().stream().mapToInt(l -> l.label().length()).max().orElse(0);
        longest = Math.max(longest, spec.balance().map(b -> b.label().length()).orElse(0));
        return Math.min(70, Math.max(46, longest + 3));
    }

    /** Column widths are set with the headings ({@link #writeHeadingRow}). */
    private void setUp(Sheet sheet) {
        sheet.createFreezePane(SheetLayout.FIRST_VALUE_COL, SheetLayout.FIRST_LINE_ROW);
        sheet.setRepeatingRows(new CellRangeAddress(SheetLayout.CODE_ROW, SheetLayout.HEADING_ROW, -1, -1));
        // Eight amount columns beside the label and the comment are too wide for one readable page: two pages wide,
        // the line's code and label repeated on the second, at about 80 %.
        PrintLayout.a4LandscapeTwoWide(sheet, SheetLayout.LINE_CODE_COL, SheetLayout.LABEL_COL);
        sheet.getHeader().setLeft(headerText(request.unit().code() + " " + request.unit().name()));
        sheet.getHeader().setRight(headerText(CommonText.periodName(period)));
        sheet.getFooter().setLeft(headerText(spec.sheet() + " (" + spec.id() + " v" + spec.version() + ")"));
        sheet.getFooter().setRight(CommonText.pageFooter("&P", "&N"));
    }

    /** Header/footer codes start with '&'; a literal ampersand in our text must be doubled. */
    static String headerText(String text) {
        return text.replace("&", "&&");
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell cell = row.createCell(col, CellType.STRING);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }
}
