package se.tertial.workbook;

/**
 * Escaping for the SpreadsheetML tertial writes itself: element text, attribute values and shared-string items
 * (where characters XML 1.0 cannot carry are written as Office's {@code _xHHHH_}, and a literal {@code _xHHHH_} is
 * kept literal by escaping its underscore, ECMA-376 Part 1, 22.9.2.19 ST_Xstring).
 */
final class Xml {
    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private Xml() {}

    /** Element text; a character XML cannot carry becomes U+FFFD. */
    static StringBuilder text(StringBuilder b, String s) {
        return escape(b, s, false);
    }

    /** An attribute value in double quotes; line breaks and tabs kept as character references. */
    static StringBuilder attribute(StringBuilder b, String s) {
        return escape(b, s, true);
    }

    private static StringBuilder escape(StringBuilder b, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"', '\n', '\r', '\t' -> {
                    if (attribute) {
                        b.append("&#").append((int) c).append(';');
                    } else {
                        b.append(c);
                    }
                }
                default -> b.append(allowed(c) ? c : '\uFFFD');
            }
        }
        return b;
    }

    /**
     * A shared string's {@code <t>}, with {@code xml:space="preserve"} only when white space at an end must survive
     * (as Excel and POI write it; line breaks inside a text survive without it).
     */
    static StringBuilder stringItem(StringBuilder b, String s) {
        boolean preserve = !s.isEmpty() && (Character.isWhitespace(s.charAt(0))
                || Character.isWhitespace(s.charAt(s.length() - 1)));
        b.append(preserve ? "<si><t xml:space=\"preserve\">" : "<si><t>");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_' && escapeLike(s, i)) {
                b.append("_x005F_");
            } else if (c == '&') {
                b.append("&amp;");
            } else if (c == '<') {
                b.append("&lt;");
            } else if (c == '>') {
                b.append("&gt;");
            } else if (allowed(c)) {
                b.append(c);
            } else {
                b.append("_x").append(String.format("%04X", (int) c)).append('_');
            }
        }
        return b.append("</t></si>");
    }

    /** Whether {@code _xHHHH_} starts at i, which a reader would decode. */
    private static boolean escapeLike(String s, int i) {
        if (i + 6 >= s.length() || s.charAt(i + 1) != 'x' || s.charAt(i + 6) != '_') {
            return false;
        }
        for (int k = i + 2; k < i + 6; k++) {
            if (Character.digit(s.charAt(k), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** XML 1.0's characters (surrogates pass in pairs as the string holds them). */
    private static boolean allowed(char c) {
        return c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
    }
}
