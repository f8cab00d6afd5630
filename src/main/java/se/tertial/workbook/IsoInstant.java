package se.tertial.workbook;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * Reads the one date shape every tertial workbook carries twice (its metadata's generation time and, as the
 * tertial writer, openpyxl and Excel save it, the package's W3CDTF dates): {@code 2026-12-02T12:25:04Z}, with or
 * without a fraction of a second. Read by hand because java.time's general parser was a sixth of a bulk load's
 * identification pass (and more compiled code for a cold JVM); anything of another shape, or out of range, is left
 * to the general parser, so the results and the exceptions are exactly {@link Instant#parse}'s.
 */
final class IsoInstant {
    private IsoInstant() {}

    /** {@link Instant#parse}, quicker for {@code yyyy-MM-ddTHH:mm:ss[.f…]Z}. */
    static Instant parse(String s) {
        Instant quick = quick(s);
        return quick != null ? quick : Instant.parse(s);
    }

    /** The instant when {@code s} has exactly the common shape and valid fields; otherwise null. */
    static Instant quick(String s) {
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-'
                || s.charAt(10) != 'T' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            // a fraction: '.' and 1-9 digits before the Z
            if (s.charAt(19) != '.' || n - 21 < 1 || n - 21 > 9) {
                return null;
            }
            int f = digits(s, 20, n - 1);
            if (f < 0) {
                return null;
            }
            nanos = f;
            for (int i = n - 21; i < 9; i++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            int secondOfDay = LocalTime.of(hour, minute, second).toSecondOfDay();
            return Instant.ofEpochSecond(epochDay * 86_400L + secondOfDay, nanos);
        } catch (DateTimeException e) {
            return null; // February 30th and the like: the general parser says why
        }
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character there is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
