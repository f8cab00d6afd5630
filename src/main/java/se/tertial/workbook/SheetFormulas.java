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

    /** What a computed cell must hold: tertial's formula, and every accepted form of it, normalized. */
    public record Check(String expected, java.util.Set<String> accepted) {}

    private static final java.util.Map<String, java.util.Map<se.tertial.spec.LineCode,
            java.util.Map<se.tertial.spec.ColumnCode, Check>>> CHECKS = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * {@link #expected} and {@link #accepted}, normalized, for every computed cell of a template in a period, by line
     * and column; computed once per template version (by its content) and period: a bulk load checks the same few
     * hundred formulas in every file. Cells the unit fills in are absent.
     */
    public static java.util.Map<se.tertial.spec.LineCode, java.util.Map<se.tertial.spec.ColumnCode, Check>> checks(
            se.tertial.spec.TemplateSpec spec, SheetLayout layout, PeriodCode period) {
        String key = spec.id() + "|" + spec.version() + "|" + spec.sha256() + "|" + period;
        return CHECKS.computeIfAbsent(key, k -> {
            java.util.Map<se.tertial.spec.LineCode, java.util.Map<se.tertial.spec.ColumnCode, Check>> all =
                    new java.util.HashMap<>();
            for (LineSpec line : spec.lines()) {
                for (ColumnSpec column : spec.columns()) {
                    expected(layout, period, line, column).ifPresent(e -> all.computeIfAbsent(line.code(),
                            x -> new java.util.HashMap<>()).put(column.code(), new Check(e, java.util.Set.copyOf(
                            accepted(layout, period, line, column).stream().map(SheetFormulas::normalize).toList()))));
                }
            }
            return java.util.Map.copyOf(all);
        });
    }

    /** Formulas normalised before: a template's few hundred texts recur in every file of a bulk load. */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> NORMALIZED =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Enough for every computed cell of every template; texts past it are normalised each time, never kept. */
    static final int NORMALIZED_KEPT = 20_000;
    private static final int NORMALIZED_LONGEST = 500;

    /** Compares formulas as spreadsheet programs save them: no '=', no '$', no white space, any case. */
    public static String normalize(String formula) {
        String known = NORMALIZED.get(formula);
        if (known != null) {
            return known;
        }
        String normal = normalizeNow(formula);
        if (formula.length() <= NORMALIZED_LONGEST && NORMALIZED.size() < NORMALIZED_KEPT) {
            NORMALIZED.putIfAbsent(formula, normal);
        }
        return normal;
    }

    /** How many normalised texts are kept. */
    static int normalizedKept() {
        return NORMALIZED.size();
    }

    private static String normalizeNow(String formula) {
        StringBuilder b = new StringBuilder(formula.length());
        for (int i = 0; i < formula.length(); i++) {
            char c = formula.charAt(i);
            if (c != '=' && c != '$' && !Character.isWhitespace(c)) {
                b.append(c);
            }
        }
        return b.toString().toUpperCase(Locale.ROOT);
    }
}
