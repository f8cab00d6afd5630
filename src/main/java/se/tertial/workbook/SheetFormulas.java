package se.tertial.workbook;

import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.PeriodCode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The formula every computed cell of a template holds: the writer puts it there, the ingest checks it is still
 * there. Empty for cells the unit fills in.
 */
public final class SheetFormulas {
    private SheetFormulas() {}

    /**
     * The formula tertial writes: blank while its inputs are blank (a deviation needs both sides, a sum at least
     * one entered line), so a template nobody has filled shows no invented deviation.
     */
    public static Optional<String> expected(SheetLayout layout, PeriodCode period, LineSpec line, ColumnSpec column) {
        int row = layout.row(line);
        if (column.isFormulaIn(period)) {
            if (column.kind() == ColumnKind.FORECAST) {
                String same = SheetLayout.address(row, layout.col(column.sameAs().orElseThrow()));
                return Optional.of("IF(" + same + "=\"\",\"\"," + same + ")");
            }
            List<String> refs = column.formula().stream()
                    .map(t -> SheetLayout.address(row, layout.col(t.code()))).toList();
            return Optional.of("IF(OR(" + String.join(",", refs.stream().map(r -> r + "=\"\"").toList())
                    + "),\"\"," + Formulas.columns(column.formula(), layout::col, row) + ")");
        }
        if (line.kind() == LineKind.SUM && column.kind().isNumeric()) {
            String sum = Formulas.sum(line.sum(), layout::row, layout.col(column));
            return Optional.of("IF(COUNT(" + String.join(",", Formulas.refs(line.sum(), layout::row,
                    layout.col(column))) + ")=0,\"\"," + sum + ")");
        }
        return Optional.empty();
    }

    /**
     * Every form of the formula a workbook of this template version may carry: today's, and the plain form earlier
     * templates were written with ({@code C3-D3}, {@code SUM(C3:C7)}), which workbooks in circulation still hold.
     */
    public static List<String> accepted(SheetLayout layout, PeriodCode period, LineSpec line, ColumnSpec column) {
        Optional<String> now = expected(layout, period, line, column);
        if (now.isEmpty()) {
            return List.of();
        }
        int row = layout.row(line);
        String plain;
        if (column.isFormulaIn(period)) {
            plain = column.kind() == ColumnKind.FORECAST
                    ? SheetLayout.address(row, layout.col(column.sameAs().orElseThrow()))
                    : Formulas.columns(column.formula(), layout::col, row);
        } else {
            plain = Formulas.sum(line.sum(), layout::row, layout.col(column));
        }
        return List.of(now.get(), plain);
    }

    /** The balance check under the lines: assets minus equity and liabilities, blank while either is blank. */
    public static String balanceCheck(String assets, String liabilities) {
        return "IF(OR(" + assets + "=\"\"," + liabilities + "=\"\"),\"\"," + assets + "-" + liabilities + ")";
    }

    /** Compares formulas as spreadsheet programs save them: no '=', no '$', no spaces, any case. */
    public static String normalize(String formula) {
        return formula.replace("=", "").replace("$", "").replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
    }
}
