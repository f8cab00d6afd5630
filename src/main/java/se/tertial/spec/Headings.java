package se.tertial.spec;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the period-dependent column headings of the specs, e.g. {@code "Utfall {months} {year}"} →
 * {@code "Utfall jan–aug 2022"}. Placeholders: {@code {months} {year} {prevYear} {periodEnd} {tertial}}.
 */
public final class Headings {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private Headings() {}

    public static String render(String template, PeriodCode period) {
        Map<String, String> values = Map.of(
                "months", period.monthRange(),
                "year", Integer.toString(period.year()),
                "prevYear", Integer.toString(period.year() - 1),
                "periodEnd", period.endDate().toString(),
                "tertial", "Tertial " + period.tertial());
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(CliText.unknownPlaceholder(m.group(1), template));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A heading for every period at once, as a feed names a column across periods: "Utfall {months} {year}" →
     * "Utfall", "Bokslut {prevYear}" → "Bokslut föregående år".
     */
    public static String generic(String template) {
        return template.replace("{prevYear}", CommonText.PREVIOUS_YEAR).replaceAll("\\{[a-zA-Z]+}", "")
                .replaceAll("\\s+", " ").strip();
    }

    /** True if every placeholder in the text is known; used when a spec is loaded. */
    public static boolean isValid(String template) {
        try {
            render(template, new PeriodCode(2000, 1));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
