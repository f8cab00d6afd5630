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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a period's current versions: which version each unit has (its head), and the facts and comments of
 * versions. A stored version never changes (a correction is a new version), so a reader that keeps versions by
 * submission id reads the heads and then only the versions it has not seen.
 */
public final class CurrentVersionReads {
    static final String Q_PERIOD_HEADS = "SELECT s.id, s.unit, s.version, "
            + "COALESCE(u.uploaded_at, s.accepted_at) FROM submission s LEFT JOIN upload u ON u.id = s.upload_id "
            + "WHERE s.period = ? AND s.is_current = 1 ORDER BY s.unit";
    static final String Q_PERIOD_FACTS = "SELECT f.submission_id, f.template, f.line, "
            + "f.col, f.amount_kr FROM fact f JOIN submission s ON s.id = f.submission_id "
            + "WHERE s.period = ? AND s.is_current = 1";
    static final String Q_PERIOD_COMMENTS = "SELECT l.submission_id, l.template, l.line, "
            + "l.text FROM line_comment l JOIN submission s ON s.id = l.submission_id "
            + "WHERE s.period = ? AND s.is_current = 1";
    static final String Q_VERSION_FACTS = "SELECT template, line, col, amount_kr FROM fact WHERE submission_id = ?";
    static final String Q_VERSION_COMMENTS = "SELECT template, line, text FROM line_comment WHERE submission_id = ?";
    static final List<String> QUERIES = List.of(Q_PERIOD_HEADS, Q_PERIOD_FACTS, Q_PERIOD_COMMENTS, Q_VERSION_FACTS,
            Q_VERSION_COMMENTS);

    /** A unit's current version in a period, without its facts. */
    public record Head(UnitCode unit, long submissionId, int version, Instant uploadedAt) {}

    private final Database db;

    CurrentVersionReads(Database db) {
        this.db = db;
    }

    /** Every unit's current version of the period, by unit code. */
    public List<Head> heads(PeriodCode period) {
        return db.read(c -> heads(c, period));
    }

    private static List<Head> heads(Connection c, PeriodCode period) throws SQLException {
        List<Head> heads = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(Q_PERIOD_HEADS)) {
            ps.setString(1, period.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    heads.add(new Head(UnitCode.of(rs.getString(2)), rs.getLong(1), rs.getInt(3),
                            Instant.parse(rs.getString(4))));
                }
            }
        }
        return heads;
    }

    /** Every current version of the period with its facts and comments: three queries for the whole period. */
    public List<CurrentVersion> all(PeriodCode period) {
        return db.read(c -> {
            Map<Long, Head> heads = new LinkedHashMap<>();
            heads(c, period).forEach(h -> heads.put(h.submissionId(), h));
            Map<Long, Map<FactKey, Amount>> facts = new HashMap<>();
            Map<Long, Map<TemplateId, Map<LineCode, String>>> comments = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(Q_PERIOD_FACTS)) {
                ps.setString(1, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        facts.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(fact(rs, 2),
                                Amount.ofKronor(rs.getLong(5)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(Q_PERIOD_COMMENTS)) {
                ps.setString(1, period.toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        comments.computeIfAbsent(rs.getLong(1), id -> new HashMap<>())
                                .computeIfAbsent(TemplateId.of(rs.getString(2)), k -> new HashMap<>())
                                .put(LineCode.of(rs.getString(3)), rs.getString(4));
                    }
                }
            }
            List<CurrentVersion> result = new ArrayList<>();
            heads.forEach((id, h) -> result.add(new CurrentVersion(h.unit(), id, h.version(), h.uploadedAt(),
                    facts.getOrDefault(id, new HashMap<>()), comments.getOrDefault(id, new HashMap<>()))));
            return result;
        });
    }

    /** The given versions with their facts and comments: two indexed queries per version. */
    public List<CurrentVersion> of(List<Head> heads) {
        return db.read(c -> {
            List<CurrentVersion> result = new ArrayList<>();
            try (PreparedStatement facts = c.prepareStatement(Q_VERSION_FACTS);
                 PreparedStatement comments = c.prepareStatement(Q_VERSION_COMMENTS)) {
                for (Head h : heads) {
                    Map<FactKey, Amount> f = new HashMap<>();
                    facts.setLong(1, h.submissionId());
                    try (ResultSet rs = facts.executeQuery()) {
                        while (rs.next()) {
                            f.put(fact(rs, 1), Amount.ofKronor(rs.getLong(4)));
                        }
                    }
                    Map<TemplateId, Map<LineCode, String>> m = new HashMap<>();
                    comments.setLong(1, h.submissionId());
                    try (ResultSet rs = comments.executeQuery()) {
                        while (rs.next()) {
                            m.computeIfAbsent(TemplateId.of(rs.getString(1)), k -> new HashMap<>())
                                    .put(LineCode.of(rs.getString(2)), rs.getString(3));
                        }
                    }
                    result.add(new CurrentVersion(h.unit(), h.submissionId(), h.version(), h.uploadedAt(), f, m));
                }
            }
            return result;
        });
    }

    private static FactKey fact(ResultSet rs, int first) throws SQLException {
        return new FactKey(TemplateId.of(rs.getString(first)), LineCode.of(rs.getString(first + 1)),
                ColumnCode.of(rs.getString(first + 2)));
    }
}
