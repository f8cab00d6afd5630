package se.tertial.store;

import se.tertial.spec.FactKey;
import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.LineCode;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.UnitCode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Accepted submissions and their facts. */
public final class SubmissionRepository {
    private final Database db;

    public SubmissionRepository(Database db) {
        this.db = db;
    }

    /** The facts of the unit's current accepted version for the period, if it has one. */
    public Optional<StoredFacts> currentFacts(UnitCode unit, PeriodCode period) {
        return db.read(c -> {
            long id;
            int version;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, version FROM submission WHERE unit = ? AND period = ? AND is_current = 1")) {
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
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT template, line, col, amount_kr FROM fact WHERE submission_id = ?")) {
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
