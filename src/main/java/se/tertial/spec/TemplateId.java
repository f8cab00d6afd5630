package se.tertial.spec;

import java.util.regex.Pattern;

/** A template's id, e.g. {@code resultat}: lower-case, used in file names and metadata. */
public record TemplateId(String value) implements Comparable<TemplateId> {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    public TemplateId {
        if (value == null || !ID.matcher(value).matches()) {
            throw new IllegalArgumentException(ApiText.invalidCode("mall-id", value));
        }
    }

    public static TemplateId of(String value) {
        return new TemplateId(value);
    }

    @Override
    public int compareTo(TemplateId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
