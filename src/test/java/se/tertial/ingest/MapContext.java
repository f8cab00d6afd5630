package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.FactKey;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.UnitCode;
import se.tertial.testkit.TestSpecs;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An in-memory context for the pure pipeline; the HTTP tests run the same pipeline against the real store. */
final class MapContext implements IngestContext {
    SpecCatalog catalog = TestSpecs.catalog();
    final Map<PeriodCode, Boolean> periods = new HashMap<>(Map.of(PeriodCode.parse("2022-T2"), false,
            PeriodCode.parse("2022-T3"), false, PeriodCode.parse("2022-T1"), true));
    final Set<String> denied = new HashSet<>();
    final Map<String, Map<FactKey, Amount>> facts = new HashMap<>();
    final Map<String, Map<FactKey, Amount>> budgets = new HashMap<>();

    @Override
    public SpecCatalog catalog() {
        return catalog;
    }

    @Override
    public Optional<Boolean> periodLocked(PeriodCode period) {
        return Optional.ofNullable(periods.get(period));
    }

    @Override
    public boolean mayUpload(UnitCode unit) {
        return !denied.contains(unit.value());
    }

    @Override
    public Optional<Map<FactKey, Amount>> currentFacts(UnitCode unit, PeriodCode period) {
        return Optional.ofNullable(facts.get(unit + "/" + period));
    }

    @Override
    public Optional<Map<FactKey, Amount>> budget(UnitCode unit, PeriodCode period) {
        return Optional.ofNullable(budgets.get(unit + "/" + period));
    }
}
