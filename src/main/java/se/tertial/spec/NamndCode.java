package se.tertial.spec;

/** A nämndkod, validated on construction. */
public record NamndCode(String value) implements Comparable<NamndCode> {
    public NamndCode {
        Codes.require("nämndkod", value);
    }

    public static NamndCode of(String value) {
        return new NamndCode(value);
    }

    @Override
    public int compareTo(NamndCode other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
