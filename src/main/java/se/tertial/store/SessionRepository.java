package se.tertial.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Web sessions: the browser holds a random id, the table its SHA-256, the user, a CSRF token and two times. A
 * session ends when it is idle too long, when it is too old, on sign-out, on a password change and when its user is
 * deactivated.
 */
public final class SessionRepository {
    /** Last activity is written at most this often, so most page views stay reads. */
    static final Duration TOUCH_RESOLUTION = Duration.ofMinutes(1);
    private final Database db;

    public SessionRepository(Database db) {
        this.db = db;
    }

    /** A live session: whose it is and its CSRF token. */
    public record Session(String idHash, long userId, String csrf, Instant createdAt, Instant lastSeenAt) {}

    /** A new session for the user; returns the id for the cookie (shown nowhere else). */
    public String create(long userId, String csrf, Instant now) {
        String id = Tokens.generate();
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO web_session (id_hash, user_id, csrf, "
                    + "created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, Tokens.hash(id));
                ps.setLong(2, userId);
                ps.setString(3, csrf);
                ps.setString(4, now.toString());
                ps.setString(5, now.toString());
                return ps.executeUpdate();
            }
        });
        return id;
    }

    /** The session if it exists, its user is active, and neither timeout has passed; notes the activity. */
    public Optional<Session> find(String id, Instant now, Duration idle, Duration absolute) {
        String hash = Tokens.hash(id);
        Optional<Session> s = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT s.id_hash, s.user_id, s.csrf, s.created_at, "
                    + "s.last_seen_at FROM web_session s JOIN app_user u ON u.id = s.user_id "
                    + "WHERE s.id_hash = ? AND u.active = 1")) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Session(rs.getString(1), rs.getLong(2), rs.getString(3),
                            Instant.parse(rs.getString(4)), Instant.parse(rs.getString(5)))) : Optional.<Session>empty();
                }
            }
        });
        if (s.isEmpty()) {
            return s;
        }
        if (s.get().lastSeenAt().plus(idle).isBefore(now) || s.get().createdAt().plus(absolute).isBefore(now)) {
            delete(id);
            return Optional.empty();
        }
        if (s.get().lastSeenAt().plus(TOUCH_RESOLUTION).isBefore(now)) {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE web_session SET last_seen_at = ? WHERE id_hash = ?")) {
                    ps.setString(1, now.toString());
                    ps.setString(2, hash);
                    return ps.executeUpdate();
                }
            });
        }
        return s;
    }

    public void delete(String id) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE id_hash = ?")) {
                ps.setString(1, Tokens.hash(id));
                return ps.executeUpdate();
            }
        });
    }

    static void deleteAll(Connection c, long userId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM web_session WHERE user_id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
        }
    }
}
