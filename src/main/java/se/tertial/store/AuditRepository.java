package se.tertial.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit log. Events are only ever inserted: the table's triggers refuse UPDATE and DELETE, and this class
 * offers neither. An action that changes stored data writes its event in the same transaction (see
 * {@link #insert(Connection, AuditEvent)}), so the change and its event exist together or not at all.
 */
public final class AuditRepository {
    static final String Q_LIST = "SELECT id, at, actor, via, address, kind, unit, period, submission_id, version, "
            + "upload_id, detail FROM audit_event";
    private final Database db;

    public AuditRepository(Database db) {
        this.db = db;
    }

    /** Which events to list; every part optional. {@code from} inclusive, {@code to} exclusive. */
    public record Filter(Optional<String> period, Optional<String> unit, Optional<String> actor,
                         Optional<String> kind, Optional<Instant> from, Optional<Instant> to, int limit) {
        public static Filter all() {
            return new Filter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), 100_000);
        }
    }

    /** Appends one event in its own transaction; returns its id. */
    public long append(AuditEvent e) {
        return db.write(c -> insert(c, e));
    }

    private static final String INSERT = "INSERT INTO audit_event (at, actor, via, address, kind, unit, period, "
            + "submission_id, version, upload_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /** Appends one event inside the caller's transaction. */
    public static long insert(Connection c, AuditEvent e) throws SQLException {
        try (PreparedStatement ps = Sql.prepareInsert(c, INSERT)) {
            bind(ps, e);
            return Sql.insert(c, ps);
        }
    }

    /** Appends one event with the caller's transaction's other writes ({@link Deferred}); its id is not needed. */
    static void insert(Deferred d, AuditEvent e) throws SQLException {
        d.add(INSERT, ps -> bind(ps, e));
    }

    private static void bind(PreparedStatement ps, AuditEvent e) throws SQLException {
        ps.setString(1, e.at().toString());
        ps.setString(2, e.actor());
        ps.setString(3, e.via());
        ps.setString(4, e.address().orElse(null));
        ps.setString(5, e.kind());
        ps.setString(6, e.unit().orElse(null));
        ps.setString(7, e.period().orElse(null));
        setLong(ps, 8, e.submissionId());
        if (e.version().isPresent()) {
            ps.setInt(9, e.version().get());
        } else {
            ps.setNull(9, Types.INTEGER);
        }
        setLong(ps, 10, e.uploadId());
        ps.setString(11, e.detail().orElse(null));
    }

    private static void setLong(PreparedStatement ps, int i, Optional<Long> v) throws SQLException {
        if (v.isPresent()) {
            ps.setLong(i, v.get());
        } else {
            ps.setNull(i, Types.INTEGER);
        }
    }

    /** Events matching the filter, oldest first (at most {@code limit}, the newest of them). */
    public List<AuditEvent> list(Filter f) {
        StringBuilder where = new StringBuilder();
        List<String> args = new ArrayList<>();
        add(where, args, "period = ?", f.period());
        add(where, args, "unit = ?", f.unit());
        add(where, args, "actor = ?", f.actor());
        add(where, args, "kind = ?", f.kind());
        add(where, args, "at >= ?", f.from().map(Instant::toString));
        add(where, args, "at < ?", f.to().map(Instant::toString));
        String sql = "SELECT * FROM (" + Q_LIST + (where.length() == 0 ? "" : " WHERE " + where)
                + " ORDER BY id DESC LIMIT ?) latest ORDER BY id";
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                for (String a : args) {
                    ps.setString(i++, a);
                }
                ps.setInt(i, Math.max(1, f.limit()));
                List<AuditEvent> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new AuditEvent(rs.getLong(1), Instant.parse(rs.getString(2)), rs.getString(3),
                                rs.getString(4), Optional.ofNullable(rs.getString(5)), rs.getString(6),
                                Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)),
                                Optional.ofNullable((Long) (rs.getObject(9) == null ? null : rs.getLong(9))),
                                Optional.ofNullable((Integer) (rs.getObject(10) == null ? null : rs.getInt(10))),
                                Optional.ofNullable((Long) (rs.getObject(11) == null ? null : rs.getLong(11))),
                                Optional.ofNullable(rs.getString(12))));
                    }
                }
                return out;
            }
        });
    }

    private static void add(StringBuilder where, List<String> args, String clause, Optional<String> value) {
        value.filter(v -> !v.isBlank()).ifPresent(v -> {
            if (where.length() > 0) {
                where.append(" AND ");
            }
            where.append(clause);
            args.add(v);
        });
    }
}
