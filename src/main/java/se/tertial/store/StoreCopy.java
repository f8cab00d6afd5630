package se.tertial.store;

import se.tertial.spec.CliText;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Moves an embedded store into PostgreSQL ({@code tertial store copy --to jdbc:postgresql://…}): every row of every
 * table, ids kept, in one transaction on the target (all of it or nothing), read from one snapshot of the source.
 * Then it verifies the target against the source: row counts per table, the SHA-256 of every original against the
 * one recorded at upload, and per period the number and sum of the facts. A target that holds any of tertial's rows
 * is refused unless the caller asks to replace it (its schema is then dropped and made anew).
 */
public final class StoreCopy {
    /**
     * Every table, parents before children. upload and submission point at each other: uploads go in without their
     * version, which is set once the versions are in. The feed's names (feed_unit, feed_line, feed_column) are not
     * copied: every start writes them from the specs.
     */
    static final List<String> TABLES = List.of("period", "app_user", "user_unit", "user_claim_unit", "api_key", "web_session",
            "login_throttle", "upload", "finding", "submission", "submission_sheet", "fact", "line_comment", "budget", "budget_load",
            "review", "review_message", "audit_event", "reminder_sent", "feed_read");
    private static final List<String> WITH_IDENTITY = List.of("app_user", "api_key", "upload", "submission",
            "review_message", "audit_event");
    private static final int BATCH = 500;

    private StoreCopy() {}

    /** What was copied: rows per table, in order; and what the verification found wrong (empty: nothing). */
    public record Copied(Map<String, Long> rows, List<String> problems) {}

    /** Whether the target holds any of tertial's rows. */
    public static boolean isEmpty(Database target) {
        return target.read(c -> {
            for (String t : TABLES) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT 1 FROM " + t + " LIMIT 1")) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            return true;
        });
    }

    /** Copies {@code source} (SQLite) into {@code target} (PostgreSQL, empty), then verifies the copy. */
    public static Copied copy(Database source, Database target) {
        if (source.dialect() != Database.Dialect.SQLITE || target.dialect() != Database.Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("copy goes from SQLite to PostgreSQL");
        }
        if (!isEmpty(target)) {
            throw new StoreStartupException(CliText.copyTargetNotEmpty(target.where()), null);
        }
        Map<String, Long> rows = source.snapshot(() -> source.read(from -> target.write(to -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : TABLES) {
                counts.put(table, copyTable(from, to, table));
            }
            linkUploads(from, to);
            for (String table : WITH_IDENTITY) {
                try (Statement st = to.createStatement()) {
                    // the next id drawn continues after the copied ones
                    st.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                            + "COALESCE((SELECT MAX(id) FROM " + table + "), 0) + 1, false)");
                }
            }
            return counts;
        })));
        return new Copied(rows, verify(source, target));
    }

    private static List<String> columns(Connection to, String table) throws SQLException {
        List<String> cols = new ArrayList<>();
        try (PreparedStatement ps = to.prepareStatement("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cols.add(rs.getString(1));
                }
            }
        }
        return cols;
    }

    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        List<String> cols = columns(to, table);
        String list = String.join(", ", cols);
        String marks = Sql.marks(cols.size());
        int linkAt = table.equals("upload") ? cols.indexOf("submission_id") : -1;
        long n = 0;
        long bytes = 0;
        try (Statement read = from.createStatement();
             ResultSet rs = read.executeQuery("SELECT " + list + " FROM " + table);
             PreparedStatement write = to.prepareStatement("INSERT INTO " + table + " (" + list + ") VALUES ("
                     + marks + ")")) {
            while (rs.next()) {
                for (int i = 0; i < cols.size(); i++) {
                    Object v = i == linkAt ? null : rs.getObject(i + 1);
                    if (v instanceof byte[] b) {
                        bytes += b.length;
                    }
                    write.setObject(i + 1, v);
                }
                write.addBatch();
                if (++n % BATCH == 0 || bytes > 64L << 20) {
                    write.executeBatch();
                    bytes = 0;
                }
            }
            write.executeBatch();
        }
        return n;
    }

    /** Points every copied upload at its version again (left out at first: the versions were not there yet). */
    private static void linkUploads(Connection from, Connection to) throws SQLException {
        try (Statement read = from.createStatement();
             ResultSet rs = read.executeQuery("SELECT id, submission_id FROM upload WHERE submission_id IS NOT NULL");
             PreparedStatement write = to.prepareStatement("UPDATE upload SET submission_id = ? WHERE id = ?")) {
            int n = 0;
            while (rs.next()) {
                write.setLong(1, rs.getLong(2));
                write.setLong(2, rs.getLong(1));
                write.addBatch();
                if (++n % BATCH == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
    }

    /** Compares the copy with its source; one Swedish line per difference. */
    public static List<String> verify(Database source, Database target) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> a = counts(source);
        Map<String, Long> b = counts(target);
        for (String t : TABLES) {
            if (!a.get(t).equals(b.get(t))) {
                problems.add(CliText.copyCountDiffers(t, a.get(t), b.get(t)));
            }
        }
        Map<String, String> sumsA = factSums(source);
        Map<String, String> sumsB = factSums(target);
        for (String period : new java.util.TreeSet<>(sumsA.keySet())) {
            if (!sumsA.get(period).equals(sumsB.get(period))) {
                problems.add(CliText.copyFactsDiffer(period, sumsA.get(period), sumsB.getOrDefault(period, "-")));
            }
        }
        Map<Long, String> recorded = source.read(c -> {
            Map<Long, String> m = new TreeMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT id, sha256 FROM upload WHERE original_kept = 1")) {
                while (rs.next()) {
                    m.put(rs.getLong(1), rs.getString(2));
                }
            }
            return m;
        });
        target.read(c -> {
            try (Statement st = c.createStatement()) {
                st.setFetchSize(16); // the originals stream instead of all at once
                try (ResultSet rs = st.executeQuery("SELECT id, original FROM upload WHERE original_kept = 1 "
                        + "ORDER BY id")) {
                    while (rs.next()) {
                        byte[] bytes = rs.getBytes(2);
                        String sha = StoreMaintenance.sha256(bytes == null ? new byte[0] : bytes);
                        String want = recorded.remove(rs.getLong(1));
                        if (want == null || !want.equalsIgnoreCase(sha)) {
                            problems.add(CliText.copyOriginalDiffers(rs.getLong(1)));
                        }
                    }
                }
            }
            return null;
        });
        recorded.keySet().forEach(id -> problems.add(CliText.copyOriginalDiffers(id)));
        return problems;
    }

    /** Rows per table. */
    public static Map<String, Long> counts(Database db) {
        return db.read(c -> {
            Map<String, Long> m = new LinkedHashMap<>();
            for (String t : TABLES) {
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    rs.next();
                    m.put(t, rs.getLong(1));
                }
            }
            return m;
        });
    }

    /** Per period: how many facts, and their sum in kronor ("108 fakta, 1234567 kr"). */
    private static Map<String, String> factSums(Database db) {
        return db.read(c -> {
            Map<String, String> m = new TreeMap<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT s.period, COUNT(*), "
                    + "SUM(f.amount_kr) FROM fact f JOIN submission s ON s.id = f.submission_id GROUP BY s.period")) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getLong(2) + " belopp, summa " + rs.getString(3) + " kr");
                }
            }
            return m;
        });
    }
}
