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
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Upload attempts, accepted versions and their facts. Storing an upload is one {@code BEGIN IMMEDIATE}
 * transaction: the attempt with its original bytes and findings, and for an accepted upload the new current version
 * with every fact and comment — all of it, or (on any failure) nothing.
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
    static final String Q_CURRENT_ID = "SELECT id, version FROM submission WHERE unit = ? AND period = ? AND is_current = 1";
    static final String Q_FACTS_OF = "SELECT template, line, col, amount_kr FROM fact WHERE submission_id = ?";
    /** The queries on the hot paths of uploads, bulk loads and reports; each is checked to use an index. */
    static final List<String> HOT_QUERIES = java.util.stream.Stream.concat(CurrentVersionReads.QUERIES.stream(),
            java.util.stream.Stream.of(Q_BY_SHA, Q_STATUS, Q_SLOT, Q_REJECTED_BYTES, Q_CURRENT_ID, Q_FACTS_OF)).toList();
    private final Database db;
    private final CurrentVersionReads current;
    private final Checkpoint checkpoint;
    private final long rejectedBytesPerDay;

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
        this.checkpoint = checkpoint;
        this.rejectedBytesPerDay = rejectedBytesPerDay;
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
                Stored stored = storeWithAudit(c, d, new HashMap<>(), upload, outcome, findings, accepted, message,
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
     * storing (an approved report, a locked period) is refused before it writes anything — {@link #storeIn} asks
     * first and writes after — so it needs no savepoint of its own (a savepoint made SQLite copy every page the file
     * touched into a statement journal: a sixth of the committer's CPU in a bulk load) and is reported; the others
     * are committed together. Any other failure (a full disk, a constraint) fails the whole batch, and nothing of it
     * is stored. A unit and period's {@link Slot} is read once per batch and kept up to date by the batch's own
     * writes: the write lock shuts every other writer out until the commit, and a bulk load queues a unit's
     * versions one after another (the slot query was a sixth of the committer's CPU when asked for every file).
     */
    public List<StoreResult> storeAll(List<Pending> batch) {
        return db.write(raw -> {
            List<StoreResult> results = new ArrayList<>();
            Map<String, Slot> slots = new HashMap<>(); // this transaction's: made again if the work is run again
            try (StatementCache cache = new StatementCache(raw); Deferred d = new Deferred(cache.connection())) {
                Connection c = cache.connection();
                for (Pending p : batch) {
                    try {
                        Stored stored = storeWithAudit(c, d, slots, p.upload(), p.outcome(), p.findings(), p.accepted(),
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

    private Stored storeWithAudit(Connection c, Deferred d, Map<String, Slot> slots, NewUpload upload,
                                  UploadOutcome outcome,
                                  List<Finding> findings, Optional<AcceptedVersion> accepted,
                                  Optional<String> message, AuditEvent audit, boolean createPeriod)
            throws SQLException {
        Stored stored = storeIn(c, d, slots, upload, outcome, findings, accepted, message, createPeriod);
        if (audit != null) {
            AuditRepository.insert(d, audit.unit(upload.unit()).period(upload.period())
                    .upload(stored.uploadId()).submission(stored.submissionId().orElse(null),
                            stored.version().orElse(null)).detail(stored.outcome().dbValue()));
        }
        return stored;
    }

    /** What {@link #Q_SLOT} found for a unit and period. */
    private record Slot(String periodState, String reviewState, Long currentId, int currentVersion,
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
     * is decided from one read before this upload's first write, which {@link #storeAll} relies on.
     */
    private Stored storeIn(Connection c, Deferred d, Map<String, Slot> slots, NewUpload upload, UploadOutcome outcome,
                           List<Finding> findings, Optional<AcceptedVersion> accepted, Optional<String> message,
                           boolean createPeriod) throws SQLException {
        Optional<Slot> slot = accepted.isPresent() ? Optional.of(slot(c, slots, accepted.get())) : Optional.empty();
        if (slot.isPresent()) {
            Slot s = slot.get();
            if (s.currentId() != null && upload.sha256().equals(s.currentSha())) {
                long id = insertUpload(c, upload, UploadOutcome.UNCHANGED, s.currentId(), true);
                return new Stored(id, UploadOutcome.UNCHANGED, Optional.of(s.currentId()),
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
            return new Stored(uploadId, outcome, Optional.empty(), Optional.empty());
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
        return new Stored(uploadId, outcome, Optional.of(version[0]), Optional.of((int) version[1]));
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
}
