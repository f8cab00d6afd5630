package se.tertial.store;

import se.tertial.spec.UnitCode;

import java.time.Instant;
import java.util.Set;

/**
 * A user: a controller is bound to units; finance and admin see every unit. A deactivated user can neither sign in
 * nor use a key; one with a one-time password must choose a new one before anything else. The e-mail address
 * receives reminders and notices; a finance user with {@code notifySubmissions} hears when a unit submits.
 */
public record User(long id, String name, UserRole role, Set<UnitCode> units, Instant createdAt, boolean active,
                   boolean mustChangePassword, java.util.Optional<String> email, boolean notifySubmissions) {
    public User {
        units = Set.copyOf(units);
    }

    public User(long id, String name, UserRole role, Set<UnitCode> units, Instant createdAt, boolean active,
                boolean mustChangePassword) {
        this(id, name, role, units, createdAt, active, mustChangePassword, java.util.Optional.empty(), false);
    }

    public User(long id, String name, UserRole role, Set<UnitCode> units, Instant createdAt) {
        this(id, name, role, units, createdAt, true, false);
    }

    /** Whether the user may act for the unit (download its template, upload for it). */
    public boolean mayActFor(UnitCode unit) {
        return role == UserRole.ADMIN || (role == UserRole.CONTROLLER && units.contains(unit));
    }

    /** Whether a page or route naming this unit may be shown to the user: their own units, or all for finance. */
    public boolean mayAddress(String unitCode) {
        return seesAllUnits() || units.stream().anyMatch(u -> u.value().equals(unitCode));
    }

    public boolean seesAllUnits() {
        return role != UserRole.CONTROLLER;
    }
}
