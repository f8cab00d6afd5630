package se.tertial.spec;

import java.util.regex.Pattern;

/** Shared validation for the short codes used throughout the specs. */
final class Codes {
    /** Upper-case letters (including Å, Ä, Ö), digits, underscore and hyphen. */
    static final Pattern CODE = Pattern.compile("[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9_-]{0,39}");

    private Codes() {}

    static String require(String kind, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw new IllegalArgumentException(Messages.invalidCode(kind, value));
        }
        return value;
    }
}
