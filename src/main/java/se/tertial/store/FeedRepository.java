package se.tertial.store;

import se.tertial.store.FeedSet.FeedColumn;
import se.tertial.store.FeedSet.FeedType;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The OData feed's reads: a set's rows for one page and its count, with the condition, order, skip and limit of
 * the request and a controller's units all evaluated by the database — never filtered in memory. Comparisons are
 * two-valued as OData defines them (a missing value equals only null, differs from every value, and is neither
 * greater nor less than one), so {@code not} means what it says.
 */
public final class FeedRepository {
    private final Database db;

    public FeedRepository(Database db) {
        this.db = db;
    }

    /** A condition the set cannot evaluate: an unknown column, or a value of another type than the column's. */
    public static final class BadFilter extends IllegalArgumentException {
        private final String column;
        private final FeedType expected;

        BadFilter(String column, FeedType expected) {
            super("cannot compare " + column + " with that value");
            this.column = column;
            this.expected = expected;
        }

        public String column() {
            return column;
        }

        /** The column's type; null for an unknown column. */
        public FeedType expected() {
            return expected;
        }
    }

    /** How many rows the condition selects (for {@code $count}), ignoring skip and limit. */
    public long count(FeedQuery q) {
        List<Object> args = new ArrayList<>();
        String sql = with(q, args) + "SELECT COUNT(*) FROM " + q.set().from() + where(q, args);
        return db.read(c -> {
            try (PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /**
     * One page: each row's values in the set's column order, typed (tkr as {@code BigDecimal} with scale 3), and —
     * in the natural order — each row's position, for a next page to continue after (empty otherwise).
     */
    public record Page(List<Object[]> rows, List<List<Object>> positions) {}

    public Page page(FeedQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(with(q, args)).append("SELECT ");
        List<FeedColumn> columns = q.set().columns();
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.get(i).sql());
        }
        boolean natural = q.orderBy().isEmpty();
        List<String> key = q.set().order();
        if (natural) {
            key.forEach(k -> sql.append(", ").append(k));
        }
        sql.append(" FROM ").append(q.set().from()).append(where(q, args));
        q.after().ifPresent(after -> {
            sql.append(" AND (").append(String.join(", ", key)).append(") > (")
                    .append(String.join(", ", java.util.Collections.nCopies(key.size(), "?"))).append(')');
            args.addAll(after);
        });
        sql.append(" ORDER BY ");
        List<String> order = new ArrayList<>();
        for (FeedQuery.Order o : q.orderBy()) {
            FeedColumn c = q.set().column(o.column()).orElseThrow(() -> new BadFilter(o.column(), null));
            // Missing values first going up, last going down, on both databases.
            order.add("CASE WHEN " + c.sql() + " IS NULL THEN 0 ELSE 1 END" + (o.descending() ? " DESC" : ""));
            order.add(c.sql() + (o.descending() ? " DESC" : ""));
        }
        order.addAll(key);
        sql.append(String.join(", ", order)).append(" LIMIT ? OFFSET ?");
        args.add((long) q.limit());
        args.add(q.skip());
        return db.read(c -> {
            List<Object[]> out = new ArrayList<>();
            List<List<Object>> positions = new ArrayList<>();
            try (PreparedStatement ps = prepare(c, sql.toString(), args)) {
                ps.setFetchSize(Math.min(q.limit(), 1000));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[columns.size()];
                        for (int i = 0; i < row.length; i++) {
                            row[i] = value(rs, i + 1, columns.get(i).type());
                        }
                        out.add(row);
                        if (natural) {
                            List<Object> position = new ArrayList<>(key.size());
                            for (int i = 0; i < key.size(); i++) {
                                position.add(rs.getObject(columns.size() + 1 + i));
                            }
                            positions.add(position);
                        }
                    }
                }
            }
            return new Page(out, positions);
        });
    }

