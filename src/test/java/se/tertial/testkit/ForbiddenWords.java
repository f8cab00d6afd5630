package se.tertial.testkit;

import se.tertial.ingest.Rules;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person must never read on a page or in a workbook: the codes of outcomes, roles and rules (JSON keeps
 * them, people get words), API routes, error numbers instead of words, and English words of a user interface.
 */
public final class ForbiddenWords {
    private ForbiddenWords() {}

    private static final List<String> OUTCOMES_AND_ROLES = List.of("accepted", "accepted_with_warnings", "rejected",
            "forbidden", "unchanged", "duplicate", "missing", "finance", "submitted", "approved", "returned",
            "reopened", "locked");
    private static final List<String> PHRASES = List.of("POST /api", "GET /api", "/api/", "Fel 4", "Fel 5",
            "Not Found", "Bad Request", "Internal Server Error", "Unauthorized", "Forbidden", "Exception", "Error",
            "Warning", "Submit", "null", "undefined", "NaN");
    private static final Pattern PATTERN = build();

    /** Every rule code of the ingest: a person gets the rule's words. */
    public static List<String> ruleCodes() {
        List<String> codes = new ArrayList<>();
        for (Field f : Rules.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    codes.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return codes;
    }

    private static Pattern build() {
        Set<String> words = new LinkedHashSet<>(OUTCOMES_AND_ROLES);
        words.addAll(ruleCodes());
        words.addAll(PHRASES);
        StringBuilder re = new StringBuilder();
        for (String w : words) {
            if (!re.isEmpty()) {
                re.append('|');
            }
            re.append(Pattern.quote(w));
        }
        // Whole words and codes only: "accepted" but not "unaccepted"; "Fel 4" also as the start of "Fel 404".
        return Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + re + ")(?![\\p{L}_])");
    }

    /** The forbidden tokens in a text, each with a little of what surrounds it. */
    public static List<String> find(String text) {
        List<String> hits = new ArrayList<>();
        Matcher m = PATTERN.matcher(text);
        while (m.find() && hits.size() < 20) {
            int from = Math.max(0, m.start() - 30);
            int to = Math.min(text.length(), m.end() + 30);
            hits.add(m.group() + " in …" + text.substring(from, to).replace('\n', ' ') + "…");
        }
        return hits;
    }
}
