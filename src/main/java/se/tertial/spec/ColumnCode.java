package se.tertial.spec;

/** A kolumnkod, validated on construction. */
public record ColumnCode(String value) implements Comparable<ColumnCode> {
    public ColumnCode {
        Codes.require("kolumnkod", value);
    }

    public static ColumnCode of(String value) {
        return new ColumnCode(value);
    }

    @Override
    public int compareTo(ColumnCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
