package se.tertial.store;

import se.tertial.spec.UnitCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-in with the region's accounts, as stored: the sign-ins under way at the provider (each taken once, by any
 * instance), and the users' links to the provider — their stable subject, the units their groups give, and the
 * role their claims give, refreshed at each sign-in.
 */
public final class SsoRepository {
    private final Database db;

    public SsoRepository(Database db) {
        this.db = db;
    }

    /** A sign-in sent to the provider, kept until the browser comes back. */
    public record Pending(String state, String browserHash, String nonce, String verifier, String next,
                          Instant createdAt) {}

    public void begin(Pending p) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO sso_login (state, browser_hash, nonce, "
                    + "verifier, next_path, created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, p.state());
                ps.setString(2, p.browserHash());
                ps.setString(3, p.nonce());
                ps.setString(4, p.verifier());
                ps.setString(5, p.next());
                ps.setString(6, p.createdAt().toString());
                ps.executeUpdate();
            }
            // sign-ins never finished are dropped after a day
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM sso_login WHERE created_at < ?")) {
                ps.setString(1, p.createdAt().minusSeconds(86_400).toString());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Takes the sign-in with this state: returned once, then gone (a replayed state finds nothing). */
    public Optional<Pending> take(String state) {
        return db.write(c -> {
            Optional<Pending> found;
            try (PreparedStatement ps = c.prepareStatement("SELECT state, browser_hash, nonce, verifier, next_path, "
                    + "created_at FROM sso_login WHERE state = ?")) {
                ps.setString(1, state);
                try (ResultSet rs = ps.executeQuery()) {
                    found = rs.next() ? Optional.of(new Pending(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), Instant.parse(rs.getString(6)))) : Optional.empty();
                }
            }
            if (found.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM sso_login WHERE state = ?")) {
                    ps.setString(1, state);
                    if (ps.executeUpdate() != 1) {
                        return Optional.<Pending>empty();
                    }
                }
            }
            return found;
        });
    }

    public Optional<User> bySubject(String subject) {
        return db.read(c -> UserRepository.find(c, "sso_subject = ?", subject));
    }

    /**
     * A user not linked yet whom the administrator expects to come with this sign-in name, or — when
     * {@code email} is given — whose e-mail address it is (both without regard to case).
     */
    public Optional<User> unlinked(String login, String email) {
        return db.read(c -> {
            if (login != null) {
                Optional<User> u = UserRepository.find(c, "sso_subject IS NULL AND LOWER(sso_login) = ?",
                        login.toLowerCase(Locale.ROOT));
                if (u.isPresent()) {
                    return u;
                }
            }
            return email == null ? Optional.<User>empty() : UserRepository.find(c,
                    "sso_subject IS NULL AND LOWER(email) = ?", email.toLowerCase(Locale.ROOT));
        });
    }

    /**
     * Links a user to the subject and sets what the claims give: the role, and the units of their groups (those
     * the administrator assigned stay). Every earlier session of the user stays valid.
     */
    public User apply(User user, String subject, UserRole role, Set<UnitCode> claimUnits, String displayName,
                      String email) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET sso_subject = ?, role = ?, "
                    + "display_name = ?, email = COALESCE(?, email) WHERE id = ?")) {
                ps.setString(1, subject);
                ps.setString(2, role.dbValue());
                ps.setString(3, displayName);
                ps.setString(4, email);
                ps.setLong(5, user.id());
                ps.executeUpdate();
            }
            replaceClaimUnits(c, user.id(), claimUnits);
            return UserRepository.find(c, "id = ?", user.id()).orElseThrow();
        });
    }

    /** A person new to tertial, made at their first sign-in: no password, no key. Empty if the name is taken. */
    public Optional<User> create(String name, String subject, UserRole role, Set<UnitCode> claimUnits, String email,
                                 String displayName, Instant now) {
        return db.write(c -> {
            Optional<UserRepository.Created> made = UserRepository.add(c, name, role, Set.of(), now, false);
            if (made.isEmpty()) {
                return Optional.<User>empty();
            }
            long id = made.get().user().id();
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET sso_subject = ?, email = ?, "
                    + "display_name = ? WHERE id = ?")) {
                ps.setString(1, subject);
                ps.setString(2, email);
                ps.setString(3, displayName);
                ps.setLong(4, id);
                ps.executeUpdate();
            }
            replaceClaimUnits(c, id, claimUnits);
            return UserRepository.find(c, "id = ?", id);
        });
    }

    /** The sign-in name the administrator expects a user to come with (null: none). */
    public void setLogin(User user, String login) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET sso_login = ? WHERE id = ?")) {
                ps.setString(1, login);
                ps.setLong(2, user.id());
                return ps.executeUpdate();
            }
        });
    }

    private static void replaceClaimUnits(Connection c, long userId, Set<UnitCode> units) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_claim_unit WHERE user_id = ?")) {
            ps.setLong(1, userId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_claim_unit (user_id, unit) VALUES (?, ?)")) {
            for (UnitCode u : units) {
                ps.setLong(1, userId);
                ps.setString(2, u.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
