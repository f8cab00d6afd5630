package se.tertial.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;

/** Failed sign-ins per key (an account or a client address), kept in the database like the sessions. */
public final class LoginThrottleRepository {
    private final Database db;

    public LoginThrottleRepository(Database db) {
        this.db = db;
    }

    /** The failures so far, the last one's time and a lock's end, if any. */
    public record Failures(int count, Instant last, Optional<Instant> lockedUntil) {}

    public Optional<Failures> get(String key) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Failures(rs.getInt(1), Instant.parse(rs.getString(2)),
                            Optional.ofNullable(rs.getString(3)).map(Instant::parse))) : Optional.<Failures>empty();
                }
            }
        });
    }

    /** Counts one more failure; {@code lockAt} failures lock the key until {@code lockedUntil}. Returns the count. */
    public int fail(String key, Instant now, int lockAt, Instant lockedUntil) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO login_throttle (key, failures, last_failure_at) VALUES (?, 1, ?)
                    ON CONFLICT (key) DO UPDATE SET failures = login_throttle.failures + 1, last_failure_at = excluded.last_failure_at
                    """)) {
                ps.setString(1, key);
                ps.setString(2, now.toString());
                ps.executeUpdate();
            }
            int count;
            try (PreparedStatement ps = c.prepareStatement("SELECT failures FROM login_throttle WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getInt(1);
                }
            }
            if (count >= lockAt) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE login_throttle SET locked_until = ? WHERE key = ?")) {
                    ps.setString(1, lockedUntil.toString());
                    ps.setString(2, key);
                    ps.executeUpdate();
                }
            }
            return count;
        });
    }

    public void clear(String key) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_throttle WHERE key = ?")) {
                ps.setString(1, key);
                return ps.executeUpdate();
            }
        });
    }
}
