package se.tertial.spec;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One audience's texts: a UTF-8 {@code .properties} file of {@link MessageFormat} patterns under
 * {@code src/main/resources/texts/}, read once. Arguments are put in as text ({@code String.valueOf}), never
 * formatted as numbers by the pattern: amounts are formatted before, in Swedish, by {@link CommonText}.
 */
final class TextBundle {
    private static final ResourceBundle.Control PROPERTIES_ONLY = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);
    private final ResourceBundle bundle;
    /** Texts without arguments, formatted once (constants, headings, rule names). */
    private final Map<String, String> plain = new ConcurrentHashMap<>();

    private TextBundle(ResourceBundle bundle) {
        this.bundle = bundle;
    }

    /** @param name the bundle's path without {@code .properties}, e.g. {@code texts/finding} */
    static TextBundle of(String name) {
        return new TextBundle(ResourceBundle.getBundle(name, Locale.ROOT, PROPERTIES_ONLY));
    }

    /** The text of a key without arguments; a missing key throws. */
    String text(String key) {
        return plain.computeIfAbsent(key, k -> format(k));
    }

    /** The text of a key, or {@code fallback} when the bundle has no such key (a code no text names). */
    String textOr(String key, String fallback) {
        return bundle.containsKey(key) ? text(key) : fallback;
    }

    /** A list written as "a | b | c". */
    List<String> list(String key) {
        return Arrays.stream(text(key).split("\\|", -1)).map(String::strip).toList();
    }

    String format(String key, Object... args) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(bundle.getString(key), Locale.ROOT).format(texts);
    }

    Set<String> keys() {
        return bundle.keySet();
    }
}
