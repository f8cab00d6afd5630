package se.tertial.store;

import se.tertial.spec.PeriodCode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Periods: create, find, list, lock and unlock. */
public final class PeriodRepository {
    private final Database db;

    public PeriodRepository(Database db) {
        this.db = db;
    }

    /** Creates an open period; returns empty if it already exists (nothing is changed then). */
    public Optional<Period> create(PeriodCode code, LocalDate deadline, Instant now) {
        return db.write(c -> create(c, code, deadline, now));
    }

    /** As {@link #create(PeriodCode, LocalDate, Instant)}, inside the caller's write transaction. */
    static Optional<Period> create(Connection c, PeriodCode code, LocalDate deadline, Instant now) throws SQLException {
        if (find(c, code).isPresent()) {
            return Optional.empty();
        }
        insert(c, code, deadline, now);
        return Optional.of(new Period(code, deadline, PeriodState.OPEN, now));
    }

    /** Inserts an open period the caller knows is missing (inside its write transaction). */
    static void insert(Connection c, PeriodCode code, LocalDate deadline, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO period (code, deadline, state, created_at) VALUES (?, ?, 'open', ?)")) {
            ps.setString(1, code.toString());
            ps.setString(2, deadline.toString());
            ps.setString(3, now.toString());
            ps.executeUpdate();
        }
    }

    public Optional<Period> find(PeriodCode code) {
        return db.read(c -> find(c, code));
    }

    /** All periods, newest first. */
    public List<Period> list() {
        return db.read(c -> {
            List<Period> result = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT code, deadline, state, created_at FROM period ORDER BY code DESC");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(map(rs));
                }
            }
            return result;
        });
    }

    /** Sets the state; returns false if the period does not exist. */
    public boolean setState(PeriodCode code, PeriodState state) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE period SET state = ? WHERE code = ?")) {
                ps.setString(1, state.dbValue());
                ps.setString(2, code.toString());
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Moves the deadline; returns false if the period does not exist. */
    public boolean setDeadline(PeriodCode code, LocalDate deadline) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE period SET deadline = ? WHERE code = ?")) {
                ps.setString(1, deadline.toString());
                ps.setString(2, code.toString());
                return ps.executeUpdate() == 1;
            }
        });
    }

    static Optional<Period> find(Connection c, PeriodCode code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, deadline, state, created_at FROM period WHERE code = ?")) {
            ps.setString(1, code.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(map(rs)) : Optional.empty();
            }
        }
    }

    private static Period map(ResultSet rs) throws SQLException {
        return new Period(PeriodCode.parse(rs.getString(1)), LocalDate.parse(rs.getString(2)),
                PeriodState.fromDb(rs.getString(3)), Instant.parse(rs.getString(4)));
    }

    /** A version for a period that was locked after its upload was checked: nothing of it is stored. */
    public static final class Locked extends RuntimeException {
        public Locked() {
            super("the period is locked");
        }
    }
}
