package se.tertial.store;

import java.util.Locale;

/** What a user may do; see the route table in src/site/markdown/api.md. */
public enum UserRole {
    CONTROLLER, FINANCE, ADMIN;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UserRole parse(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
