package se.tertial.store;

import se.tertial.spec.Finding;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A recorded upload attempt.
 *
 * @param version the version it created or (when unchanged) matched
 * @param current whether that version is the unit's current one
 */
public record UploadRecord(long id, String kind, String uploadedBy, Instant uploadedAt, String fileName, long size,
                           String sha256, UploadOutcome outcome, String unit, String period, String format,
                           Optional<Long> submissionId, Optional<Integer> version, boolean current,
                           List<Finding> findings) {
    public UploadRecord {
        findings = List.copyOf(findings);
    }
}
