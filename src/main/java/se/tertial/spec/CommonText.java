package se.tertial.spec;

import java.math.BigDecimal;

/**
 * Words every audience shares: period names, amounts, dates, roles, outcomes and states in Swedish.
 * The words are in {@code texts/common.properties}; this class is their typed accessor (a missing key fails
 * {@code TextBundlesTest}, not a user).
 */
public final class CommonText {
    private static final TextBundle T = TextBundle.of("texts/common");

    private CommonText() {}

    /** "Tertial 2 2022 (jan–aug)" or "Bokslut 2022 (jan–dec)". */
    public static String periodName(PeriodCode p) {
        return p.isYearEnd() ? T.format("periodName.yearEnd", p.year(), p.monthRange())
                : T.format("periodName.tertial", p.tertial(), p.year(), p.monthRange());
    }

    public static String pageFooter(String page, String pages) {
        return T.format("pageFooter", page, pages);
    }

    /** 1000 → "1 000" (Swedish thousands grouping with a no-break space, as Excel shows it). */
    public static String grouped(BigDecimal value) {
        java.text.DecimalFormatSymbols sv = java.text.DecimalFormatSymbols.getInstance(new java.util.Locale("sv", "SE"));
        java.text.DecimalFormat f = new java.text.DecimalFormat("#,##0.###", sv);
        return f.format(value).replace('\u2212', '−');
    }

    /** A role in words ("ekonomi" for finance); an unknown role as given. */
    public static String roleName(String role) {
        return T.textOr("role." + role, role);
    }

    /** A unit's state in a period, in words (never only a colour). */
    public static String statusLabel(String status) {
        return T.textOr("status." + status, status);
    }

    /** "2022-09-09 14:05", Swedish local time. */
    public static String dateTime(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(at.atZone(java.time.ZoneId.of("Europe/Stockholm")));
    }

    /**
     * A number exactly as entered, in Swedish form: "−1 234,5678" (grouping with a no-break space, decimal comma, a
     * real minus sign, every decimal kept), never "-1234.5678".
     */
    public static String swedishNumber(BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int dot = digits.indexOf('.');
        String whole = dot < 0 ? digits : digits.substring(0, dot);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append('\u00a0');
            }
            out.append(whole.charAt(i));
        }
        if (dot >= 0) {
            out.append(',').append(digits.substring(dot + 1));
        }
        return (negative ? "−" : "") + out;
    }

    /** "−1 234,5 tkr": Swedish grouping, decimal comma, a real minus sign. */
    public static String tkrText(BigDecimal tkr) {
        return T.format("tkrText", grouped(tkr).replace('-', '−'));
    }

    public static final String SEVERITY_ERROR = T.text("SEVERITY_ERROR");

    public static final String SEVERITY_WARNING = T.text("SEVERITY_WARNING");

    /** An upload's or a loaded file's outcome in words ("mottagen med varningar"); JSON keeps the code. */
    public static String bulkOutcome(String outcome) {
        return T.textOr("outcome." + outcome, T.text("outcome.failed"));
    }

    /** An amount in tkr with its sign spelled out: "+1 234,5", "−80 400", "0". */
    public static String signed(BigDecimal tkr) {
        return (tkr.signum() > 0 ? "+" : "") + grouped(tkr);
    }

    /** "föregående år", where a heading names last year without its number. */
    public static final String PREVIOUS_YEAR = T.text("PREVIOUS_YEAR");
}
