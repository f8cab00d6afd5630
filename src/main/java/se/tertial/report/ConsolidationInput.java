package se.tertial.report;

import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.UnitCode;

import java.util.Map;
import java.util.Set;

/**
 * Everything the consolidation needs: the specs, the period, each unit's current version for the period, for the
 * same period last year and for last year's bokslut, which units' latest attempt was rejected, and which units'
 * reports finance has not approved ({@code approvedOnly}: those are left out of {@code current} and the report).
 */
public record ConsolidationInput(SpecCatalog catalog, PeriodCode period, Map<UnitCode, UnitFacts> current,
                                 Map<UnitCode, UnitFacts> samePeriodLastYear, Map<UnitCode, UnitFacts> lastYearBokslut,
                                 Set<UnitCode> rejected, Set<UnitCode> notApproved, boolean approvedOnly) {
    public ConsolidationInput {
        current = Map.copyOf(current);
        samePeriodLastYear = Map.copyOf(samePeriodLastYear);
        lastYearBokslut = Map.copyOf(lastYearBokslut);
        rejected = Set.copyOf(rejected);
        notApproved = Set.copyOf(notApproved);
    }

    /** Without the review round's states: every unit with a current version counts as not yet approved. */
    public ConsolidationInput(SpecCatalog catalog, PeriodCode period, Map<UnitCode, UnitFacts> current,
                              Map<UnitCode, UnitFacts> samePeriodLastYear, Map<UnitCode, UnitFacts> lastYearBokslut,
                              Set<UnitCode> rejected) {
        this(catalog, period, current, samePeriodLastYear, lastYearBokslut, rejected, current.keySet(), false);
    }
}
