package se.tertial.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the audit log: when, who ({@code actor}, through {@code via}: "webb", "nyckel: laptop",
 * "kommandorad"), from which address, what ({@code kind}, e.g. "upload", "approve"), on which unit, period,
 * submission, version and upload, and a detail (an outcome, a message, a key's name).
 */
public record AuditEvent(long id, Instant at, String actor, String via, Optional<String> address, String kind,
                         Optional<String> unit, Optional<String> period, Optional<Long> submissionId,
                         Optional<Integer> version, Optional<Long> uploadId, Optional<String> detail) {

    /** A new event, before it is stored (id 0). */
    public static AuditEvent of(Instant at, String actor, String via, String address, String kind) {
        return new AuditEvent(0, at, actor, via, Optional.ofNullable(address), kind, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public AuditEvent unit(String u) {
        return new AuditEvent(id, at, actor, via, address, kind, Optional.ofNullable(u), period, submissionId, version,
                uploadId, detail);
    }

    public AuditEvent period(String p) {
        return new AuditEvent(id, at, actor, via, address, kind, unit, Optional.ofNullable(p), submissionId, version,
                uploadId, detail);
    }

    public AuditEvent submission(Long submission, Integer v) {
        return new AuditEvent(id, at, actor, via, address, kind, unit, period, Optional.ofNullable(submission),
                Optional.ofNullable(v), uploadId, detail);
    }

    public AuditEvent upload(Long upload) {
        return new AuditEvent(id, at, actor, via, address, kind, unit, period, submissionId, version,
                Optional.ofNullable(upload), detail);
    }

    public AuditEvent detail(String d) {
        return new AuditEvent(id, at, actor, via, address, kind, unit, period, submissionId, version, uploadId,
                Optional.ofNullable(d));
    }
}
