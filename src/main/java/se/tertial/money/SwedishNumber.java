package se.tertial.money;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Numbers typed as text the Swedish way: "1 234,5", "−12" (U+2212), "12 345" with ordinary, no-break (U+00A0),
 * narrow no-break (U+202F) or thin (U+2009) spaces between thousands, a decimal comma (or point), an optional sign.
 * Anything else is not a number: "12 34", "1.234,5", "12 tkr", "".
 */
public final class SwedishNumber {
    private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}( \\d{3})+([.,]\\d+)?");
    private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+([.,]\\d+)?");

    private SwedishNumber() {}

    public static Optional<BigDecimal> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip()
                .replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2009', ' ')
                .replace('\u2212', '-').replace('\u2013', '-')
                .strip();
        if (!(GROUPED.matcher(s).matches() || PLAIN.matcher(s).matches())) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(s.replace(" ", "").replace(',', '.').replaceFirst("^\\+", "")));
    }
}
