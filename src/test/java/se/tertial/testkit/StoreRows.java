package se.tertial.testkit;

import se.tertial.store.Database;

import java.sql.PreparedStatement;
import java.util.Map;

/** Inserts accepted submissions straight into SQLite, for tests of what reads them (prefill, reports). */
public final class StoreRows {
    private StoreRows() {}

    public static void period(Database db, String code, String state) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO period (code, deadline, state, created_at) VALUES (?, '2022-01-31', ?, "
                            + "'2022-01-01T00:00:00Z')")) {
                ps.setString(1, code);
                ps.setString(2, state);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** An accepted submission with facts keyed "template/LINE/COLUMN" → kronor; returns its id. */
    public static long submission(Database db, String unit, String period, int version, boolean current,
                                  Map<String, Long> facts) {
        return db.write(c -> {
            long id;
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO submission (unit, period, version, status, is_current, accepted_at) "
                            + "VALUES (?, ?, ?, 'accepted', ?, '2022-09-01T10:00:00Z') RETURNING id")) {
                ps.setString(1, unit);
                ps.setString(2, period);
                ps.setInt(3, version);
                ps.setInt(4, current ? 1 : 0);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            java.util.Set<String> templates = new java.util.TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO fact (submission_id, template, line, col, amount_kr) VALUES (?, ?, ?, ?, ?)")) {
                for (Map.Entry<String, Long> f : facts.entrySet()) {
                    String[] k = f.getKey().split("/");
                    templates.add(k[0]);
                    ps.setLong(1, id);
                    ps.setString(2, k[0]);
                    ps.setString(3, k[1]);
                    ps.setString(4, k[2]);
                    ps.setLong(5, f.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO submission_sheet (submission_id, template, sheet) VALUES (?, ?, ?)")) {
                for (String t : templates) {
                    ps.setLong(1, id);
                    ps.setString(2, t);
                    ps.setString(3, Character.toUpperCase(t.charAt(0)) + t.substring(1));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return id;
        });
    }
}