    /** A computed set's rows as a table named {@code nd} with the set's column names. */
    private static String with(FeedQuery q, List<Object> args) {
        if (!q.set().from().startsWith("nd ")) {
            return "";
        }
        List<FeedColumn> columns = q.set().columns();
        StringBuilder sql = new StringBuilder("WITH nd (");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(columns.get(i).sql());
        }
        sql.append(") AS (");
        if (q.rows().isEmpty()) {
            sql.append("SELECT ");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(cast("NULL", columns.get(i).type()));
            }
            sql.append(" WHERE 1 = 0");
        } else {
            sql.append("VALUES ");
            for (int r = 0; r < q.rows().size(); r++) {
                sql.append(r == 0 ? "(" : ", (");
                for (int i = 0; i < columns.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append(cast("?", columns.get(i).type()));
                    args.add(q.rows().get(r).get(i));
                }
                sql.append(')');
            }
        }
        return sql.append(") ").toString();
    }

    private static String cast(String value, FeedType type) {
        return "CAST(" + value + (switch (type) {
            case INTEGER, KRONOR, BOOLEAN -> " AS BIGINT)";
            default -> " AS TEXT)";
        });
    }

    private static String where(FeedQuery q, List<Object> args) {
        StringBuilder sql = new StringBuilder();
        q.units().ifPresent(units -> {
            String column = q.set().unitSql().orElse(null);
            if (column == null) {
                return;
            }
            if (units.isEmpty()) {
                sql.append(" AND 1 = 0");
                return;
            }
            sql.append(" AND ").append(column).append(" IN (").append(String.join(", ",
                    java.util.Collections.nCopies(units.size(), "?"))).append(')');
            args.addAll(units.stream().sorted().toList());
        });
        q.filter().ifPresent(f -> sql.append(" AND (").append(condition(q.set(), f, args)).append(')'));
        return sql.toString();
    }

    static String condition(FeedSet set, FeedFilter f, List<Object> args) {
        if (f instanceof FeedFilter.And a) {
            return "(" + condition(set, a.left(), args) + ") AND (" + condition(set, a.right(), args) + ")";
        }
        if (f instanceof FeedFilter.Or o) {
            return "(" + condition(set, o.left(), args) + ") OR (" + condition(set, o.right(), args) + ")";
        }
        if (f instanceof FeedFilter.Not n) {
            return "NOT (" + condition(set, n.inner(), args) + ")";
        }
        if (f instanceof FeedFilter.Constant k) {
            return k.value() ? "1 = 1" : "1 = 0";
        }
        return compare(set, (FeedFilter.Compare) f, args);
    }

    private static String compare(FeedSet set, FeedFilter.Compare c, List<Object> args) {
        FeedColumn col = set.column(c.column()).orElseThrow(() -> new BadFilter(c.column(), null));
        String e = col.sql();
        if (c.value() == null) {
            return switch (c.op()) {
                case EQ -> e + " IS NULL";
                case NE -> e + " IS NOT NULL";
                default -> "1 = 0";
            };
        }
        Object v = switch (col.type()) {
            case TEXT -> c.value() instanceof String s ? s : null;
            case INTEGER -> whole(c, BigDecimal.ONE);
            case KRONOR -> whole(c, BigDecimal.valueOf(1000));
            case BOOLEAN -> c.value() instanceof Boolean b ? (b ? 1L : 0L) : null;
            case DATE -> c.value() instanceof LocalDate d ? d.toString() : null;
            case INSTANT -> c.value() instanceof Instant i ? i.toString() : null;
        };
        if (v == null) {
            throw new BadFilter(c.column(), col.type());
        }
        FeedFilter.Op op = c.op();
        if (v instanceof BigDecimal x) {
            // A literal between two whole numbers: equal to none, and above or below as its floor is.
            long floor = x.setScale(0, RoundingMode.FLOOR).longValueExact();
            switch (op) {
                case EQ -> {
                    return "1 = 0";
                }
                case NE -> {
                    return "1 = 1";
                }
                case GT, GE -> op = FeedFilter.Op.GT;
                default -> op = FeedFilter.Op.LE;
            }
            v = floor;
        }
        args.add(v);
        return switch (op) {
            case EQ -> "(" + e + " IS NOT NULL AND " + e + " = ?)";
            case NE -> "(" + e + " IS NULL OR " + e + " <> ?)";
            case GT -> "(" + e + " IS NOT NULL AND " + e + " > ?)";
            case GE -> "(" + e + " IS NOT NULL AND " + e + " >= ?)";
            case LT -> "(" + e + " IS NOT NULL AND " + e + " < ?)";
            case LE -> "(" + e + " IS NOT NULL AND " + e + " <= ?)";
        };
    }

    /** A number in the column's unit (kronor for tkr): a {@code Long} when whole, else the exact decimal. */
    private static Object whole(FeedFilter.Compare c, BigDecimal factor) {
        Object value = c.value();
        BigDecimal x = value instanceof Long l ? BigDecimal.valueOf(l) : value instanceof Integer i
                ? BigDecimal.valueOf(i) : value instanceof BigDecimal d ? d : null;
        if (x == null) {
            return null;
        }
        BigDecimal scaled = x.multiply(factor);
        if (scaled.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            throw new BadFilter(c.column(), FeedType.INTEGER);
        }
        return scaled.stripTrailingZeros().scale() <= 0 ? (Object) scaled.longValueExact() : scaled;
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
        return ps;
    }

    private static Object value(ResultSet rs, int i, FeedType type) throws SQLException {
        return switch (type) {
            case TEXT -> rs.getString(i);
            case INTEGER -> {
                long v = rs.getLong(i);
                yield rs.wasNull() ? null : v;
            }
            case KRONOR -> {
                long v = rs.getLong(i);
                yield rs.wasNull() ? null : BigDecimal.valueOf(v, 3);
            }
            case BOOLEAN -> {
                long v = rs.getLong(i);
                yield rs.wasNull() ? null : v != 0;
            }
            case DATE -> {
                String v = rs.getString(i);
                yield v == null ? null : LocalDate.parse(v);
            }
            case INSTANT -> {
                String v = rs.getString(i);
                yield v == null ? null : Instant.parse(v);
            }
        };
    }

    /** A unit as the feed names it. */
    public record DimUnit(String code, String name, String namnd, String namndName, String group, String templates) {}

    /** A line or column label of a template. */
    public record DimLabel(String template, String code, String label) {}

    /**
     * Makes the feed's names those of the organisation and templates now loaded; writes only when they differ
     * (a restart with the same specs reads and compares, nothing more).
     */
    public void refreshDimensions(List<DimUnit> units, List<DimLabel> lines, List<DimLabel> columns) {
        List<List<Object>> wantUnits = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            DimUnit u = units.get(i);
            wantUnits.add(List.of(u.code(), u.name(), u.namnd(), u.namndName(), u.group(), u.templates(), (long) i));
        }
        List<List<Object>> wantLines = labels(lines);
        List<List<Object>> wantColumns = labels(columns);
        boolean same = db.read(c -> wantUnits.equals(rows(c, "SELECT code, name, namnd, namnd_name, grp, templates, "
                + "position FROM feed_unit ORDER BY position", 7))
                && wantLines.equals(rows(c, "SELECT template, line, label, position FROM feed_line ORDER BY position", 4))
                && wantColumns.equals(rows(c, "SELECT template, col, label, position FROM feed_column ORDER BY position",
                4)));
        if (same) {
            return;
        }
        db.write(c -> {
            replace(c, "feed_unit", "code, name, namnd, namnd_name, grp, templates, position", wantUnits);
            replace(c, "feed_line", "template, line, label, position", wantLines);
            replace(c, "feed_column", "template, col, label, position", wantColumns);
            return null;
        });
    }

    private static List<List<Object>> labels(List<DimLabel> labels) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            DimLabel l = labels.get(i);
            out.add(List.of(l.template(), l.code(), l.label(), (long) i));
        }
        return out;
    }

    private static List<List<Object>> rows(Connection c, String sql, int n) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i < n; i++) {
                    row.add(rs.getString(i));
                }
                row.add(rs.getLong(n));
                out.add(row);
            }
        }
        return out;
    }

    private static void replace(Connection c, String table, String columns, List<List<Object>> rows)
            throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table)) {
            del.executeUpdate();
        }
        int n = columns.split(",").length;
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + table + " (" + columns + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(n, "?")) + ")")) {
            for (List<Object> row : rows) {
                for (int i = 0; i < n; i++) {
                    ins.setObject(i + 1, row.get(i));
                }
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    /** True the first time a key reads the feed on a day (across instances): then the read is audited. */
    public boolean firstReadToday(long keyId, LocalDate day) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO feed_read (key_id, day) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                ps.setLong(1, keyId);
                ps.setString(2, day.toString());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** The units whose rows a user sees, as a query wants them: empty (all) for finance and admin. */
    public static java.util.Optional<Set<String>> unitsOf(User user) {
        return user.seesAllUnits() ? java.util.Optional.empty() : java.util.Optional.of(Set.copyOf(
                user.units().stream().map(u -> u.value()).toList()));
    }
}
