package se.tertial.store;

import se.tertial.spec.PeriodCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review round's states and message threads. A decision (approve, return, reopen) is checked and written in one
 * write transaction, against the state and the current version as they are then, so two finance users deciding at
 * once, or an upload arriving meanwhile, cannot slip past each other.
 */
public final class ReviewRepository {
    static final String Q_STATES = "SELECT unit, state, submission_id, changed_by, changed_at FROM review "
            + "WHERE period = ?";
    static final String Q_MESSAGES = "SELECT m.unit, m.at, m.author, m.action, m.submission_id, m.version, m.message "
            + "FROM review_message m WHERE m.period = ? ORDER BY m.id";
    private final Database db;

    public ReviewRepository(Database db) {
        this.db = db;
    }

    /** A unit's stored review state; {@code submissionId} names the version it was decided on. */
    public record Row(String unit, ReviewState state, Optional<Long> submissionId, String changedBy,
                      Instant changedAt) {}

    /** One entry of a unit's thread. */
    public record Message(String unit, Instant at, String author, String action, Optional<Long> submissionId,
                          Optional<Integer> version, Optional<String> text) {}

    /** Decides the next state from the current one (or throws the refusal). */
    @FunctionalInterface
    public interface Decider {
        ReviewState next(ReviewState current, boolean periodLocked);
    }

    /** What a decision did. */
    public record Decision(ReviewState state, long submissionId, int version) {}

    /** The version given is not the unit's current one any more. */
    public static final class StaleVersion extends RuntimeException {
        private final int current;

        StaleVersion(int current) {
            super("stale version; current is " + current);
            this.current = current;
        }

        public int current() {
            return current;
        }
    }

    /** An upload for a report that finance has approved: refused until it is reopened. */
    public static final class Approved extends RuntimeException {
        public Approved() {
            super("the report is approved");
        }
    }

    /** Stored states of a period by unit (a unit with a current version but no row is {@code inlamnad}). */
    public Map<String, Row> states(PeriodCode period) {
        return db.read(c -> {
            Map<String, Row> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(Q_STATES)) {
                ps.setString(1, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Row(rs.getString(1), ReviewState.fromDb(rs.getString(2)),
                                Optional.ofNullable(rs.getObject(3) == null ? null : rs.getLong(3)),
                                rs.getString(4), Instant.parse(rs.getString(5))));
                    }
                }
            }
            return out;
        });
    }

    /** Every unit's thread for a period, oldest first. */
    public Map<String, List<Message>> messages(PeriodCode period) {
        return db.read(c -> {
            Map<String, List<Message>> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(Q_MESSAGES)) {
                ps.setString(1, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Message(
                                rs.getString(1), Instant.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                                Optional.ofNullable(rs.getObject(5) == null ? null : rs.getLong(5)),
                                Optional.ofNullable(rs.getObject(6) == null ? null : rs.getInt(6)),
                                Optional.ofNullable(rs.getString(7))));
                    }
                }
            }
            return out;
        });
    }

    /** Whether the unit's report for the period is approved. */
    public boolean isApproved(String unit, PeriodCode period) {
        return db.read(c -> state(c, unit, period.toString()) == ReviewState.GODKAND);
    }

    /**
     * Applies a decision: reads the period's lock, the unit's current version and state, refuses a stale
     * {@code expectedVersion} (when given), asks the decider for the next state, and stores it with the thread entry
     * and the audit event, all in one transaction.
     */
    public Decision decide(String unit, PeriodCode period, Optional<Integer> expectedVersion, Decider decider,
                           String action, String author, Instant at, Optional<String> message, AuditEvent audit) {
        return db.write(c -> {
            boolean locked;
            try (PreparedStatement ps = c.prepareStatement("SELECT state FROM period WHERE code = ?")) {
                ps.setString(1, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    locked = rs.next() && "locked".equals(rs.getString(1));
                }
            }
            long[] current = current(c, unit, period.toString());
            ReviewState state = current == null ? ReviewState.SAKNAS : state(c, unit, period.toString());
            if (current != null && expectedVersion.isPresent() && expectedVersion.get() != current[1]) {
                throw new StaleVersion((int) current[1]);
            }
            ReviewState next = decider.next(state, locked);
            if (current == null) {
                throw new IllegalStateException("a decision without a version");
            }
            upsert(c, unit, period.toString(), next, current[0], author, at);
            insertMessage(c, unit, period.toString(), at, author, action, current[0], (int) current[1],
                    message.orElse(null));
            AuditRepository.insert(c, audit.unit(unit).period(period.toString()).submission(current[0],
                    (int) current[1]).detail(message.orElse(null)));
            return new Decision(next, current[0], (int) current[1]);
        });
    }

    /** The state inside a transaction: SAKNAS without a current version, INLAMNAD with one but no row. */
    static ReviewState state(Connection c, String unit, String period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM review WHERE unit = ? AND period = ?")) {
            ps.setString(1, unit);
            ps.setString(2, period);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return ReviewState.fromDb(rs.getString(1));
                }
            }
        }
        return current(c, unit, period) == null ? ReviewState.SAKNAS : ReviewState.INLAMNAD;
    }

    /** {id, version} of the unit's current version, or null. */
    private static long[] current(Connection c, String unit, String period) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, version FROM submission WHERE unit = ? AND period = ? AND is_current = 1")) {
            ps.setString(1, unit);
            ps.setString(2, period);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new long[] {rs.getLong(1), rs.getInt(2)} : null;
            }
        }
    }

    /** A new current version arrived (inside the upload's transaction): the report is submitted again. */
    static void submitted(Connection c, Deferred d, String unit, String period, long submissionId, int version,
                          String author, Instant at, Optional<String> message) throws SQLException {
        upsert(c, unit, period, ReviewState.INLAMNAD, submissionId, author, at);
        d.add(MESSAGE_INSERT, ps -> bindMessage(ps, unit, period, at, author, "submitted", submissionId, version,
                message.orElse(null)));
    }

    private static void upsert(Connection c, String unit, String period, ReviewState state, long submissionId,
                               String author, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO review (unit, period, state, submission_id, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (unit, period) DO UPDATE SET state = excluded.state, submission_id = excluded.submission_id,
                    changed_by = excluded.changed_by, changed_at = excluded.changed_at""")) {
            ps.setString(1, unit);
            ps.setString(2, period);
            ps.setString(3, state.dbValue());
            ps.setLong(4, submissionId);
            ps.setString(5, author);
            ps.setString(6, at.toString());
            ps.executeUpdate();
        }
    }

    private static final String MESSAGE_INSERT = "INSERT INTO review_message (unit, period, at, author, action, "
            + "submission_id, version, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    private static void insertMessage(Connection c, String unit, String period, Instant at, String author,
                                      String action, long submissionId, int version, String message)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(MESSAGE_INSERT)) {
            bindMessage(ps, unit, period, at, author, action, submissionId, version, message);
            ps.executeUpdate();
        }
    }

    private static void bindMessage(PreparedStatement ps, String unit, String period, Instant at, String author,
                                    String action, long submissionId, int version, String message)
            throws SQLException {
        ps.setString(1, unit);
        ps.setString(2, period);
        ps.setString(3, at.toString());
        ps.setString(4, author);
        ps.setString(5, action);
        ps.setLong(6, submissionId);
        ps.setInt(7, version);
        if (message == null) {
            ps.setNull(8, Types.VARCHAR);
        } else {
            ps.setString(8, message);
        }
    }
}
