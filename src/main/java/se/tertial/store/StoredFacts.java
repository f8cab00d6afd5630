package se.tertial.store;

import se.tertial.spec.FactKey;
import se.tertial.money.Amount;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.UnitCode;

import java.util.Map;
import java.util.Optional;

/** The amounts of one accepted submission. A missing key means the cell was empty. */
public record StoredFacts(long submissionId, UnitCode unit, PeriodCode period, int version,
                          Map<FactKey, Amount> facts) {
    public StoredFacts {
        facts = Map.copyOf(facts);
    }

    public Optional<Amount> get(FactKey key) {
        return Optional.ofNullable(facts.get(key));
    }
}
