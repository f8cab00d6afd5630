package se.tertial.store;

import se.tertial.spec.UnitCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Users and their tokens; a token is returned once, on creation, and only its hash is stored. */
public final class UserRepository {
    private final Database db;

    public UserRepository(Database db) {
        this.db = db;
    }

    /** A user just created, with the token to hand over once. */
    public record Created(User user, String token) {}

    /** Creates a user; empty if the name is taken. */
    public Optional<Created> add(String name, UserRole role, Set<UnitCode> units, Instant now) {
        return db.write(c -> add(c, name, role, units, now));
    }

    /** Creates the first admin if there are no users at all; empty otherwise. */
    public Optional<Created> bootstrapAdmin(String name, Instant now) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM app_user");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return Optional.empty();
                }
            }
            return add(c, name, UserRole.ADMIN, Set.of(), now);
        });
    }

    public Optional<User> byToken(String token) {
        String hash = Tokens.hash(token);
        return db.read(c -> find(c, "token_hash = ?", hash));
    }

    public Optional<User> byName(String name) {
        return db.read(c -> find(c, "name = ?", name));
    }

    public List<User> list() {
        return db.read(c -> {
            List<User> users = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM app_user ORDER BY name");
                 ResultSet rs = ps.executeQuery()) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
                for (String n : names) {
                    find(c, "name = ?", n).ifPresent(users::add);
                }
            }
            return users;
        });
    }

    private static Optional<Created> add(Connection c, String name, UserRole role, Set<UnitCode> units, Instant now)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM app_user WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.empty();
                }
            }
        }
        String token = Tokens.generate();
        long id;
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO app_user (name, role, token_hash, created_at) VALUES (?, ?, ?, ?) RETURNING id")) {
            ps.setString(1, name);
            ps.setString(2, role.dbValue());
            ps.setString(3, Tokens.hash(token));
            ps.setString(4, now.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO user_unit (user_id, unit) VALUES (?, ?)")) {
            for (UnitCode u : units) {
                ps.setLong(1, id);
                ps.setString(2, u.value());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return Optional.of(new Created(new User(id, name, role, units, now), token));
    }

    private static Optional<User> find(Connection c, String where, String value) throws SQLException {
        long id;
        String name;
        UserRole role;
        Instant created;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, name, role, created_at FROM app_user WHERE " + where)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                id = rs.getLong(1);
                name = rs.getString(2);
                role = UserRole.parse(rs.getString(3));
                created = Instant.parse(rs.getString(4));
            }
        }
        Set<UnitCode> units = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT unit FROM user_unit WHERE user_id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    units.add(UnitCode.of(rs.getString(1)));
                }
            }
        }
        return Optional.of(new User(id, name, role, units, created));
    }
}
