package se.tertial.store;

import se.tertial.spec.PeriodCode;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** Which reminders were sent to whom, so none is sent twice, also across restarts. */
public final class ReminderRepository {
    private final Database db;

    public ReminderRepository(Database db) {
        this.db = db;
    }

    /** Runs a round of reminders unless another instance on this store is running one now (then empty). */
    public <T> java.util.Optional<T> exclusively(java.util.function.Supplier<T> round) {
        return db.onceAcrossInstances(round);
    }

    /** The units this person has had this reminder for, for this period. */
    public Set<String> sent(PeriodCode period, String kind, long userId) {
        return db.read(c -> {
            Set<String> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT unit FROM reminder_sent WHERE period = ? AND kind = ? AND user_id = ?")) {
                ps.setString(1, period.toString());
                ps.setString(2, kind);
                ps.setLong(3, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** Notes that the person got the reminder for these units (a unit already noted is left as it was). */
    public void record(PeriodCode period, String kind, long userId, Collection<String> units, Instant at) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminder_sent (period, unit, kind, user_id, "
                    + "sent_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (String unit : units) {
                    ps.setString(1, period.toString());
                    ps.setString(2, unit);
                    ps.setString(3, kind);
                    ps.setLong(4, userId);
                    ps.setString(5, at.toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }
}
