package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.FactKey;
import se.tertial.spec.Finding;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.FindingText;
import se.tertial.spec.PriorPeriod;
import se.tertial.spec.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A line whose amount moved more than tenfold (up or down) against the same period last year is a warning. Last
 * year's amount is the stored current version of that period; without one, the workbook's own prior-year column.
 */
final class TenfoldRule {
    private TenfoldRule() {}

    static List<Finding> check(SheetValues v, Optional<Map<FactKey, Amount>> lastYear) {
        List<Finding> out = new ArrayList<>();
        for (ColumnSpec prior : v.spec().columns()) {
            if (prior.kind() != ColumnKind.PRIOR || prior.prefill().isEmpty()
                    || prior.prefill().get().period() != PriorPeriod.SAME_PERIOD_LAST_YEAR) {
                continue;
            }
            var source = prior.prefill().get().column();
            for (LineSpec line : v.spec().lines()) {
                if (line.kind() != LineKind.INPUT) {
                    continue;
                }
                Optional<Amount> now = v.entered(line.code(), source);
                Optional<Amount> before = lastYear.isPresent()
                        ? Optional.ofNullable(lastYear.get().get(new FactKey(v.spec().id(), line.code(), source)))
                        : v.entered(line.code(), prior.code());
                if (now.isPresent() && before.isPresent() && isTenfold(now.get(), before.get())) {
                    out.add(Findings.at(Severity.WARNING, v, line.code(), source, Rules.TENFOLD,
                            FindingText.tenfold(now.get().tkr(), before.get().tkr(),
                            v.period().samePeriodLastYear().toString())));
                }
            }
        }
        return out;
    }

    /** True when both are non-zero and one is more than ten times the other in size. */
    static boolean isTenfold(Amount now, Amount before) {
        if (now.signum() == 0 || before.signum() == 0) {
            return false;
        }
        Amount a = now.abs();
        Amount b = before.abs();
        return a.compareTo(b.times(10)) > 0 || b.compareTo(a.times(10)) > 0;
    }
}
