package se.tertial.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A column of a template.
 *
 * @param heading heading text with period placeholders, see {@link Headings}
 * @param headingYearEnd a different heading for T3, if any
 * @param formula for {@link ColumnKind#FORMULA}: the columns added or subtracted, row by row
 * @param sameAs for {@link ColumnKind#FORECAST}: the column it equals at year end
 * @param prefill for {@link ColumnKind#PRIOR}: where the values come from
 * @param budget for {@link ColumnKind#BUDGET}: the year's or the period's budget
 * @param width column width in characters
 */
public record ColumnSpec(ColumnCode code, String heading, Optional<String> headingYearEnd, ColumnKind kind,
                         List<Term<ColumnCode>> formula, Optional<ColumnCode> sameAs,
                         Optional<PrefillSource> prefill, Optional<BudgetScope> budget, int width) {
    public ColumnSpec {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(headingYearEnd, "headingYearEnd");
        Objects.requireNonNull(kind, "kind");
        formula = List.copyOf(formula);
        Objects.requireNonNull(sameAs, "sameAs");
        Objects.requireNonNull(prefill, "prefill");
        Objects.requireNonNull(budget, "budget");
    }

    public String headingFor(PeriodCode period) {
        return Headings.render(period.isYearEnd() ? headingYearEnd.orElse(heading) : heading, period);
    }

    /** True if the column is a formula in this period (avvikelse always; the forecast at year end). */
    public boolean isFormulaIn(PeriodCode period) {
        return kind == ColumnKind.FORMULA || (kind == ColumnKind.FORECAST && period.isYearEnd());
    }
}
