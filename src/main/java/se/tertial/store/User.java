package se.tertial.store;

import se.tertial.spec.UnitCode;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A user: a controller is bound to units; finance and admin see every unit. A deactivated user can neither sign in
 * nor use a key; one with a one-time password must choose a new one before anything else. The e-mail address
 * receives reminders and notices; a finance user with {@code notifySubmissions} hears when a unit submits.
 *
 * @param assignedUnits the units the administrator bound the user to
 * @param sso           how the user signs in with the region's account, when they do
 */
public record User(long id, String name, UserRole role, Set<UnitCode> assignedUnits, Instant createdAt,
                   boolean active, boolean mustChangePassword, Optional<String> email, boolean notifySubmissions,
                   Sso sso) {
    /**
     * The user's link to the region's accounts: the stable subject once they signed in that way, the sign-in name
     * the administrator expects them to come with (to link an existing user), the units their groups gave and the
     * name the provider gave at the latest sign-in.
     */
    public record Sso(Optional<String> subject, Optional<String> login, Set<UnitCode> claimUnits,
                      Optional<String> displayName) {
        public static final Sso NONE = new Sso(Optional.empty(), Optional.empty(), Set.of(), Optional.empty());

        public Sso {
            claimUnits = Set.copyOf(claimUnits);
        }
    }

    public User {
        assignedUnits = Set.copyOf(assignedUnits);
    }

    public User(long id, String name, UserRole role, Set<UnitCode> units, Instant createdAt, boolean active,
                boolean mustChangePassword, Optional<String> email, boolean notifySubmissions) {
        this(id, name, role, units, createdAt, active, mustChangePassword, email, notifySubmissions, Sso.NONE);
    }

    public User(long id, String name, UserRole role, Set<UnitCode> units, Instant createdAt, boolean active,
                boolean mustChangePassword) {
        this(id, name, role, units, createdAt, active, mustChangePassword, Optional.empty(), false);
    }

    public User(long id, String name, UserRole role, Set<UnitCode> units, Instant createdAt) {
        this(id, name, role, units, createdAt, true, false);
    }

    /** Every unit the user is bound to: those the administrator assigned and those their groups give. */
    public Set<UnitCode> units() {
        if (sso.claimUnits().isEmpty()) {
            return assignedUnits;
        }
        Set<UnitCode> all = new HashSet<>(assignedUnits);
        all.addAll(sso.claimUnits());
        return Set.copyOf(all);
    }

    /** Whether the user may act for the unit (download its template, upload for it). */
    public boolean mayActFor(UnitCode unit) {
        return role == UserRole.ADMIN || (role == UserRole.CONTROLLER && units().contains(unit));
    }

    /** Whether a page or route naming this unit may be shown to the user: their own units, or all for finance. */
    public boolean mayAddress(String unitCode) {
        return seesAllUnits() || units().stream().anyMatch(u -> u.value().equals(unitCode));
    }

    public boolean seesAllUnits() {
        return role != UserRole.CONTROLLER;
    }
}
