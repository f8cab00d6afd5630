package se.tertial.store;

import se.tertial.spec.FactKey;
import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.LineCode;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.UnitCode;

import se.tertial.spec.Finding;
import se.tertial.spec.Severity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upload attempts, accepted versions and their facts: storing an upload, alone or a batch, is one
 * {@code BEGIN IMMEDIATE} transaction (its rows written by {@link SubmissionWrites}) — all of it, or (on any failure)
 * nothing — and the reads of attempts, originals and a unit's status are here.
 */
public final class SubmissionRepository {
    private static final String UPLOAD_COLUMNS = "u.id, u.kind, u.uploaded_by, u.uploaded_at, u.file_name, u.size, "
            + "u.sha256, u.outcome, u.unit, u.period, u.format, u.submission_id, s.version, s.is_current";
    static final String Q_BY_SHA = "SELECT id, outcome FROM upload WHERE sha256 = ? ORDER BY id DESC";
    static final String Q_STATUS = """
            SELECT l.unit, l.outcome, l.uploaded_at, l.uploaded_by, cur.version, cu.uploaded_at, cu.uploaded_by,
                   cur.status
            FROM upload l
            LEFT JOIN submission cur ON cur.unit = l.unit AND cur.period = l.period AND cur.is_current = 1
            LEFT JOIN upload cu ON cu.id = cur.upload_id
            WHERE l.id IN (SELECT MAX(id) FROM upload WHERE kind = 'submission' AND period = ?
                           AND outcome <> 'forbidden' AND unit IS NOT NULL GROUP BY unit)
            """;
    static final String Q_CURRENT_ID = "SELECT id, version FROM submission WHERE unit = ? AND period = ? AND is_current = 1";
    static final String Q_FACTS_OF = "SELECT template, line, col, amount_kr FROM fact WHERE submission_id = ?";
    /** The queries on the hot paths of uploads, bulk loads and reports; each is checked to use an index. */
    static final List<String> HOT_QUERIES = java.util.stream.Stream.concat(CurrentVersionReads.QUERIES.stream(),
            java.util.stream.Stream.of(Q_BY_SHA, Q_STATUS, SubmissionWrites.Q_SLOT, SubmissionWrites.Q_REJECTED_BYTES, Q_CURRENT_ID, Q_FACTS_OF)).toList();
    private final Database db;
    private final CurrentVersionReads current;
    private final SubmissionWrites writes;

    public SubmissionRepository(Database db) {
        this(db, Checkpoint.NONE, Long.MAX_VALUE);
    }

    public SubmissionRepository(Database db, Checkpoint checkpoint) {
        this(db, checkpoint, Long.MAX_VALUE);
    }

    /** @param rejectedBytesPerDay the bytes of rejected attempts kept per user and UTC day */
    public SubmissionRepository(Database db, Checkpoint checkpoint, long rejectedBytesPerDay) {
        this.db = db;
        this.current = new CurrentVersionReads(db);
        this.writes = new SubmissionWrites(checkpoint, rejectedBytesPerDay);
    }

    /** Runs work whose every read of this store sees one snapshot. */
    public <T> T snapshot(java.util.function.Supplier<T> work) {
        return db.snapshot(work);
    }

    /** Every unit's current version for a period, with facts and comments (two queries for the whole period). */
    public java.util.List<CurrentVersion> currentForPeriod(PeriodCode period) {
        return current.all(period);
    }

    /** A period's current versions without their facts, and the facts of given versions. */
    public CurrentVersionReads current() {
        return current;
    }

    /** What storing an upload did. */
    public record Stored(long uploadId, UploadOutcome outcome, Optional<Long> submissionId, Optional<Integer> version) {}

    /**
     * Records an upload attempt; with {@code accepted} present and the bytes differing from the unit's current
     * version, also stores a new current version. A byte-identical upload of the current version is recorded as
     * {@link UploadOutcome#UNCHANGED} and creates no version.
     */
    public Stored store(NewUpload upload, UploadOutcome outcome, List<Finding> findings,
                        Optional<AcceptedVersion> accepted) {
        return store(upload, outcome, findings, accepted, Optional.empty(), null);
    }

    /**
     * As {@link #store(NewUpload, UploadOutcome, List, Optional)}, in the same transaction: a new current version
     * makes the unit's report {@code inlamnad} with the uploader's {@code message} in its thread, and the audit
     * event (when given) is written with the upload's id and version. A new version for a report finance has
     * approved throws {@link ReviewRepository.Approved} and stores nothing.
     */
    public Stored store(NewUpload upload, UploadOutcome outcome, List<Finding> findings,
                        Optional<AcceptedVersion> accepted, Optional<String> message, AuditEvent audit) {
        return store(upload, outcome, findings, accepted, message, audit, false);
    }

