package se.tertial.spec;

/** A enhetskod, validated on construction. */
public record UnitCode(String value) implements Comparable<UnitCode> {
    public UnitCode {
        Codes.require("enhetskod", value);
    }

    public static UnitCode of(String value) {
        return new UnitCode(value);
    }

    @Override
    public int compareTo(UnitCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
