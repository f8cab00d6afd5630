package se.tertial.app;

import se.tertial.money.Amount;

import java.util.List;
import java.util.Optional;

/**
 * What finance judges on the review page, as values: the version's figures per data sheet with the template's lines
 * and columns, each line's comment and warnings, the deviations that need a comment, the balance checks, and what
 * changed against the previous version, the version finance last returned and last year's same period.
 *
 * @param version the version shown (the current one); empty when the unit has none
 */
public record UnitFigures(String unit, String name, String period, Optional<Integer> version,
                          List<Sheet> sheets, Comparison sincePrevious, Comparison sinceReturned,
                          Comparison sinceLastYear) {

    /** A column of a data sheet: its code (JSON) and its heading for the period (people). */
    public record Column(String code, String heading) {}

    /** One data sheet as the template lays it out. */
    public record Sheet(String template, String sheet, List<Column> columns, List<Line> lines,
                        List<Balance> balance) {}

    /**
     * A line: the amounts in the sheet's column order (empty where the cell was), its comment, the warnings the
     * upload had on it (in words), and whether a deviation of it reaches the comment threshold.
     */
    public record Line(String code, String label, boolean sum, List<Optional<Amount>> values, Optional<String> comment,
                       List<String> warnings, boolean needsComment) {}

    /** The balance check of one column: assets against equity and liabilities. */
    public record Balance(String column, Amount assets, Amount equityAndLiabilities, Amount difference, boolean ok) {}

    /** What differs from another version; {@code against} names it ("version 1"), empty when there is none. */
    public record Comparison(Optional<String> against, Optional<Integer> version, List<Change> changes) {
        public static Comparison none() {
            return new Comparison(Optional.empty(), Optional.empty(), List.of());
        }
    }

    /** One changed cell (amounts) or one changed comment (texts), old → new. */
    public record Change(String sheet, String line, String label, String column, Optional<Amount> before,
                         Optional<Amount> after, Optional<String> textBefore, Optional<String> textAfter) {
        public boolean isComment() {
            return textBefore.isPresent() || textAfter.isPresent();
        }
    }
}
