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

    /**
     * Takes an attempt's slot before the password is checked, so that simultaneous attempts cannot all slip past a
     * limit read before any of them was counted: in one write transaction (the key's row locked) the failures so far
     * are read and {@code wait} says how many seconds the key must still wait; when none, the attempt is counted at
     * once as a failure — {@link #clear} takes it back when the password was right — and {@code lockAt} failures lock
     * the key until {@code lockedUntil}. Returns the seconds to wait (0: the slot is taken, check the password).
     */
    public long reserve(String key, Instant now, java.util.function.Function<Optional<Failures>, Long> wait,
                        int lockAt, Instant lockedUntil) {
        String forUpdate = db.dialect() == Database.Dialect.POSTGRESQL ? " FOR UPDATE" : "";
        return db.write(c -> {
            Optional<Failures> before;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT failures, last_failure_at, locked_until FROM login_throttle WHERE key = ?" + forUpdate)) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    before = rs.next() ? Optional.of(new Failures(rs.getInt(1), Instant.parse(rs.getString(2)),
                            Optional.ofNullable(rs.getString(3)).map(Instant::parse))) : Optional.empty();
                }
            }
            long seconds = wait.apply(before);
            if (seconds > 0) {
                return seconds;
            }
            if (before.isPresent() && before.get().lockedUntil().isPresent()) {
                // a lock that has run out: count from the start again
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM login_throttle WHERE key = ?")) {
                    ps.setString(1, key);
                    ps.executeUpdate();
                }
            }
            count(c, key, now, lockAt, lockedUntil);
            return 0L;
        });
    }

    /** Counts one more failure; {@code lockAt} failures lock the key until {@code lockedUntil}. Returns the count. */
    private static int count(java.sql.Connection c, String key, Instant now, int lockAt, Instant lockedUntil)
            throws java.sql.SQLException {
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
