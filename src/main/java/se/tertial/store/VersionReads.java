package se.tertial.store;

import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.FactKey;
import se.tertial.spec.LineCode;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.UnitCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Any one accepted version of a unit's report, read whole: its facts, its comments and the upload it came from (for
 * that upload's warnings). The review page compares the current version with earlier ones through it.
 */
public final class VersionReads {
    static final String Q_BY_VERSION = "SELECT id, version, accepted_at, upload_id FROM submission WHERE unit = ? "
            + "AND period = ? AND version = ?";
    static final String Q_CURRENT = "SELECT id, version, accepted_at, upload_id FROM submission WHERE unit = ? "
            + "AND period = ? AND is_current = 1";
    static final String Q_COMMENTS_OF = "SELECT template, line, text FROM line_comment WHERE submission_id = ?";
    private final Database db;

    public VersionReads(Database db) {
        this.db = db;
    }

    /** One version as stored. */
    public record Version(long submissionId, int version, Instant acceptedAt, Map<FactKey, Amount> facts,
                          Map<TemplateId, Map<LineCode, String>> comments, Optional<Long> uploadId) {
        public Version {
            facts = Map.copyOf(facts);
            comments = Map.copyOf(comments);
        }

        public Optional<Amount> get(FactKey key) {
            return Optional.ofNullable(facts.get(key));
        }

        public Optional<String> comment(TemplateId template, LineCode line) {
            return Optional.ofNullable(comments.getOrDefault(template, Map.of()).get(line));
        }
    }

    public Optional<Version> version(UnitCode unit, PeriodCode period, int version) {
        return db.read(c -> read(c, Q_BY_VERSION, unit, period, version));
    }

    public Optional<Version> current(UnitCode unit, PeriodCode period) {
        return db.read(c -> read(c, Q_CURRENT, unit, period, null));
    }

    private static Optional<Version> read(Connection c, String query, UnitCode unit, PeriodCode period,
                                          Integer version) throws SQLException {
        long id;
        int number;
        Instant at;
        Optional<Long> upload;
        try (PreparedStatement ps = c.prepareStatement(query)) {
            ps.setString(1, unit.value());
            ps.setString(2, period.toString());
            if (version != null) {
                ps.setInt(3, version);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
                number = rs.getInt(2);
                at = Instant.parse(rs.getString(3));
                long u = rs.getLong(4);
                upload = rs.wasNull() ? Optional.empty() : Optional.of(u);
            }
        }
        Map<FactKey, Amount> facts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SubmissionRepository.Q_FACTS_OF)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    facts.put(new FactKey(TemplateId.of(rs.getString(1)), LineCode.of(rs.getString(2)),
                            ColumnCode.of(rs.getString(3))), Amount.ofKronor(rs.getLong(4)));
                }
            }
        }
        Map<TemplateId, Map<LineCode, String>> comments = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(Q_COMMENTS_OF)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    comments.computeIfAbsent(TemplateId.of(rs.getString(1)), t -> new HashMap<>())
                            .put(LineCode.of(rs.getString(2)), rs.getString(3));
                }
            }
        }
        return Optional.of(new Version(id, number, at, facts, comments, upload));
    }
}
