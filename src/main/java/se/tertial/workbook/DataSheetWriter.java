package se.tertial.workbook;

import se.tertial.spec.BalanceCheck;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.CommonText;
import se.tertial.spec.HeadingFit;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.WorkbookText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Writes one data sheet of a template following the conventions of {@link SheetLayout}. */
final class DataSheetWriter {
    /** Large enough for any region's figures in tkr, small enough to catch a mistyped exponent. */
    static final String MAX_TKR = "999999999999";
    private static final int CODE_WIDTH = 17;

    private final TemplateRequest request;
    private final TemplateSpec spec;
    private final SheetLayout layout;
    private final PeriodCode period;
    private final TemplateValues values;
    private final List<int[]> numberInputs = new ArrayList<>();
    private final List<int[]> textInputs = new ArrayList<>();
    private final List<HeadingFit> headings = new ArrayList<>();

    DataSheetWriter(TemplateRequest request, TemplateSpec spec) {
        this.request = request;
        this.spec = spec;
        this.layout = new SheetLayout(spec);
        this.period = request.period();
        this.values = new TemplateValues(spec, period, request.prefill());
    }

    void write(SheetOut.Book book, String password) {
        SheetOut sheet = book.sheet(spec.sheet(), false);
        int lines = fitHeadings();
        for (int col = 0; col < headings.size(); col++) {
            sheet.columnWidth(col, headings.get(col).width());
        }
        writeCodeRow(sheet);
        writeHeadingRow(sheet, lines);
        for (LineSpec line : spec.lines()) {
            writeLine(sheet, line);
        }
        spec.balance().ifPresent(b -> writeBalanceCheck(sheet, b));
        sheet.rule(SheetOut.Rule.AMOUNT, numberInputs);
        sheet.rule(SheetOut.Rule.COMMENT, textInputs);
        setUp(sheet);
        sheet.protect(password, SheetOut.Protection.TEMPLATE);
    }

    private void writeCodeRow(SheetOut sheet) {
        sheet.row(SheetLayout.CODE_ROW, 0, true);
        sheet.text(SheetLayout.LINE_CODE_COL, SheetLayout.LINE_CODE_HEADER, TemplateStyle.CODE);
        sheet.text(SheetLayout.LABEL_COL, SheetLayout.LABEL_HEADER, TemplateStyle.CODE);
        for (ColumnSpec c : spec.columns()) {
            sheet.text(layout.col(c), c.code().value(), TemplateStyle.CODE);
        }
    }

    /**
     * The headings with our own line breaks, each column at least as wide as its longest heading word; returns the
     * row's lines: the tallest heading's, never fewer than three, so the row looks the same for every period.
     */
    private int fitHeadings() {
        headings.add(HeadingFit.of(WorkbookText.HEADING_LINE_CODE, CODE_WIDTH));
        headings.add(HeadingFit.of(spec.title(), labelWidth()));
        for (ColumnSpec c : spec.columns()) {
            headings.add(HeadingFit.of(c.headingFor(period), c.width()));
        }
        return Math.max(3, headings.stream().mapToInt(HeadingFit::lines).max().orElse(0));
    }

    private void writeHeadingRow(SheetOut sheet, int lines) {
        sheet.row(SheetLayout.HEADING_ROW, HeadingFit.rowHeight(lines), false);
        sheet.text(SheetLayout.LINE_CODE_COL, headings.get(SheetLayout.LINE_CODE_COL).text(),
                TemplateStyle.HEADING_LEFT);
        sheet.text(SheetLayout.LABEL_COL, headings.get(SheetLayout.LABEL_COL).text(), TemplateStyle.HEADING_LEFT);
        for (ColumnSpec c : spec.columns()) {
            sheet.text(layout.col(c), headings.get(layout.col(c)).text(),
                    c.kind() == ColumnKind.TEXT ? TemplateStyle.HEADING_TEXT : TemplateStyle.HEADING);
        }
    }

    private void writeLine(SheetOut sheet, LineSpec line) {
        int r = layout.row(line);
        sheet.row(r, 0, false);
        boolean isSum = line.kind() == LineKind.SUM;
        sheet.text(SheetLayout.LINE_CODE_COL, line.code().value(), TemplateStyle.CODE);
        String label = line.label() + line.accounts().map(a -> " (" + a + ")").orElse("");
        sheet.text(SheetLayout.LABEL_COL, label, isSum ? TemplateStyle.LABEL_SUM : TemplateStyle.LABEL);
        for (ColumnSpec c : spec.columns()) {
            int col = layout.col(c);
            Optional<String> formula = SheetFormulas.expected(layout, period, line, c);
            if (c.kind() == ColumnKind.TEXT) {
                sheet.blank(col, TemplateStyle.INPUT_TEXT);
                textInputs.add(new int[] {r, col});
            } else if (formula.isPresent()) {
                sheet.formula(col, formula.get(), values.value(line, c),
                        isSum ? TemplateStyle.SUM : TemplateStyle.FORMULA);
            } else if (request.prefill().isPrefilled(spec.id(), c.code())) {
                var value = request.prefill().value(spec.id(), c.code(), line.code());
                if (value.isPresent()) {
                    sheet.number(col, value.get().tkr(), TemplateStyle.PREFILLED);
                } else {
                    sheet.blank(col, TemplateStyle.PREFILLED);
                }
            } else {
                sheet.blank(col, TemplateStyle.INPUT);
                numberInputs.add(new int[] {r, col});
            }
        }
    }

    private void writeBalanceCheck(SheetOut sheet, BalanceCheck check) {
        int r = layout.checkRow().orElseThrow();
        int width = headings.get(SheetLayout.LABEL_COL).width();
        sheet.row(r, 15f * Math.max(1, (int) Math.ceil(check.label().length() / (double) width)) + 2, false);
        sheet.text(SheetLayout.LABEL_COL, check.label(), TemplateStyle.CHECK_LABEL);
        int assets = layout.row(check.assets());
        int liabilities = layout.row(check.equityAndLiabilities());
        for (ColumnSpec c : spec.columns()) {
            if (c.kind().isNumeric()) {
                int col = layout.col(c);
                sheet.formula(col, SheetFormulas.balanceCheck(SheetLayout.address(assets, col),
                        SheetLayout.address(liabilities, col)), values.check(check, c), TemplateStyle.CHECK);
            }
        }
    }

    /** The label column as wide as its longest label or the balance check's, within reason; none is cut off. */
    int labelWidth() {
        int longest = spec.lines().stream().mapToInt(l -> l.label().length()).max().orElse(0);
        longest = Math.max(longest, spec.balance().map(b -> b.label().length()).orElse(0));
        return Math.min(70, Math.max(46, longest + 3));
    }

    /**
     * Eight amount columns beside the label and the comment are too wide for one readable page: two pages wide, the
     * line's code and label repeated on the second, at about 80 %.
     */
    private void setUp(SheetOut sheet) {
        sheet.freeze(SheetLayout.FIRST_VALUE_COL, SheetLayout.FIRST_LINE_ROW);
        sheet.printA4Landscape(2);
        sheet.printTitles(SheetLayout.HEADING_ROW, SheetLayout.LABEL_COL);
        sheet.headerFooter(headerText(request.unit().code() + " " + request.unit().name()), "",
                headerText(CommonText.periodName(period)),
                headerText(spec.sheet() + " (" + spec.id() + " v" + spec.version() + ")"), "",
                CommonText.pageFooter("&P", "&N"));
    }

    /** Header/footer codes start with '&'; a literal ampersand in our text must be doubled. */
    static String headerText(String text) {
        return text.replace("&", "&&");
    }
}
