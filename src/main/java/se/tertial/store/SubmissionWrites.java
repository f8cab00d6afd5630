package se.tertial.store;

import se.tertial.money.Amount;
import se.tertial.spec.FactKey;
import se.tertial.spec.Finding;
import se.tertial.spec.LineCode;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateId;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rows one stored upload writes inside its caller's transaction, asked first and written after: the unit and
 * period's {@link Slot} (read once per transaction), the attempt with its original bytes and findings, and for an
 * accepted upload the new version with its facts, sheets and comments, the review's new state and the audit event.
 */
final class SubmissionWrites {
    /**
     * Everything storing a version of one unit and period must know, in one statement (one round trip, one step
     * through the driver): the period's state, the review's state, the current version (id, number, source date and
     * its upload's SHA-256) and the next version number. Parameters: the period, then unit and period six times.
     */
    static final String Q_SLOT = """
            SELECT (SELECT state FROM period WHERE code = ?),
                   (SELECT state FROM review WHERE unit = ? AND period = ?),
                   (SELECT id FROM submission WHERE unit = ? AND period = ? AND is_current = 1),
                   (SELECT version FROM submission WHERE unit = ? AND period = ? AND is_current = 1),
                   (SELECT source_date FROM submission WHERE unit = ? AND period = ? AND is_current = 1),
                   (SELECT u.sha256 FROM submission s JOIN upload u ON u.id = s.upload_id
                    WHERE s.unit = ? AND s.period = ? AND s.is_current = 1),
                   (SELECT COALESCE(MAX(version), 0) + 1 FROM submission WHERE unit = ? AND period = ?)""";

    static final String Q_REJECTED_BYTES = "SELECT COALESCE(SUM(size), 0) FROM upload "
            + "WHERE uploaded_by = ? AND uploaded_at >= ? AND original_kept = 1 AND outcome IN ('rejected', 'forbidden')";

    private final Checkpoint checkpoint;
    private final long rejectedBytesPerDay;

    SubmissionWrites(Checkpoint checkpoint, long rejectedBytesPerDay) {
        this.checkpoint = checkpoint;
        this.rejectedBytesPerDay = rejectedBytesPerDay;
    }

    SubmissionRepository.Stored storeWithAudit(Connection c, Deferred d, Map<String, Slot> slots, NewUpload upload,
                                  UploadOutcome outcome,
                                  List<Finding> findings, Optional<AcceptedVersion> accepted,
                                  Optional<String> message, AuditEvent audit, boolean createPeriod)
            throws SQLException {
        SubmissionRepository.Stored stored = storeIn(c, d, slots, upload, outcome, findings, accepted, message, createPeriod);
        if (audit != null) {
            AuditRepository.insert(d, audit.unit(upload.unit()).period(upload.period())
                    .upload(stored.uploadId()).submission(stored.submissionId().orElse(null),
                            stored.version().orElse(null)).detail(stored.outcome().dbValue()));
        }
        return stored;
    }

    /** What {@link #Q_SLOT} found for a unit and period. */
    record Slot(String periodState, String reviewState, Long currentId, int currentVersion,
                        Instant currentSourceDate, String currentSha, int nextVersion) {
        /** After the period was created ({@link PeriodRepository#insert}: open). */
        Slot periodCreated() {
            return new Slot("open", reviewState, currentId, currentVersion, currentSourceDate, currentSha,
                    nextVersion);
        }

        /**
         * After {@link #insertVersion} stored version {@code nextVersion} with {@code id}; a current one also made
         * the report {@code inlamnad} ({@link ReviewRepository#submitted}).
         */
        Slot stored(long id, boolean current, Instant sourceDate, String sha256) {
            return current
                    ? new Slot(periodState, ReviewState.INLAMNAD.dbValue(), id, nextVersion, sourceDate, sha256,
                            nextVersion + 1)
                    : new Slot(periodState, reviewState, currentId, currentVersion, currentSourceDate, currentSha,
                            nextVersion + 1);
        }
    }

    private static String slotKey(AcceptedVersion v) {
        return v.unit().value() + "|" + v.period();
    }

