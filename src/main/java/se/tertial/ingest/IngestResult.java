package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.FactKey;
import se.tertial.spec.Finding;
import se.tertial.spec.LineCode;
import se.tertial.spec.Severity;
import se.tertial.spec.TemplateId;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the ingest made of an upload: who it is from (when that could be read), every finding, and for an upload
 * without errors the facts and comments to store.
 *
 * @param comments the KOMMENTAR texts per template and line
 */
public record IngestResult(Optional<Identity> identity, List<Finding> findings, Map<FactKey, Amount> facts,
                           Map<TemplateId, Map<LineCode, String>> comments, Optional<java.time.Instant> savedAt) {
    public IngestResult(Optional<Identity> identity, List<Finding> findings, Map<FactKey, Amount> facts,
                        Map<TemplateId, Map<LineCode, String>> comments) {
        this(identity, findings, facts, comments, Optional.empty());
    }

    /** The same result, with the workbook's own save date. */
    IngestResult savedAt(Optional<java.time.Instant> date) {
        return new IngestResult(identity, findings, facts, comments, date);
    }

    public IngestResult {
        findings = List.copyOf(findings);
        facts = Map.copyOf(facts);
        comments = Map.copyOf(comments);
    }

    public Outcome outcome() {
        if (findings.stream().anyMatch(Finding::isError)) {
            return Outcome.REJECTED;
        }
        return findings.isEmpty() ? Outcome.ACCEPTED : Outcome.ACCEPTED_WITH_WARNINGS;
    }

    public List<Finding> errors() {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }

    public List<Finding> warnings() {
        return findings.stream().filter(f -> f.severity() == Severity.WARNING).toList();
    }

    /** True when the only problem is that the uploader may not upload for this unit (HTTP answers 403). */
    public boolean isForbidden() {
        return findings.stream().anyMatch(f -> f.rule().equals(Rules.UNIT_NOT_ALLOWED));
    }
}
