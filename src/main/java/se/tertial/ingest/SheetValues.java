package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.FactKey;
import se.tertial.spec.LineCode;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Term;
import se.tertial.workbook.SheetLayout;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values of one data sheet: what the unit entered, and every sum and deviation recomputed by tertial from those
 * inputs (never taken from the workbook's cached results). A numeric column in which nothing was entered is absent,
 * not zero, and so are the sums over it and a deviation with an absent side; a blank cell in a present column is 0.
 */
public final class SheetValues {
    private final TemplateSpec spec;
    private final PeriodCode period;
    private final SheetLayout layout;
    private final Map<LineCode, Map<ColumnCode, Amount>> entered;
    private final Map<LineCode, String> comments;
    private final Set<ColumnCode> present = new HashSet<>();
    private final Map<LineCode, Map<ColumnCode, Amount>> computed = new HashMap<>();
    private final Set<FactKey> unreadable;

    public SheetValues(TemplateSpec spec, PeriodCode period, Map<LineCode, Map<ColumnCode, Amount>> entered,
                       Map<LineCode, String> comments) {
        this(spec, period, entered, comments, Set.of());
    }

    /**
     * @param unreadable input cells whose content could not be read as an amount (already a finding); every value
     *                   computed from them is {@linkplain #tainted tainted}, and no rule derives anything from it
     */
    public SheetValues(TemplateSpec spec, PeriodCode period, Map<LineCode, Map<ColumnCode, Amount>> entered,
                       Map<LineCode, String> comments, Set<FactKey> unreadable) {
        this.unreadable = Set.copyOf(unreadable);
        this.spec = spec;
        this.period = period;
        this.layout = new SheetLayout(spec);
        this.entered = deepCopy(entered);
        this.comments = Map.copyOf(comments);
        for (ColumnSpec c : spec.columns()) {
            if (isPresent(c)) {
                present.add(c.code());
            }
        }
        for (LineSpec l : spec.lines()) {
            for (ColumnSpec c : spec.columns()) {
                if (present.contains(c.code())) {
                    computed.computeIfAbsent(l.code(), k -> new HashMap<>()).put(c.code(), compute(l, c));
                }
            }
        }
    }

    public TemplateSpec spec() {
        return spec;
    }

    public PeriodCode period() {
        return period;
    }

    /** What the unit entered in the cell, if anything. */
    public Optional<Amount> entered(LineCode line, ColumnCode column) {
        return Optional.ofNullable(entered.getOrDefault(line, Map.of()).get(column));
    }

    /** The cell's value as tertial computes it; empty when nothing was entered in its column (or its inputs). */
    public Optional<Amount> value(LineCode line, ColumnCode column) {
        return Optional.ofNullable(computed.getOrDefault(line, Map.of()).get(column));
    }

    public Optional<String> comment(LineCode line) {
        return Optional.ofNullable(comments.get(line));
    }

    public Map<LineCode, String> comments() {
        return comments;
    }

    /** Whether the unit entered any amount itself (outcome, forecast, balance), not only prefilled columns. */
    public boolean hasEnteredAmounts() {
        return spec.columns().stream().filter(c -> c.kind() == ColumnKind.INPUT || c.kind() == ColumnKind.FORECAST)
                .anyMatch(c -> entered.values().stream().anyMatch(m -> m.containsKey(c.code())));
    }

    /**
     * Whether the value depends on a cell that could not be read: then its computed value (with that cell as 0) is
     * no figure anyone entered, and a rule checking it would invent a second finding.
     */
    public boolean tainted(LineCode line, ColumnCode column) {
        if (unreadable.isEmpty()) {
            return false;
        }
        LineSpec l = spec.line(line).orElseThrow();
        ColumnSpec c = spec.column(column).orElseThrow();
        if (c.isFormulaIn(period)) {
            if (c.kind() == ColumnKind.FORECAST) {
                return tainted(line, c.sameAs().orElseThrow());
            }
            return c.formula().stream().anyMatch(t -> tainted(line, t.code()));
        }
        if (l.kind() == LineKind.SUM) {
            return l.sum().stream().anyMatch(t -> tainted(t.code(), column));
        }
        return unreadable.contains(new FactKey(spec.id(), line, column));
    }

    public boolean isPresent(ColumnCode column) {
        return present.contains(column);
    }

    /** A1 address of a cell, e.g. {@code D7}. */
    public String address(LineCode line, ColumnCode column) {
        return layout.address(line, column);
    }

    /** Every computed amount, keyed for storage. */
    public Map<FactKey, Amount> facts() {
        Map<FactKey, Amount> facts = new LinkedHashMap<>();
        for (LineSpec l : spec.lines()) {
            for (ColumnSpec c : spec.columns()) {
                value(l.code(), c.code()).ifPresent(a -> facts.put(new FactKey(spec.id(), l.code(), c.code()), a));
            }
        }
        return facts;
    }

    private boolean isPresent(ColumnSpec c) {
        if (!c.kind().isNumeric()) {
            return false;
        }
        if (c.isFormulaIn(period)) {
            if (c.kind() == ColumnKind.FORECAST) {
                return isPresent(spec.column(c.sameAs().orElseThrow()).orElseThrow());
            }
            // A deviation means something only when both sides were filled in.
            return c.formula().stream().allMatch(t -> isPresent(spec.column(t.code()).orElseThrow()));
        }
        return entered.values().stream().anyMatch(m -> m.containsKey(c.code()));
    }

    /** Each cell computed once: sums of sums and deviations of sums reuse what is already known. */
    private Amount compute(LineSpec line, ColumnSpec column) {
        Map<ColumnCode, Amount> row = computed.get(line.code());
        Amount known = row == null ? null : row.get(column.code());
        if (known != null) {
            return known;
        }
        Amount value = computeOnce(line, column);
        computed.computeIfAbsent(line.code(), k -> new HashMap<>()).put(column.code(), value);
        return value;
    }

    private Amount computeOnce(LineSpec line, ColumnSpec column) {
        if (column.isFormulaIn(period)) {
            if (column.kind() == ColumnKind.FORECAST) {
                return orZero(line, spec.column(column.sameAs().orElseThrow()).orElseThrow());
            }
            Amount sum = Amount.ZERO;
            for (Term<ColumnCode> t : column.formula()) {
                sum = sum.plus(orZero(line, spec.column(t.code()).orElseThrow()).times(t.factor()));
            }
            return sum;
        }
        if (line.kind() == LineKind.SUM) {
            Amount sum = Amount.ZERO;
            for (Term<LineCode> t : line.sum()) {
                sum = sum.plus(compute(spec.line(t.code()).orElseThrow(), column).times(t.factor()));
            }
            return sum;
        }
        return entered(line.code(), column.code()).orElse(Amount.ZERO);
    }

    private Amount orZero(LineSpec line, ColumnSpec column) {
        return present.contains(column.code()) ? compute(line, column) : Amount.ZERO;
    }

    private static Map<LineCode, Map<ColumnCode, Amount>> deepCopy(Map<LineCode, Map<ColumnCode, Amount>> m) {
        Map<LineCode, Map<ColumnCode, Amount>> copy = new HashMap<>();
        m.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        return copy;
    }
}