    /** The slot of {@code v}'s unit and period: from {@code slots} when this transaction has read it already. */
    private static Slot slot(Connection c, Map<String, Slot> slots, AcceptedVersion v) throws SQLException {
        String key = slotKey(v);
        Slot known = slots.get(key);
        if (known == null) {
            known = slot(c, v);
            slots.put(key, known);
        }
        return known;
    }

    private static Slot slot(Connection c, AcceptedVersion v) throws SQLException {
        String unit = v.unit().value();
        String period = v.period().toString();
        try (PreparedStatement ps = c.prepareStatement(Q_SLOT)) {
            ps.setString(1, period);
            for (int i = 2; i <= 12; i += 2) {
                ps.setString(i, unit);
                ps.setString(i + 1, period);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long id = rs.getLong(3);
                Long currentId = rs.wasNull() ? null : id;
                String sourceDate = rs.getString(5);
                return new Slot(rs.getString(1), rs.getString(2), currentId, rs.getInt(4),
                        sourceDate == null ? null : Instant.parse(sourceDate), rs.getString(6), rs.getInt(7));
            }
        }
    }

    /**
     * Asks first, writes after: every refusal ({@link PeriodRepository.Locked}, {@link ReviewRepository.Approved})
     * is decided from one read before this upload's first write, which {@link SubmissionRepository#storeAll} relies on.
     */
    private SubmissionRepository.Stored storeIn(Connection c, Deferred d, Map<String, Slot> slots, NewUpload upload, UploadOutcome outcome,
                           List<Finding> findings, Optional<AcceptedVersion> accepted, Optional<String> message,
                           boolean createPeriod) throws SQLException {
        Optional<Slot> slot = accepted.isPresent() ? Optional.of(slot(c, slots, accepted.get())) : Optional.empty();
        if (slot.isPresent()) {
            Slot s = slot.get();
            if (s.currentId() != null && upload.sha256().equals(s.currentSha())) {
                long id = insertUpload(c, upload, UploadOutcome.UNCHANGED, s.currentId(), true);
                return new SubmissionRepository.Stored(id, UploadOutcome.UNCHANGED, Optional.of(s.currentId()),
                        Optional.of(s.currentVersion()));
            }
            if (!accepted.get().intoLockedPeriod() && "locked".equals(s.periodState())) {
                // Locked after this upload was checked: the write lock orders the two, so the lock wins at once.
                throw new PeriodRepository.Locked();
            }
            if (ReviewState.GODKAND.dbValue().equals(s.reviewState())) {
                throw new ReviewRepository.Approved();
            }
            if (createPeriod && s.periodState() == null) {
                // History loaded in bulk: a period no one has created yet is created with its first version.
                PeriodCode period = accepted.get().period();
                PeriodRepository.insert(c, period, period.endDate(), upload.uploadedAt());
                slots.put(slotKey(accepted.get()), s.periodCreated());
            }
        }
        long uploadId = insertAttempt(c, d, upload, outcome, findings);
        checkpoint.reached("upload-recorded");
        if (accepted.isEmpty()) {
            return new SubmissionRepository.Stored(uploadId, outcome, Optional.empty(), Optional.empty());
        }
        long[] version = insertVersion(c, accepted.get(), uploadId, upload.uploadedAt(), slot.get());
        slots.computeIfPresent(slotKey(accepted.get()), (k, before) -> before.stored(version[0], version[2] == 1,
                accepted.get().sourceDate(), upload.sha256()));
        checkpoint.reached("version-created");
        insertFacts(d, version[0], accepted.get());
        checkpoint.reached("facts-stored");
        d.add("UPDATE upload SET submission_id = ? WHERE id = ?", ps -> {
            ps.setLong(1, version[0]);
            ps.setLong(2, uploadId);
        });
        if (version[2] == 1) {
            ReviewRepository.submitted(c, d, accepted.get().unit().value(), accepted.get().period().toString(),
                    version[0], (int) version[1], upload.uploadedBy(), upload.uploadedAt(), message);
        }
        return new SubmissionRepository.Stored(uploadId, outcome, Optional.of(version[0]), Optional.of((int) version[1]));
    }

