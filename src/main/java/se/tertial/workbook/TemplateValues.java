package se.tertial.workbook;

import se.tertial.spec.BalanceCheck;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.LineCode;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateSpec;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * The value every cell of a new template has, formulas included, computed from the spec the way Excel computes the
 * formulas {@link SheetFormulas} writes: what the .xlsx stores as each formula's cached value, so LibreOffice (which
 * does not recalculate an .xlsx on open by default) shows the right sums. POI's formula evaluator computes the same
 * for the .xls; {@code TemplateXlsxParityTest} holds the two to each other.
 */
final class TemplateValues {
    /** A cell's value: empty (nothing typed), the empty text a blank formula shows, a number, or an error. */
    sealed interface Value permits Empty, BlankText, Number, Error {}

    record Empty() implements Value {}

    record BlankText() implements Value {}

    record Number(BigDecimal value) implements Value {}

    /** {@code #VALUE!}: a blank formula result subtracted in a sum. */
    record Error() implements Value {}

    static final Value EMPTY = new Empty();
    static final Value BLANK_TEXT = new BlankText();
    static final Value ERROR = new Error();

    private final TemplateSpec spec;
    private final PeriodCode period;
    private final Prefill prefill;
    private final Map<LineCode, LineSpec> lines = new HashMap<>();
    private final Map<ColumnCode, ColumnSpec> columns = new HashMap<>();
    private final Map<String, Value> known = new HashMap<>();

    TemplateValues(TemplateSpec spec, PeriodCode period, Prefill prefill) {
        this.spec = spec;
        this.period = period;
        this.prefill = prefill;
        spec.lines().forEach(l -> lines.put(l.code(), l));
        spec.columns().forEach(c -> columns.put(c.code(), c));
    }

    /** The value of a line's cell in a numeric column. */
    Value value(LineSpec line, ColumnSpec column) {
        String key = line.code().value() + '\u0000' + column.code().value();
        Value v = known.get(key);
        if (v == null) {
            // Specs are acyclic (the parser refuses a cycle), so the recursion ends.
            v = compute(line, column);
            known.put(key, v);
        }
        return v;
    }

    /** The balance check: assets minus equity and liabilities, blank while either is blank. */
    Value check(BalanceCheck check, ColumnSpec column) {
        return guardedSum(new Value[] {value(lines.get(check.assets()), column),
                value(lines.get(check.equityAndLiabilities()), column)}, new boolean[] {false, true});
    }

    private Value compute(LineSpec line, ColumnSpec column) {
        if (column.isFormulaIn(period)) {
            if (column.kind() == ColumnKind.FORECAST) {
                Value same = value(line, columns.get(column.sameAs().orElseThrow()));
                return same instanceof Number || same instanceof Error ? same : BLANK_TEXT;
            }
            Value[] terms = new Value[column.formula().size()];
            boolean[] negated = new boolean[terms.length];
            for (int i = 0; i < terms.length; i++) {
                terms[i] = value(line, columns.get(column.formula().get(i).code()));
                negated[i] = column.formula().get(i).negated();
            }
            return guardedSum(terms, negated);
        }
        if (line.kind() == LineKind.SUM && column.kind().isNumeric()) {
            return sumLine(line, column);
        }
        if (prefill.isPrefilled(spec.id(), column.code())) {
            return prefill.value(spec.id(), column.code(), line.code()).<Value>map(
                    a -> new Number(a.tkr())).orElse(EMPTY);
        }
        return EMPTY;
    }

    /** {@code IF(OR(a="",b=""),"",a-b)}: blank while any term is blank; an error in a term is the result. */
    private static Value guardedSum(Value[] values, boolean[] negated) {
        BigDecimal total = BigDecimal.ZERO;
        for (Value v : values) {
            if (v instanceof Error) {
                return ERROR;
            }
        }
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] instanceof Number n)) {
                return BLANK_TEXT;
            }
            total = negated[i] ? total.subtract(n.value()) : total.add(n.value());
        }
        return new Number(total);
    }

    /**
     * {@code IF(COUNT(refs)=0,"",SUM(added)-subtracted)}: blank while no term holds a number (COUNT skips errors);
     * SUM skips texts and empty cells but not errors; a subtracted empty cell is 0, a subtracted blank text
     * {@code #VALUE!}.
     */
    private Value sumLine(LineSpec line, ColumnSpec column) {
        Value[] values = new Value[line.sum().size()];
        boolean anyNumber = false;
        for (int i = 0; i < values.length; i++) {
            values[i] = value(lines.get(line.sum().get(i).code()), column);
            anyNumber |= values[i] instanceof Number;
        }
        if (!anyNumber) {
            return BLANK_TEXT;
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < values.length; i++) {
            Value v = values[i];
            boolean negated = line.sum().get(i).negated();
            if (v instanceof Error || (negated && v instanceof BlankText)) {
                return ERROR;
            }
            if (v instanceof Number n) {
                total = negated ? total.subtract(n.value()) : total.add(n.value());
            }
        }
        return new Number(total);
    }
}
