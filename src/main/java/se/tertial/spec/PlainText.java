package se.tertial.spec;

/**
 * Text from outside as tertial keeps it — a message to finance, an uploaded file's name, a name from the sign-in
 * provider: Unicode direction controls (which can make a text read backwards on a page) and other invisible format
 * characters are removed, and so are control characters other than line breaks and tabs in a message.
 */
public final class PlainText {
    private PlainText() {}

    /** A message of several lines: line breaks and tabs stay. */
    public static String message(String s) {
        return clean(s, true);
    }

    /** A name on one line: every control character goes. */
    public static String name(String s) {
        return clean(s, false);
    }

    private static String clean(String s, boolean lines) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean keep = !(Character.getType(c) == Character.FORMAT || c == '\u2028' || c == '\u2029'
                    || (Character.isISOControl(c) && !(lines && (c == '\n' || c == '\r' || c == '\t'))));
            if (keep) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
