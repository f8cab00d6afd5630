package se.tertial.spec;

import java.util.regex.Pattern;

/** Shared validation for the short codes used throughout the specs. */
final class Codes {
    /** Upper-case letters (including Å, Ä, Ö), digits, underscore and hyphen. */
    static final Pattern CODE = Pattern.compile("[A-ZÅÄÖ0-9][A-ZÅÄÖ0-9_-]{0,39}");

    private Codes() {}

    static String require(String kind, String value) {
        if (!isCode(value)) {
            throw new IllegalArgumentException(ApiText.invalidCode(kind, value));
        }
        return value;
    }

    /** {@link #CODE} by hand: codes are made for every fact read from the store, and a regex each was measurable. */
    static boolean isCode(String value) {
        if (value == null || value.isEmpty() || value.length() > 40) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == 'Å' || c == 'Ä' || c == 'Ö'
                    || (i > 0 && (c == '_' || c == '-'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
