package se.tertial.spec;

/**
 * Text from outside (user names, file names, paths) made safe to write into a log line or a message: control
 * characters, line breaks and Unicode direction overrides are escaped as {@code \\uXXXX}, so nobody can forge a log
 * line or reverse how one reads; very long values are cut.
 */
public final class LogText {
    static final int MAX = 200;

    private LogText() {}

    public static String safe(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 8);
        for (int i = 0; i < s.length() && out.length() < MAX; i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || c == '\u2028' || c == '\u2029') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (s.length() > MAX) {
            out.append("…(").append(s.length()).append(" tecken)");
        }
        return out.toString();
    }
}
