package se.tertial.store;

/** Open periods accept uploads; finance locks a period when it is closed. */
public enum PeriodState {
    OPEN, LOCKED;

    public String dbValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static PeriodState fromDb(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
