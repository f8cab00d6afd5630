package se.tertial.workbook;

import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.LineCode;
import se.tertial.spec.TemplateId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Values known before the unit fills in the template (last year's outcome, later the loaded budget). A column that
 * is present here is written with these values and locked; a line without a value in it is left empty.
 */
public final class Prefill {
    private static final Prefill NONE = new Prefill(Map.of());
    private final Map<TemplateId, Map<ColumnCode, Map<LineCode, Amount>>> columns;

    private Prefill(Map<TemplateId, Map<ColumnCode, Map<LineCode, Amount>>> columns) {
        this.columns = columns;
    }

    public static Prefill none() {
        return NONE;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this prefill's columns and values, to add more. */
    public Builder toBuilder() {
        Builder b = new Builder();
        columns.forEach((t, cols) -> cols.forEach((c, values) -> {
            b.column(t, c);
            values.forEach((l, a) -> b.value(t, c, l, a));
        }));
        return b;
    }

    public boolean isPrefilled(TemplateId template, ColumnCode column) {
        return columns.getOrDefault(template, Map.of()).containsKey(column);
    }

    public Optional<Amount> value(TemplateId template, ColumnCode column, LineCode line) {
        return Optional.ofNullable(columns.getOrDefault(template, Map.of()).getOrDefault(column, Map.of()).get(line));
    }

    public static final class Builder {
        private final Map<TemplateId, Map<ColumnCode, Map<LineCode, Amount>>> columns = new HashMap<>();

        /** Marks the column as prefilled (locked) even if no value is added to it. */
        public Builder column(TemplateId template, ColumnCode column) {
            columns.computeIfAbsent(template, t -> new HashMap<>()).computeIfAbsent(column, c -> new HashMap<>());
            return this;
        }

        public Builder value(TemplateId template, ColumnCode column, LineCode line, Amount amount) {
            column(template, column);
            columns.get(template).get(column).put(line, amount);
            return this;
        }

        public Prefill build() {
            Map<TemplateId, Map<ColumnCode, Map<LineCode, Amount>>> copy = new HashMap<>();
            columns.forEach((t, cols) -> {
                Map<ColumnCode, Map<LineCode, Amount>> c = new HashMap<>();
                cols.forEach((k, v) -> c.put(k, Map.copyOf(v)));
                copy.put(t, Map.copyOf(c));
            });
            return new Prefill(Map.copyOf(copy));
        }
    }
}