    /** As above; {@code createPeriod}: an accepted version's period is created in the same transaction if missing. */
    public Stored store(NewUpload upload, UploadOutcome outcome, List<Finding> findings,
                        Optional<AcceptedVersion> accepted, Optional<String> message, AuditEvent audit,
                        boolean createPeriod) {
        return db.write(c -> {
            try (Deferred d = new Deferred(c)) {
                Stored stored = writes.storeWithAudit(c, d, new HashMap<>(), upload, outcome, findings, accepted, message,
                        audit, createPeriod);
                d.flush();
                return stored;
            }
        });
    }

    /** One upload to store in a batch: the arguments of {@link #store(NewUpload, UploadOutcome, List, Optional, Optional, AuditEvent)}. */
    public record Pending(NewUpload upload, UploadOutcome outcome, List<Finding> findings,
                          Optional<AcceptedVersion> accepted, Optional<String> message, AuditEvent audit,
                          boolean createPeriod) {}

    /** What storing one upload of a batch did: {@code stored}, or the {@code failure} that took back its rows. */
    public record StoreResult(Stored stored, RuntimeException failure) {}

    /**
     * Stores uploads in order in one {@code BEGIN IMMEDIATE} transaction with one commit. An upload refused while
     * storing (an approved report, a locked period) is refused before it writes anything — {@link SubmissionWrites} asks
     * first and writes after — so it needs no savepoint of its own (a savepoint made SQLite copy every page the file
     * touched into a statement journal: a sixth of the committer's CPU in a bulk load) and is reported; the others
     * are committed together. Any other failure (a full disk, a constraint) fails the whole batch, and nothing of it
     * is stored. A unit and period's {@link SubmissionWrites.Slot} is read once per batch and kept up to date by the batch's own
     * writes: the write lock shuts every other writer out until the commit, and a bulk load queues a unit's
     * versions one after another (the slot query was a sixth of the committer's CPU when asked for every file).
     */
    public List<StoreResult> storeAll(List<Pending> batch) {
        return db.write(raw -> {
            List<StoreResult> results = new ArrayList<>();
            Map<String, SubmissionWrites.Slot> slots = new HashMap<>(); // this transaction's: made again if the work is run again
            try (StatementCache cache = new StatementCache(raw); Deferred d = new Deferred(cache.connection())) {
                Connection c = cache.connection();
                for (Pending p : batch) {
                    try {
                        Stored stored = writes.storeWithAudit(c, d, slots, p.upload(), p.outcome(), p.findings(), p.accepted(),
                                p.message(), p.audit(), p.createPeriod());
                        results.add(new StoreResult(stored, null));
                    } catch (ReviewRepository.Approved | PeriodRepository.Locked e) {
                        results.add(new StoreResult(null, e)); // thrown before its first write: nothing to take back
                    }
                }
                d.flush();
            }
            return results;
        });
    }

    /** What became of earlier attempts with these exact bytes: whether any was taken, and the latest one's rules. */
    public record Earlier(boolean anyTaken, long latestId, List<String> latestRules) {}

