package se.tertial.spec;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A line must be commented when |avvikelse| reaches {@code tkr}, or {@code percentOfBudgetAr} % of |årsbudget|
 * when that is larger.
 */
public record CommentThreshold(BigDecimal tkr, BigDecimal percentOfBudgetAr) {
    public CommentThreshold {
        Objects.requireNonNull(tkr, "tkr");
        Objects.requireNonNull(percentOfBudgetAr, "percentOfBudgetAr");
    }
}
