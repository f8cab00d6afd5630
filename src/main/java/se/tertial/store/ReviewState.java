package se.tertial.store;

import java.util.Locale;

/**
 * A unit's report for a period in the review round. {@link #SAKNAS}: nothing accepted yet (no stored row);
 * {@link #INLAMNAD}: an accepted version waits for finance; {@link #ATERSAND}: finance returned it and waits for a
 * new version; {@link #GODKAND}: finance approved a version, no new one is taken; {@link #ATEROPPNAD}: an approval
 * reopened, a new version may come.
 */
public enum ReviewState {
    SAKNAS("saknas"), INLAMNAD("inlämnad"), ATERSAND("återsänd"), GODKAND("godkänd"), ATEROPPNAD("återöppnad");

    private final String swedish;

    ReviewState(String swedish) {
        this.swedish = swedish;
    }

    /** As shown to people: "återsänd". */
    public String swedish() {
        return swedish;
    }

    /** As stored and in JSON: "atersand". */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReviewState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
