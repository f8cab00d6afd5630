package se.tertial.workbook;

import se.tertial.spec.ColumnCode;
import se.tertial.spec.LineCode;
import se.tertial.spec.Term;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Builds the live Excel formulas of a template from the spec's sums and column formulas. */
final class Formulas {
    private Formulas() {}

    /**
     * A sum line in one column: added rows become {@code SUM(C3:C7)} (ranges where rows are adjacent), subtracted
     * rows follow as {@code -C9}. SUM skips text, so a number typed as text shows up as a difference at ingest
     * rather than as #VALUE! in the controller's workbook.
     */
    static String sum(List<Term<LineCode>> terms, ToIntFunction<LineCode> rowOf, int col) {
        List<Integer> added = new ArrayList<>();
        StringBuilder subtracted = new StringBuilder();
        for (Term<LineCode> t : terms) {
            int row = rowOf.applyAsInt(t.code());
            if (t.negated()) {
                subtracted.append('-').append(SheetLayout.address(row, col));
            } else {
                added.add(row);
            }
        }
        if (added.isEmpty()) {
            return subtracted.toString();
        }
        return "SUM(" + String.join(",", ranges(added, col)) + ")" + subtracted;
    }

    /** Every cell a sum line adds or subtracts, e.g. {@code C3:C7}, {@code C9}: what COUNT looks at. */
    static List<String> refs(List<Term<LineCode>> terms, ToIntFunction<LineCode> rowOf, int col) {
        List<Integer> rows = new ArrayList<>();
        terms.forEach(t -> rows.add(rowOf.applyAsInt(t.code())));
        java.util.Collections.sort(rows);
        return ranges(rows, col);
    }

    /** A column formula on one row, e.g. {@code C3-D3}. */
    static String columns(List<Term<ColumnCode>> terms, ToIntFunction<ColumnCode> colOf, int row) {
        StringBuilder f = new StringBuilder();
        for (Term<ColumnCode> t : terms) {
            if (t.negated()) {
                f.append('-');
            } else if (f.length() > 0) {
                f.append('+');
            }
            f.append(SheetLayout.address(row, colOf.applyAsInt(t.code())));
        }
        return f.toString();
    }

    private static List<String> ranges(List<Integer> rows, int col) {
        List<String> out = new ArrayList<>();
        int start = rows.get(0);
        int prev = start;
        for (int i = 1; i <= rows.size(); i++) {
            int next = i < rows.size() ? rows.get(i) : Integer.MIN_VALUE;
            if (next != prev + 1) {
                out.add(start == prev ? SheetLayout.address(start, col)
                        : SheetLayout.address(start, col) + ":" + SheetLayout.address(prev, col));
                start = next;
            }
            prev = next;
        }
        return out;
    }
}
