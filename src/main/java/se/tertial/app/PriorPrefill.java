package se.tertial.app;

import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.LineSpec;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.PrefillSource;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Unit;
import se.tertial.spec.FactKey;
import se.tertial.store.StoredFacts;
import se.tertial.workbook.Prefill;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import se.tertial.spec.UnitCode;

/**
 * Fills the prior-year columns (UTFALL_FG, BOKSLUT_FG, UB_FG) from the unit's accepted submissions of earlier
 * periods. When the source submission exists the whole column is prefilled and locked (a line it has no amount for
 * stays empty); when it does not, the column stays an optional input.
 */
final class PriorPrefill {
    private final BiFunction<UnitCode, PeriodCode, Optional<StoredFacts>> currentFacts;

    PriorPrefill(BiFunction<UnitCode, PeriodCode, Optional<StoredFacts>> currentFacts) {
        this.currentFacts = currentFacts;
    }

    Prefill build(Unit unit, PeriodCode period, List<TemplateSpec> specs) {
        Prefill.Builder prefill = Prefill.builder();
        Map<PeriodCode, Optional<StoredFacts>> cache = new HashMap<>();
        for (TemplateSpec spec : specs) {
            for (ColumnSpec column : spec.columns()) {
                if (column.kind() != ColumnKind.PRIOR || column.prefill().isEmpty()) {
                    continue;
                }
                PrefillSource source = column.prefill().get();
                PeriodCode from = source.period().resolve(period);
                Optional<StoredFacts> facts = cache.computeIfAbsent(from, p -> currentFacts.apply(unit.code(), p));
                if (facts.isEmpty()) {
                    continue;
                }
                prefill.column(spec.id(), column.code());
                for (LineSpec line : spec.lines()) {
                    facts.get().get(new FactKey(spec.id(), line.code(), source.column()))
                            .ifPresent(a -> prefill.value(spec.id(), column.code(), line.code(), a));
                }
            }
        }
        return prefill.build();
    }
}
