package se.tertial.store;

import se.tertial.spec.UnitCode;

import java.time.Instant;
import java.util.Set;

/** A user: a controller is bound to units; finance and admin see every unit. */
public record User(long id, String name, UserRole role, Set<UnitCode> units, Instant createdAt) {
    public User {
        units = Set.copyOf(units);
    }

    /** Whether the user may act for the unit (download its template, upload for it). */
    public boolean mayActFor(UnitCode unit) {
        return role == UserRole.ADMIN || (role == UserRole.CONTROLLER && units.contains(unit));
    }

    public boolean seesAllUnits() {
        return role != UserRole.CONTROLLER;
    }
}
