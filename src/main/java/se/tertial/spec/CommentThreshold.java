package se.tertial.spec;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A line must be commented when a deviation (a formula column) reaches {@code tkr}, or {@code percent} % of the
 * line's amount in column {@code ofColumn} (the årsbudget) when that is larger.
 */
public record CommentThreshold(BigDecimal tkr, BigDecimal percent, ColumnCode ofColumn) {
    public CommentThreshold {
        Objects.requireNonNull(tkr, "tkr");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(ofColumn, "ofColumn");
    }
}
