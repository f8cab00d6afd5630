package se.tertial.store;

import se.tertial.money.Amount;
import se.tertial.spec.FactKey;
import se.tertial.spec.LineCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.UnitCode;

import java.time.Instant;
import java.util.Map;

/** A unit's current accepted version for a period, with all its facts and comments. */
public record CurrentVersion(UnitCode unit, long submissionId, int version, Instant uploadedAt,
                             Map<FactKey, Amount> facts, Map<TemplateId, Map<LineCode, String>> comments) {}
