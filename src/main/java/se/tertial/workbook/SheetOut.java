package se.tertial.workbook;

import java.math.BigDecimal;
import java.util.List;

/**
 * One sheet of a template as it is written, row by row in ascending order and cell by cell from left to right: the
 * sheet writers ({@link InstructionsSheet}, {@link DataSheetWriter}, the metadata) say what a sheet holds once, and
 * two implementations write it: {@link XlsxSheetOut} streams .xlsx XML, {@link PoiSheetOut} builds a POI sheet (the
 * .xls template, and the reference the streaming writer is compared with).
 */
interface SheetOut {
    /** Where the sheets of one workbook come from, in the order they are made. */
    @FunctionalInterface
    interface Book {
        SheetOut sheet(String name, boolean veryHidden);
    }

    /** Where a sheet's protection leaves the controller free: selecting every cell and resizing rows and columns. */
    enum Protection { TEMPLATE, PLAIN }

    /** The rules on input cells, each with its Swedish error box. */
    enum Rule {
        /** An amount in tkr between ±{@value DataSheetWriter#MAX_TKR}. */
        AMOUNT(se.tertial.spec.WorkbookText.VALIDATION_AMOUNT_TITLE,
                se.tertial.spec.WorkbookText.VALIDATION_AMOUNT_TEXT),
        /** A comment of at most {@link se.tertial.spec.WorkbookText#COMMENT_MAX} characters. */
        COMMENT(se.tertial.spec.WorkbookText.VALIDATION_COMMENT_TITLE,
                se.tertial.spec.WorkbookText.VALIDATION_COMMENT_TEXT);

        final String title;
        final String text;

        Rule(String title, String text) {
            this.title = title;
            this.text = text;
        }
    }

    /** A column's width in characters of the default font. */
    void columnWidth(int col, int chars);

    /** Starts a row; {@code heightPoints} 0 keeps the default height. */
    void row(int row, float heightPoints, boolean hidden);

    void text(int col, String text, TemplateStyle style);

    /** An amount in tkr, exact. */
    void number(int col, BigDecimal tkr, TemplateStyle style);

    void blank(int col, TemplateStyle style);

    /**
     * A formula and the value it has when the workbook is written ({@link TemplateValues}), for programs that show
     * cached values without recalculating.
     */
    void formula(int col, String formula, TemplateValues.Value cached, TemplateStyle style);

    /** Freezes the columns left of and the rows above (col, row). */
    void freeze(int col, int row);

    /** A4 landscape, this many pages wide, as many long as needed. */
    void printA4Landscape(int pagesWide);

    /** Repeats rows 0..lastRow and columns 0..lastCol on every printed page. */
    void printTitles(int lastRow, int lastCol);

    /** Header and footer sections, with '&' codes ({@code &P}) and literal ampersands doubled. */
    void headerFooter(String headerLeft, String headerCenter, String headerRight, String footerLeft,
                      String footerCenter, String footerRight);

    /** A rule on the given cells, each {row, col}. */
    void rule(Rule rule, List<int[]> cells);

    void protect(String password, Protection protection);
}
