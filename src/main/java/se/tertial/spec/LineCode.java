package se.tertial.spec;

/** A radkod, validated on construction. */
public record LineCode(String value) implements Comparable<LineCode> {
    public LineCode {
        Codes.require("radkod", value);
    }

    public static LineCode of(String value) {
        return new LineCode(value);
    }

    @Override
    public int compareTo(LineCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