    /** Which of these SHA-256 any upload on record has (one query per 500). */
    public java.util.Set<String> uploadedBefore(java.util.Collection<String> sha256s) {
        List<String> all = new ArrayList<>(sha256s);
        java.util.Set<String> found = new java.util.HashSet<>();
        for (int from = 0; from < all.size(); from += 500) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
            found.addAll(db.read(c -> {
                List<String> rows = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT sha256 FROM upload WHERE sha256 IN ("
                        + Sql.marks(chunk.size()) + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows.add(rs.getString(1));
                        }
                    }
                }
                return rows;
            }));
        }
        return found;
    }

    /**
     * Earlier attempts with these exact bytes (by SHA-256); empty if there was none. "Taken": accepted (also with
     * warnings) or identical to the current version.
     */
    public Optional<Earlier> earlier(String sha256) {
        return db.read(c -> {
            boolean taken = false;
            long latest = -1;
            try (PreparedStatement ps = c.prepareStatement(Q_BY_SHA)) {
                ps.setString(1, sha256);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (latest < 0) {
                            latest = rs.getLong(1);
                        }
                        UploadOutcome o = UploadOutcome.fromDb(rs.getString(2));
                        taken |= o.isAccepted() || o == UploadOutcome.UNCHANGED;
                    }
                }
            }
            if (latest < 0) {
                return Optional.empty();
            }
            List<String> rules = findings(c, latest).stream().filter(Finding::isError).map(Finding::rule).toList();
            return Optional.of(new Earlier(taken, latest, rules));
        });
    }

    public Optional<UploadRecord> upload(long id) {
        return db.read(c -> {
            List<UploadRecord> found = uploads(c, "u.id = ?", List.of(id), true);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
        });
    }

    /** The exact bytes of an upload; empty when they were not kept. */
    public Optional<byte[]> original(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT original FROM upload WHERE id = ? AND original_kept = 1")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
    }

    /** Submission uploads, newest first, optionally for one period and/or unit. */
    public List<UploadRecord> list(Optional<PeriodCode> period, Optional<UnitCode> unit) {
        StringBuilder where = new StringBuilder("u.kind = 'submission'");
        List<Object> args = new ArrayList<>();
        period.ifPresent(p -> {
            where.append(" AND u.period = ?");
            args.add(p.toString());
        });
        unit.ifPresent(u -> {
            where.append(" AND u.unit = ?");
            args.add(u.value());
        });
        return db.read(c -> uploads(c, where.toString(), args, false));
    }

    /** For every unit that has uploaded in the period: its latest attempt and its current version. */
    public Map<String, UnitStatus> status(PeriodCode period) {
        return db.read(c -> {
            Map<String, UnitStatus> result = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(Q_STATUS)) {
                ps.setString(1, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Integer version = (Integer) rs.getObject(5);
                        result.put(rs.getString(1), new UnitStatus(rs.getString(1),
                                Optional.of(UploadOutcome.fromDb(rs.getString(2))),
                                Optional.of(Instant.parse(rs.getString(3))), Optional.of(rs.getString(4)),
                                Optional.ofNullable(version), Optional.ofNullable(rs.getString(6)).map(Instant::parse),
                                Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8))));
                    }
                }
            }
            return result;
        });
    }

    private static List<UploadRecord> uploads(Connection c, String where, List<Object> args, boolean withFindings)
            throws SQLException {
        List<UploadRecord> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + UPLOAD_COLUMNS
                + " FROM upload u LEFT JOIN submission s ON s.id = u.submission_id WHERE " + where
                + " ORDER BY u.id DESC")) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Long submission = (Long) (rs.getObject(12) == null ? null : rs.getLong(12));
                    Integer version = rs.getObject(13) == null ? null : rs.getInt(13);
                    result.add(new UploadRecord(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Instant.parse(rs.getString(4)), rs.getString(5), rs.getLong(6), rs.getString(7),
                            UploadOutcome.fromDb(rs.getString(8)), rs.getString(9), rs.getString(10),
                            rs.getString(11), Optional.ofNullable(submission), Optional.ofNullable(version),
                            rs.getInt(14) == 1, List.of()));
                }
            }
        }
        if (!withFindings) {
            return result;
        }
        List<UploadRecord> withF = new ArrayList<>();
        for (UploadRecord r : result) {
            withF.add(new UploadRecord(r.id(), r.kind(), r.uploadedBy(), r.uploadedAt(), r.fileName(), r.size(),
                    r.sha256(), r.outcome(), r.unit(), r.period(), r.format(), r.submissionId(), r.version(),
                    r.current(), findings(c, r.id())));
        }
        return withF;
    }

    private static List<Finding> findings(Connection c, long uploadId) throws SQLException {
        List<Finding> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT severity, sheet, cell, line, col, rule, message "
                + "FROM finding WHERE upload_id = ? ORDER BY seq")) {
            ps.setLong(1, uploadId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Finding(Severity.valueOf(rs.getString(1).toUpperCase(java.util.Locale.ROOT)),
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7)));
                }
            }
        }
        return result;
    }

    /** The facts of the unit's current accepted version for the period, if it has one. */
    public Optional<StoredFacts> currentFacts(UnitCode unit, PeriodCode period) {
        return db.read(c -> {
            long id;
            int version;
            try (PreparedStatement ps = c.prepareStatement(Q_CURRENT_ID)) {
                ps.setString(1, unit.value());
                ps.setString(2, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    id = rs.getLong(1);
                    version = rs.getInt(2);
                }
            }
            Map<FactKey, Amount> facts = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(Q_FACTS_OF)) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        facts.put(new FactKey(TemplateId.of(rs.getString(1)), LineCode.of(rs.getString(2)),
                                ColumnCode.of(rs.getString(3))), Amount.ofKronor(rs.getLong(4)));
                    }
                }
            }
            return Optional.of(new StoredFacts(id, unit, period, version, facts));
        });
    }

    /** Records an attempt with its findings inside the caller's transaction; returns its id. */
    long insertAttempt(Connection c, NewUpload upload, UploadOutcome outcome, List<Finding> findings)
            throws SQLException {
        return writes.insertAttempt(c, upload, outcome, findings);
    }
}
