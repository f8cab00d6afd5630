package se.tertial.store;

import java.util.Locale;

/**
 * How an upload attempt ended. {@code UNCHANGED}: byte-identical to the current version, so no new version;
 * {@code FORBIDDEN}: the uploader may not upload for the unit.
 */
public enum UploadOutcome {
    ACCEPTED, ACCEPTED_WITH_WARNINGS, REJECTED, UNCHANGED, FORBIDDEN,
    /** Bulk loading only: these exact bytes were loaded before; nothing is recorded again. */
    DUPLICATE;

    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UploadOutcome fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    public boolean isAccepted() {
        return this == ACCEPTED || this == ACCEPTED_WITH_WARNINGS;
    }
}
