package se.tertial.ingest;

import java.util.Locale;

/** The verdict on an upload. */
public enum Outcome {
    ACCEPTED, ACCEPTED_WITH_WARNINGS, REJECTED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Outcome fromJson(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
