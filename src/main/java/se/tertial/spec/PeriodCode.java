package se.tertial.spec;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: {@code YYYY-T1} (jan–apr), {@code YYYY-T2} (jan–aug) or {@code YYYY-T3} (the year, bokslut).
 * Every period accumulates from 1 January.
 */
public record PeriodCode(int year, int tertial) implements Comparable<PeriodCode> {
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-T([1-3])");
    private static final String[] LAST_MONTH = {"apr", "aug", "dec"};

    public PeriodCode {
        if (year < 1990 || year > 2999) {
            throw new IllegalArgumentException(ApiText.invalidPeriodYear(year));
        }
        if (tertial < 1 || tertial > 3) {
            throw new IllegalArgumentException(ApiText.invalidPeriod(year + "-T" + tertial));
        }
    }

    /** Parses {@code 2022-T2}; throws {@link IllegalArgumentException} with a Swedish message otherwise. */
    public static PeriodCode parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(ApiText.invalidPeriod(text));
        }
        return new PeriodCode(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean isYearEnd() {
        return tertial == 3;
    }

    /** The same tertial one year earlier: 2022-T2 → 2021-T2. */
    public PeriodCode samePeriodLastYear() {
        return new PeriodCode(year - 1, tertial);
    }

    /** Last year's closed accounts: 2022-T2 → 2021-T3. */
    public PeriodCode lastYearBokslut() {
        return new PeriodCode(year - 1, 3);
    }

    /** Last month of the period, 4, 8 or 12. */
    public int lastMonth() {
        return tertial * 4;
    }

    /** "jan–aug" (with an en dash), as used in the published headings. */
    public String monthRange() {
        return "jan–" + LAST_MONTH[tertial - 1];
    }

    public LocalDate endDate() {
        return YearMonth.of(year, lastMonth()).atEndOfMonth();
    }

    @Override
    public int compareTo(PeriodCode o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(tertial, o.tertial);
    }

    @Override
    public String toString() {
        return year + "-T" + tertial;
    }
}
