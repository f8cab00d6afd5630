package se.tertial.store;

import se.tertial.money.Amount;
import se.tertial.spec.UnitCode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The budget finance loads per year: amounts per unit, template, line and budget column. */
public final class BudgetRepository {
    private final Database db;

    public BudgetRepository(Database db) {
        this.db = db;
    }

    /** One budget amount's address: unit, template, line, and budget column (BUDGET_AR, BUDGET_T1, BUDGET_T2). */
    public record Key(String unit, String template, String line, String column) {}

    /** Replaces the year's budget and records the upload it came from, in one transaction. */
    public long replace(int year, Map<Key, Amount> amounts, NewUpload upload, java.util.List<se.tertial.spec.Finding> warnings) {
        SubmissionRepository uploads = new SubmissionRepository(db);
        return db.write(c -> {
            long uploadId = uploads.insertAttempt(c, upload, UploadOutcome.ACCEPTED, warnings);
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM budget WHERE year = ?")) {
                ps.setInt(1, year);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO budget (year, unit, template, line, col, amount_kr) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<Key, Amount> e : amounts.entrySet()) {
                    ps.setInt(1, year);
                    ps.setString(2, e.getKey().unit());
                    ps.setString(3, e.getKey().template());
                    ps.setString(4, e.getKey().line());
                    ps.setString(5, e.getKey().column());
                    ps.setLong(6, e.getValue().kronor());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO budget_load (year, upload_id, loaded_at, loaded_by) VALUES (?, ?, ?, ?)
                    ON CONFLICT (year) DO UPDATE SET upload_id = excluded.upload_id, loaded_at = excluded.loaded_at,
                                                     loaded_by = excluded.loaded_by""")) {
                ps.setInt(1, year);
                ps.setLong(2, uploadId);
                ps.setString(3, upload.uploadedAt().toString());
                ps.setString(4, upload.uploadedBy());
                ps.executeUpdate();
            }
            return uploadId;
        });
    }

    public boolean isLoaded(int year) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM budget_load WHERE year = ?")) {
                ps.setInt(1, year);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The year's budget for one unit, or empty if no budget is loaded for the year. */
    public Optional<Map<Key, Amount>> forUnit(int year, UnitCode unit) {
        if (!isLoaded(year)) {
            return Optional.empty();
        }
        return Optional.of(query(year, unit.value()));
    }

    /** The whole year's budget (empty map if none is loaded). */
    public Map<Key, Amount> forYear(int year) {
        return query(year, null);
    }

    private Map<Key, Amount> query(int year, String unit) {
        return db.read(c -> {
            Map<Key, Amount> result = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT unit, template, line, col, amount_kr FROM budget "
                    + "WHERE year = ?" + (unit == null ? "" : " AND unit = ?"))) {
                ps.setInt(1, year);
                if (unit != null) {
                    ps.setString(2, unit);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.put(new Key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                                Amount.ofKronor(rs.getLong(5)));
                    }
                }
            }
            return result;
        });
    }
}
