package se.tertial.store;

import se.tertial.spec.UnitCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Users and their API keys. A user may have several keys, each with a name, a creation and a last-use time; a key
 * is returned once, when it is made, and only its SHA-256 is stored. A revoked key stops working at once.
 */
public final class UserRepository {
    static final String FIRST_KEY = "första nyckeln";
    /** Last use is recorded at most this often per key, so authenticating stays a read. */
    static final Duration LAST_USE_RESOLUTION = Duration.ofMinutes(1);
    static final String Q_BY_TOKEN = "SELECT k.id, u.name, k.last_used_at, k.name FROM api_key k "
            + "JOIN app_user u ON u.id = k.user_id WHERE k.token_hash = ? AND k.revoked_at IS NULL AND u.active = 1";
    private final Database db;

    public UserRepository(Database db) {
        this.db = db;
    }

    /** A user just created, with the key to hand over once. */
    public record Created(User user, String token) {}

    /** A key just made, with its id and the token to hand over once. */
    public record NewKey(long id, String token) {}

    /** Creates a user with a first key; empty if the name is taken. */
    public Optional<Created> add(String name, UserRole role, Set<UnitCode> units, Instant now) {
        return db.write(c -> add(c, name, role, units, now, true));
    }

    /**
     * Creates a user without any key (the pages: people sign in with a password; a key is made only when the
     * administrator asks for one); the token of the result is null. Empty if the name is taken.
     */
    public Optional<User> addWithoutKey(String name, UserRole role, Set<UnitCode> units, Instant now) {
        return db.write(c -> add(c, name, role, units, now, false)).map(Created::user);
    }

