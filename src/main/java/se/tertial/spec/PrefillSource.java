package se.tertial.spec;

import java.util.Objects;

/** Where a prior column's values come from: a column of the same template in an earlier period. */
public record PrefillSource(PriorPeriod period, ColumnCode column) {
    public PrefillSource {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(column, "column");
    }
}
