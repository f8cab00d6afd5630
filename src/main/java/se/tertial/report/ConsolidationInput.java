package se.tertial.report;

import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.UnitCode;

import java.util.Map;
import java.util.Set;

/**
 * Everything the consolidation needs: the specs, the period, each unit's current version for the period, for the
 * same period last year and for last year's bokslut, and which units' latest attempt was rejected.
 */
public record ConsolidationInput(SpecCatalog catalog, PeriodCode period, Map<UnitCode, UnitFacts> current,
                                 Map<UnitCode, UnitFacts> samePeriodLastYear, Map<UnitCode, UnitFacts> lastYearBokslut,
                                 Set<UnitCode> rejected) {
    public ConsolidationInput {
        current = Map.copyOf(current);
        samePeriodLastYear = Map.copyOf(samePeriodLastYear);
        lastYearBokslut = Map.copyOf(lastYearBokslut);
        rejected = Set.copyOf(rejected);
    }
}