    /** Replaces a user's role and units in one transaction. */
    public void setRoleAndUnits(User user, UserRole role, Set<UnitCode> units) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET role = ? WHERE id = ?")) {
                ps.setString(1, role.dbValue());
                ps.setLong(2, user.id());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM user_unit WHERE user_id = ?")) {
                ps.setLong(1, user.id());
                ps.executeUpdate();
            }
            insertUnits(c, user.id(), units);
            return null;
        });
    }

    /**
     * Creates an administrator when there is no active one (the first start, or after `user add` made only others):
     * named {@code name}, or {@code name-2}, {@code name-3} … when that name is taken; empty when an active
     * administrator exists.
     */
    public Optional<Created> bootstrapAdmin(String name, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM app_user WHERE role = 'admin' AND active = 1");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return Optional.empty();
                }
            }
            for (int i = 1; i < 1000; i++) {
                Optional<Created> made = add(c, i == 1 ? name : name + "-" + i, UserRole.ADMIN, Set.of(), now, true);
                if (made.isPresent()) {
                    return made;
                }
            }
            throw new IllegalStateException("no free name for the administrator");
        });
    }

    /** A user and the name of the key they came with. */
    public record KeyUser(User user, String keyName, long keyId) {}

    /** The user a key belongs to, if the key exists and is not revoked; notes when it was last used. */
    public Optional<User> byToken(String token, Instant now) {
        return byTokenWithKey(token, now).map(KeyUser::user);
    }

    /** As {@link #byToken}, with the key's name (for the audit log). */
    public Optional<KeyUser> byTokenWithKey(String token, Instant now) {
        String hash = Tokens.hash(token);
        Optional<Object[]> key = db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(Q_BY_TOKEN)) {
                ps.setString(1, hash);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)}) : Optional.<Object[]>empty();
                }
            }
        });
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String lastUsed = (String) key.get()[2];
        if (lastUsed == null || Instant.parse(lastUsed).plus(LAST_USE_RESOLUTION).isBefore(now)) {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE api_key SET last_used_at = ? WHERE id = ?")) {
                    ps.setString(1, now.toString());
                    ps.setLong(2, (Long) key.get()[0]);
                    return ps.executeUpdate();
                }
            });
        }
        return byName((String) key.get()[1]).map(u -> new KeyUser(u, (String) key.get()[3], (Long) key.get()[0]));
    }

    public Optional<User> byId(long id) {
        return db.read(c -> find(c, "id = ?", id));
    }

    public Optional<User> byName(String name) {
        return db.read(c -> find(c, "name = ?", name));
    }

    public List<User> list() {
        return db.read(c -> {
            List<User> users = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM app_user ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String n : names) {
                find(c, "name = ?", n).ifPresent(users::add);
            }
            return users;
        });
    }

    /** Makes another key for the user. */
    public NewKey addKey(User user, String keyName, Instant now) {
        return db.write(c -> insertKey(c, user.id(), keyName, now));
    }

    /**
     * Rotation: revokes every active key of the user and makes one new key, in one transaction, so there is never a
     * moment with two or with none.
     */
    public NewKey rotate(User user, String keyName, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE api_key SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL")) {
                ps.setString(1, now.toString());
                ps.setLong(2, user.id());
                ps.executeUpdate();
            }
            return insertKey(c, user.id(), keyName, now);
        });
    }

    /** Revokes one of the user's keys; false if the user has no such active key. */
    public boolean revokeKey(User user, long keyId, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE api_key SET revoked_at = ? "
                    + "WHERE id = ? AND user_id = ? AND revoked_at IS NULL")) {
                ps.setString(1, now.toString());
                ps.setLong(2, keyId);
                ps.setLong(3, user.id());
                return ps.executeUpdate() == 1;
            }
        });
    }

    public List<ApiKey> keys(User user) {
        return db.read(c -> {
            List<ApiKey> keys = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name, created_at, last_used_at, revoked_at "
                    + "FROM api_key WHERE user_id = ? ORDER BY id")) {
                ps.setLong(1, user.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        keys.add(new ApiKey(rs.getLong(1), rs.getString(2), Instant.parse(rs.getString(3)),
                                Optional.ofNullable(rs.getString(4)).map(Instant::parse),
                                Optional.ofNullable(rs.getString(5)).map(Instant::parse)));
                    }
                }
            }
            return keys;
        });
    }

    private static NewKey insertKey(Connection c, long userId, String keyName, Instant now) throws SQLException {
        String token = Tokens.generate();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_key (user_id, name, token_hash, created_at) "
                + "VALUES (?, ?, ?, ?)")) {
            ps.setLong(1, userId);
            ps.setString(2, keyName);
            ps.setString(3, Tokens.hash(token));
            ps.setString(4, now.toString());
            ps.executeUpdate(); // steps to completion: an error (a full disk) surfaces here
            return new NewKey(Sql.lastId(c), token);
        }
    }

    static Optional<Created> add(Connection c, String name, UserRole role, Set<UnitCode> units, Instant now,
                                         boolean firstKey) throws SQLException {
        // "ADMIN" beside "admin" would be a look-alike: names are unique without regard to case (an index says so too)
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM app_user WHERE LOWER(name) = LOWER(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.empty();
                }
            }
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_user (name, role, token_hash, created_at) "
                + "VALUES (?, ?, ?, ?)")) {
            ps.setString(1, name);
            ps.setString(2, role.dbValue());
            ps.setString(3, "moved-to-api-key:" + java.util.UUID.randomUUID()); // the column is no longer read
            ps.setString(4, now.toString());
            ps.executeUpdate(); // steps to completion: an error (a full disk) surfaces here
            id = Sql.lastId(c);
        }
        insertUnits(c, id, units);
        String token = firstKey ? insertKey(c, id, FIRST_KEY, now).token() : null;
        return Optional.of(new Created(new User(id, name, role, units, now), token));
    }

    private static void insertUnits(Connection c, long userId, Set<UnitCode> units) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_unit (user_id, unit) VALUES (?, ?)")) {
            for (UnitCode u : units) {
                ps.setLong(1, userId);
                ps.setString(2, u.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static Optional<User> find(Connection c, String where, Object value) throws SQLException {
        long id;
        String name;
        UserRole role;
        Instant created;
        boolean active;
        boolean mustChange;
        String email;
        boolean notify;
        String subject;
        String login;
        String displayName;
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name, role, created_at, active, "
                + "must_change_password, email, notify_submissions, sso_subject, sso_login, display_name FROM app_user WHERE "
                + where)) {
            ps.setObject(1, value); // a Long for the id: PostgreSQL does not compare bigint with text
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
                name = rs.getString(2);
                role = UserRole.parse(rs.getString(3));
                created = Instant.parse(rs.getString(4));
                active = rs.getInt(5) == 1;
                mustChange = rs.getInt(6) == 1;
                email = rs.getString(7);
                notify = rs.getInt(8) == 1;
                subject = rs.getString(9);
                login = rs.getString(10);
                displayName = rs.getString(11);
            }
        }
        Set<UnitCode> units = units(c, "user_unit", id);
        Set<UnitCode> claimed = units(c, "user_claim_unit", id);
        return Optional.of(new User(id, name, role, units, created, active, mustChange, Optional.ofNullable(email),
                notify, new User.Sso(Optional.ofNullable(subject), Optional.ofNullable(login), claimed,
                Optional.ofNullable(displayName))));
    }

    private static Set<UnitCode> units(Connection c, String table, long id) throws SQLException {
        Set<UnitCode> units = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT unit FROM " + table + " WHERE user_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    units.add(UnitCode.of(rs.getString(1)));
                }
            }
        }
        return units;
    }

    /** Sets a user's e-mail address (none: null) and whether they want a notice when a unit submits. */
    public void setEmail(User user, String email, boolean notifySubmissions) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE app_user SET email = ?, notify_submissions = ? WHERE id = ?")) {
                ps.setString(1, email);
                ps.setInt(2, notifySubmissions ? 1 : 0);
                ps.setLong(3, user.id());
                return ps.executeUpdate();
            }
        });
    }

    /** The stored password hash (a PHC string) of an active user; empty for none or an inactive user. */
    public Optional<String> passwordHash(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT password_hash FROM app_user WHERE name = ? AND active = 1 AND password_hash IS NOT NULL")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /**
     * Sets a user's password hash; {@code oneTime}: it must be changed at the next sign-in. Every session of the
     * user ends (a new password means nobody stays signed in with the old one).
     */
    public void setPassword(User user, String hash, boolean oneTime) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE app_user SET password_hash = ?, must_change_password = ? WHERE id = ?")) {
                ps.setString(1, hash);
                ps.setInt(2, oneTime ? 1 : 0);
                ps.setLong(3, user.id());
                ps.executeUpdate();
            }
            SessionRepository.deleteAll(c, user.id());
            return null;
        });
    }

    /** Deactivates or reactivates a user; deactivation ends every session at once (keys stop by the join). */
    public void setActive(User user, boolean active) {
        db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE app_user SET active = ? WHERE id = ?")) {
                ps.setInt(1, active ? 1 : 0);
                ps.setLong(2, user.id());
                ps.executeUpdate();
            }
            if (!active) {
                SessionRepository.deleteAll(c, user.id());
            }
            return null;
        });
    }
}
