package se.tertial.report;

import se.tertial.money.Amount;
import se.tertial.spec.FactKey;
import se.tertial.spec.LineCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.UnitCode;

import java.time.Instant;
import java.util.Map;

/** One unit's current accepted version for a period: its facts and comments. */
public record UnitFacts(UnitCode unit, long submissionId, int version, Instant uploadedAt, Map<FactKey, Amount> facts,
                        Map<TemplateId, Map<LineCode, String>> comments) {
    public UnitFacts {
        facts = Map.copyOf(facts);
        comments = Map.copyOf(comments);
    }
}