    /** Records an attempt with its findings inside the caller's transaction; returns its id. */
    long insertAttempt(Connection c, NewUpload upload, UploadOutcome outcome, List<Finding> findings)
            throws SQLException {
        try (Deferred d = new Deferred(c)) {
            long id = insertAttempt(c, d, upload, outcome, findings);
            d.flush();
            return id;
        }
    }

    private long insertAttempt(Connection c, Deferred d, NewUpload upload, UploadOutcome outcome,
                               List<Finding> findings) throws SQLException {
        boolean keep = outcome.isAccepted() || keepRejected(c, upload);
        long id = insertUpload(c, upload, outcome, null, keep);
        insertFindings(d, id, findings);
        return id;
    }

    /**
     * A rejected attempt keeps its bytes when they are small enough for what it is and the uploader's rejected
     * bytes of the day stay within the quota (decided inside the write transaction, so concurrent uploads of one
     * user cannot overrun it).
     */
    private boolean keepRejected(Connection c, NewUpload u) throws SQLException {
        if (u.bytes().length > u.keepRejectedUpTo()) {
            return false;
        }
        String dayStart = u.uploadedAt().truncatedTo(java.time.temporal.ChronoUnit.DAYS).toString();
        try (PreparedStatement ps = c.prepareStatement(Q_REJECTED_BYTES)) {
            ps.setString(1, u.uploadedBy());
            ps.setString(2, dayStart);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) + u.bytes().length <= rejectedBytesPerDay;
            }
        }
    }

    private static long insertUpload(Connection c, NewUpload u, UploadOutcome outcome, Long submissionId,
                                     boolean keep) throws SQLException {
        try (PreparedStatement ps = Sql.prepareInsert(c, """
                INSERT INTO upload (kind, uploaded_by, uploaded_at, file_name, size, sha256, outcome, unit, period,
                                    format, submission_id, original, original_kept)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, u.kind());
            ps.setString(2, u.uploadedBy());
            ps.setString(3, u.uploadedAt().toString());
            ps.setString(4, u.fileName());
            ps.setLong(5, u.bytes().length);
            ps.setString(6, u.sha256());
            ps.setString(7, outcome.dbValue());
            ps.setString(8, u.unit());
            ps.setString(9, u.period());
            ps.setString(10, u.format());
            if (submissionId == null) {
                ps.setNull(11, Types.INTEGER);
            } else {
                ps.setLong(11, submissionId);
            }
            ps.setBytes(12, keep ? u.bytes() : new byte[0]);
            ps.setInt(13, keep ? 1 : 0);
            return Sql.insert(c, ps);
        }
    }

    private static void insertFindings(Deferred d, long uploadId, List<Finding> findings) throws SQLException {
        int seq = 0;
        for (Finding f : findings) {
            int n = seq++;
            d.add("""
                    INSERT INTO finding (upload_id, seq, severity, sheet, cell, line, col, rule, message)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", ps -> {
                ps.setLong(1, uploadId);
                ps.setInt(2, n);
                ps.setString(3, f.severity().json());
                ps.setString(4, f.sheet());
                ps.setString(5, f.cell());
                ps.setString(6, f.line());
                ps.setString(7, f.column());
                ps.setString(8, f.rule());
                ps.setString(9, f.message());
            });
        }
    }

    /**
     * Makes a new version; returns {id, version, 1 if current else 0}. It becomes current unless the current version's figures are newer
     * (history loaded out of order keeps the newest by its own date).
     */
    private static long[] insertVersion(Connection c, AcceptedVersion v, long uploadId, Instant at, Slot slot)
            throws SQLException {
        boolean current = slot.currentSourceDate() == null || !slot.currentSourceDate().isAfter(v.sourceDate());
        int version = slot.nextVersion();
        if (current && slot.currentId() != null) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE submission SET is_current = 0 WHERE id = ?")) {
                ps.setLong(1, slot.currentId());
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = Sql.prepareInsert(c, """
                INSERT INTO submission (unit, period, version, status, is_current, accepted_at, upload_id, templates,
                                        source_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, v.unit().value());
            ps.setString(2, v.period().toString());
            ps.setInt(3, version);
            ps.setString(4, v.withWarnings() ? "accepted_with_warnings" : "accepted");
            ps.setInt(5, current ? 1 : 0);
            ps.setString(6, at.toString());
            ps.setLong(7, uploadId);
            ps.setString(8, v.templates());
            ps.setString(9, v.sourceDate().toString());
            return new long[] {Sql.insert(c, ps), version, current ? 1 : 0};
        }
    }

    /** Fact rows per insert statement, at most (5 parameters each: far below either database's limit). */
    static final int FACT_ROWS_PER_INSERT = 128;

    private static final java.util.concurrent.atomic.AtomicReferenceArray<String> FACT_INSERTS =
            new java.util.concurrent.atomic.AtomicReferenceArray<>(FACT_ROWS_PER_INSERT + 1);

    /** {@code INSERT INTO fact … VALUES (…), (…), …} for {@code rows} rows (made once per row count). */
    static String factInsert(int rows) {
        String sql = FACT_INSERTS.get(rows);
        if (sql == null) {
            StringBuilder b = new StringBuilder("INSERT INTO fact (submission_id, template, line, col, amount_kr) VALUES ");
            for (int i = 0; i < rows; i++) {
                b.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
            }
            sql = b.toString();
            FACT_INSERTS.set(rows, sql);
        }
        return sql;
    }

    private static void insertFacts(Deferred d, long submissionId, AcceptedVersion v) throws SQLException {
        java.util.Set<TemplateId> templates = new java.util.TreeSet<>(java.util.Comparator.comparing(TemplateId::value));
        // Many rows per statement: one statement step instead of one per fact (1.08 M rows in 108-row versions,
        // alone: 1.7-1.8 s as batches of single-row inserts, 1.3 s this way; in a bulk load of 10 000 files the
        // committer's CPU went 3.45-3.55 s -> 3.1-3.25 s).
        java.util.Iterator<Map.Entry<FactKey, Amount>> facts = v.facts().entrySet().iterator();
        TemplateId last = null;
        for (int left = v.facts().size(); left > 0; ) {
            int rows = Math.min(FACT_ROWS_PER_INSERT, left);
            left -= rows;
            List<Map.Entry<FactKey, Amount>> chunk = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
                Map.Entry<FactKey, Amount> f = facts.next();
                if (!f.getKey().template().equals(last)) { // a version's facts mostly come template by template
                    templates.add(f.getKey().template());
                    last = f.getKey().template();
                }
                chunk.add(f);
            }
            d.add(factInsert(rows), ps -> {
                int p = 1;
                for (Map.Entry<FactKey, Amount> f : chunk) {
                    ps.setLong(p++, submissionId);
                    ps.setString(p++, f.getKey().template().value());
                    ps.setString(p++, f.getKey().line().value());
                    ps.setString(p++, f.getKey().column().value());
                    ps.setLong(p++, f.getValue().kronor());
                }
            });
        }
        // The sheet each template was read from: once per version, not beside each fact.
        for (TemplateId t : templates) {
            d.add("INSERT INTO submission_sheet (submission_id, template, sheet) VALUES (?, ?, ?)", ps -> {
                ps.setLong(1, submissionId);
                ps.setString(2, t.value());
                ps.setString(3, v.sheets().getOrDefault(t, t.value()));
            });
        }
        for (Map.Entry<TemplateId, Map<LineCode, String>> t : v.comments().entrySet()) {
            for (Map.Entry<LineCode, String> l : t.getValue().entrySet()) {
                d.add("INSERT INTO line_comment (submission_id, template, line, text) VALUES (?, ?, ?, ?)", ps -> {
                    ps.setLong(1, submissionId);
                    ps.setString(2, t.getKey().value());
                    ps.setString(3, l.getKey().value());
                    ps.setString(4, l.getValue());
                });
            }
        }
    }
}
