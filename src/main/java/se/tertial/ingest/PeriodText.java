package se.tertial.ingest;

import se.tertial.spec.PeriodCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period as people write it in hand-made workbooks: "jan–aug 2019", "januari–augusti 2019",
 * "aug 2019", "Bokslut 2018", "Tertial 2 2021", "T2 2021", "2021-T2". Tertial periods are cumulative from January, so
 * a range must start in January and end in April, August or December; a quarter ("Q1-2019") or a range such as
 * "maj–aug" is recognised and refused with its reason rather than guessed at.
 */
final class PeriodText {
    /** The period, or why the text names none. */
    record Parsed(Optional<PeriodCode> period, Optional<String> refusal) {
        static Parsed of(PeriodCode p) {
            return new Parsed(Optional.of(p), Optional.empty());
        }

        static Parsed refused(String why) {
            return new Parsed(Optional.empty(), Optional.of(why));
        }
    }

    private static final Pattern YEAR = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)(?!\\d)");
    private static final Pattern CODE = Pattern.compile("(?<!\\d)((?:19|20)\\d\\d)\\s*-?\\s*t\\s*([1-3])(?!\\d)");
    private static final Pattern TERTIAL = Pattern.compile("(?<![a-zåäö])(?:tertial|t)\\s*-?\\s*([1-3])(?!\\d)");
    private static final Pattern QUARTER = Pattern.compile("(?<![a-zåäö])(?:q|kvartal)\\s*-?\\s*([1-4])(?!\\d)");
    private static final Pattern YEAR_END = Pattern.compile("(?<![a-zåäö])(?:bokslut|årsbokslut|helår|helåret)"
            + "(?![a-zåäö])");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("januari", 1), Map.entry("jan", 1),
            Map.entry("februari", 2), Map.entry("feb", 2), Map.entry("mars", 3), Map.entry("mar", 3),
            Map.entry("april", 4), Map.entry("apr", 4), Map.entry("maj", 5), Map.entry("juni", 6),
            Map.entry("jun", 6), Map.entry("juli", 7), Map.entry("jul", 7), Map.entry("augusti", 8),
            Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9),
            Map.entry("oktober", 10), Map.entry("okt", 10), Map.entry("november", 11), Map.entry("nov", 11),
            Map.entry("december", 12), Map.entry("dec", 12));
    private static final Pattern MONTH = Pattern.compile("(?<![a-zåäö])(januari|februari|mars|april|maj|juni|juli"
            + "|augusti|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec)"
            + "\\.?(?![a-zåäö])");

    private PeriodText() {}

    static Parsed parse(String raw) {
        String text = raw.toLowerCase(new Locale("sv", "SE")).replace('\u00A0', ' ').replace('\u2013', '-')
                .replace('\u2014', '-').replace('\u2212', '-').strip();
        Matcher code = CODE.matcher(text);
        if (code.find()) {
            return Parsed.of(new PeriodCode(Integer.parseInt(code.group(1)), Integer.parseInt(code.group(2))));
        }
        Matcher year = YEAR.matcher(text);
        if (!year.find()) {
            return Parsed.refused(se.tertial.spec.FindingText.legacyPeriodNotTertial(raw));
        }
        int y = Integer.parseInt(year.group(1));
        String rest = text.replace(year.group(1), " ");
        if (QUARTER.matcher(rest).find()) {
            return Parsed.refused(se.tertial.spec.FindingText.legacyPeriodNotTertial(raw));
        }
        Matcher tertial = TERTIAL.matcher(rest);
        if (tertial.find()) {
            return Parsed.of(new PeriodCode(y, Integer.parseInt(tertial.group(1))));
        }
        if (YEAR_END.matcher(rest).find()) {
            return Parsed.of(new PeriodCode(y, 3));
        }
        List<Integer> months = new ArrayList<>();
        Matcher m = MONTH.matcher(rest);
        while (m.find()) {
            months.add(MONTHS.get(m.group(1)));
        }
        if (months.isEmpty() || (months.size() > 1 && months.get(0) != 1)) {
            return Parsed.refused(se.tertial.spec.FindingText.legacyPeriodNotTertial(raw));
        }
        int end = months.get(months.size() - 1);
        int t = end == 4 ? 1 : end == 8 ? 2 : end == 12 ? 3 : 0;
        return t == 0 ? Parsed.refused(se.tertial.spec.FindingText.legacyPeriodNotTertial(raw))
                : Parsed.of(new PeriodCode(y, t));
    }
}
