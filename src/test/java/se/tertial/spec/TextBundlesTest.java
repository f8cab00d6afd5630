package se.tertial.spec;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every user-facing text lives in one bundle per audience with a typed accessor: each key a class asks for exists,
 * each key of a bundle is asked for, each call gives exactly the arguments its pattern has, and every pattern formats.
 */
class TextBundlesTest {
    private static final Path DIR = Path.of("src/main/java/se/tertial/spec");
    /** accessor class → its bundle */
    private static final Map<String, String> AUDIENCES = Map.of("CommonText", "texts/common", "WorkbookText",
            "texts/workbook", "ReportText", "texts/report", "FindingText", "texts/finding", "PageText", "texts/page",
            "ApiText", "texts/api", "CliText", "texts/cli", "MailText", "texts/mail");
    /** The accessor's calls, and {@code row(key, text)}: a labelled row of an Instruktioner sheet. */
    private static final Pattern CALL = Pattern.compile("\\bT\\.(text|textOr|format|list)\\(|\\b(row)\\(\"");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** One use of a key (or of every key under a prefix) with the number of arguments given. */
    private record Use(String key, boolean prefix, int args) {}

    @Test
    void everyKeyExistsIsUsedAndHasItsArguments() throws IOException {
        List<String> problems = new ArrayList<>();
        int keys = 0;
        for (var audience : AUDIENCES.entrySet()) {
            TextBundle bundle = TextBundle.of(audience.getValue());
            String source = Files.readString(DIR.resolve(audience.getKey() + ".java"));
            List<Use> uses = uses(source);
            Set<String> unused = new TreeSet<>(bundle.keys());
            keys += unused.size();
            for (Use u : uses) {
                List<String> matching = bundle.keys().stream()
                        .filter(k -> u.prefix() ? k.startsWith(u.key()) : k.equals(u.key())).toList();
                if (matching.isEmpty()) {
                    problems.add(audience.getKey() + " asks for " + u.key() + ", which " + audience.getValue()
                            + " lacks");
                }
                for (String k : matching) {
                    unused.remove(k);
                    int placeholders = placeholders(bundle, k);
                    if (u.args() >= 0 && placeholders != u.args()) {
                        problems.add(audience.getKey() + ": " + k + " has " + placeholders + " placeholders but is given "
                                + u.args() + " arguments");
                    }
                }
            }
            unused.forEach(k -> problems.add(audience.getValue() + ": " + k + " is never used"));
        }
        assertEquals(List.of(), problems);
        assertTrue(keys > 350, "every text is in a bundle: " + keys);
    }

    @Test
    void everyPatternFormatsWithSampleArgumentsAndLeavesNoPlaceholder() {
        for (String name : AUDIENCES.values()) {
            TextBundle bundle = TextBundle.of(name);
            for (String key : bundle.keys()) {
                Object[] sample = {"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11"};
                String text = bundle.format(key, sample);
                assertTrue(!text.matches("(?s).*\\{\\d+}.*") && !text.isBlank() || key.equals("groupSum"),
                        name + ": " + key + " → " + text);
                assertTrue(!text.contains("''"), name + ": " + key + " shows a doubled quote: " + text);
            }
        }
    }

    /** The highest placeholder index plus one; every index below it must be there too. */
    private static int placeholders(TextBundle bundle, String key) {
        String pattern = bundle.keys().contains(key) ? rawPattern(bundle, key) : "";
        MessageFormat f = new MessageFormat(pattern);
        int n = f.getFormatsByArgumentIndex().length;
        for (int i = 0; i < n; i++) {
            if (!pattern.contains("{" + i + "}")) {
                return -1;
            }
        }
        return n;
    }

    private static String rawPattern(TextBundle bundle, String key) {
        return java.util.ResourceBundle.getBundle(bundleName(bundle), java.util.Locale.ROOT,
                java.util.ResourceBundle.Control.getNoFallbackControl(
                        java.util.ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
    }

    private static String bundleName(TextBundle bundle) {
        for (String name : AUDIENCES.values()) {
            if (TextBundle.of(name).keys().equals(bundle.keys())) {
                return name;
            }
        }
        throw new IllegalStateException();
    }

    /** Every T.text/textOr/format/list call of a source: its key literals (or prefixes) and argument count. */
    private static List<Use> uses(String source) {
        List<Use> uses = new ArrayList<>();
        Matcher m = CALL.matcher(source);
        while (m.find()) {
            int open = m.group(2) != null ? m.end() - 1 : m.end();
            List<String> args = arguments(source, open);
            String first = args.get(0);
            int count = "format".equals(m.group(1)) ? args.size() - 1 : 0;
            boolean prefix = first.matches("(?s)\\s*\"[^\"]*\"\\s*\\+.*");
            Matcher lit = LITERAL.matcher(first);
            while (lit.find()) {
                uses.add(new Use(lit.group(1), prefix, count));
            }
        }
        return uses;
    }

    /** The top-level arguments of a call whose '(' ends at {@code from}. */
    private static List<String> arguments(String s, int from) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (s.charAt(j) != '"') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                cur.append(s, i, j + 1);
                i = j;
                continue;
            }
            if (c == '\'') {
                int j = i + 1;
                while (s.charAt(j) != '\'') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                cur.append(s, i, j + 1);
                i = j;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    args.add(cur.toString());
                    return args;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                args.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        throw new IllegalStateException("unclosed call");
    }
}
