package se.tertial.spec;

import java.util.List;

/**
 * The texts of the consolidated workbook (konsolidering.xlsx) and its JSON: titles, headings, checks and notes.
 * The words are in {@code texts/report.properties}; this class is their typed accessor (a missing key fails
 * {@code TextBundlesTest}, not a user).
 */
public final class ReportText {
    private static final TextBundle T = TextBundle.of("texts/report");

    private ReportText() {}

    public static final String TOTALT = T.text("TOTALT");

    public static final String CHECK_INTERNAL = T.text("CHECK_INTERNAL");

    public static final String CHECK_BALANCE = T.text("CHECK_BALANCE");

    public static final String CHECK_YEAR_RESULT = T.text("CHECK_YEAR_RESULT");

    public static final String CHECK_OPENING_EQUITY = T.text("CHECK_OPENING_EQUITY");

    public static final String CHECK_FORECAST_IDENTITY = T.text("CHECK_FORECAST_IDENTITY");

    public static final String CHECK_MISSING = T.text("CHECK_MISSING");

    public static final String CHECK_APPROVED = T.text("CHECK_APPROVED");

    public static final String UNIT_NOT_APPROVED = T.text("UNIT_NOT_APPROVED");

    /** The note on every report sheet naming the units finance has not approved. */
    public static String reportNotApproved(List<String> units, boolean approvedOnly) {
        return T.format(approvedOnly ? "reportNotApproved.only" : "reportNotApproved", String.join(", ", units));
    }

    public static String varav(String group) {
        return T.format("varav", group);
    }

    public static final String NYCKELTAL_NOTE = T.text("NYCKELTAL_NOTE");

    public static final String REPORT_COMPLETE = T.text("REPORT_COMPLETE");

    public static final String UNIT_MISSING = T.text("UNIT_MISSING");

    public static final String BR_MEMO = T.text("BR_MEMO");

    public static final String CHECK_OK = T.text("CHECK_OK");

    public static final String CHECK_FAILED = T.text("CHECK_FAILED");

    public static final String CHECK_INCOMPLETE = T.text("CHECK_INCOMPLETE");

    public static final String CHECK_UNAVAILABLE = T.text("CHECK_UNAVAILABLE");

    public static final List<String> KONTROLLER_HEADINGS = T.list("KONTROLLER_HEADINGS");

    public static final List<String> UNDERLAG_HEADINGS = T.list("UNDERLAG_HEADINGS");

    public static String reportMissing(List<String> units) {
        return T.format("reportMissing", String.join(", ", units));
    }

    public static String reportRejected(List<String> units) {
        return T.format("reportRejected", String.join(", ", units));
    }

    /** "Tertial 2:2022", or "Bokslut 2022" at year end. */
    public static String reportPeriod(PeriodCode p) {
        return p.isYearEnd() ? T.format("reportPeriod.yearEnd", p.year())
                : T.format("reportPeriod.tertial", p.tertial(), p.year());
    }

    public static String reportTitle(PeriodCode p) {
        return T.format("reportTitle", reportPeriod(p));
    }

    public static String reportFileName(PeriodCode p) {
        return T.format("reportFileName", p);
    }

    public static String namndsavvikelserTitle(PeriodCode p) {
        return T.format("namndsavvikelserTitle", reportPeriod(p));
    }

    public static List<String> namndsavvikelserHeadings(PeriodCode p) {
        return List.of(T.text("heading.namnd"), T.text("heading.periodDeviation"),
                T.format("heading.forecastDeviationYear", p.year()));
    }

    public static String drilldownTitle(String code, String name, PeriodCode p) {
        return T.format("drilldownTitle", code, name, reportPeriod(p));
    }

    /** "Utfall Tertial 2:2022", or "Utfall 2022" at year end. */
    public static String outcomeHeading(PeriodCode p) {
        return T.format("heading.outcome", p.isYearEnd() ? String.valueOf(p.year()) : reportPeriod(p));
    }

    public static List<String> drilldownHeadings(PeriodCode p) {
        return List.of(T.text("heading.unit"), T.text("heading.name"), outcomeHeading(p),
                T.text("heading.periodBudget"), T.text("heading.deviation"), T.format("heading.yearBudget", p.year()),
                T.format("heading.forecast", p.year()), T.text("heading.forecastDeviation"),
                T.text("heading.comments"));
    }

    public static String groupSum(String group) {
        return group.isEmpty() ? T.text("groupSum") : T.format("groupSum.group", group);
    }

    public static String namndTotal(String namnd) {
        return T.format("namndTotal", namnd);
    }

    public static String rrTitle(PeriodCode p) {
        return T.format("rrTitle", reportPeriod(p));
    }

    public static List<String> rrHeadings(PeriodCode p) {
        return List.of("", outcomeHeading(p), T.format(p.isYearEnd() ? "heading.forecastYearEnd" : "heading.forecast",
                p.year()), T.text("heading.yearDeviation"), outcomeHeading(p.samePeriodLastYear()),
                T.format("heading.closing", p.year() - 1));
    }

    public static String brTitle(PeriodCode p) {
        return T.format("brTitle", reportPeriod(p));
    }

    public static List<String> brHeadings(PeriodCode p) {
        return List.of("", p.endDate().toString(), T.format("heading.closing", p.year() - 1));
    }

    public static String nyckeltalTitle(PeriodCode p) {
        return T.format("nyckeltalTitle", reportPeriod(p));
    }

    public static List<String> nyckeltalHeadings(PeriodCode p) {
        return List.of(T.text("heading.nyckeltal"), reportPeriod(p), T.text("heading.remark"));
    }

    public static String kontrollerTitle(PeriodCode p) {
        return T.format("kontrollerTitle", reportPeriod(p));
    }

    public static String underlagTitle(PeriodCode p) {
        return T.format("underlagTitle", reportPeriod(p));
    }

    /** A key ratio that is an amount, with its unit on the Nyckeltal sheet: "Rörelsekapital (mnkr)". */
    public static String inMnkr(String label) {
        return T.format("inMnkr", label);
    }

    /** "Jämförelsen med 2021 avser inte samma enheter: FS-MED saknas 2021; RS-IT saknas 2022." */
    public static String comparisonNote(int lastYear, List<String> missingLastYear, int thisYear,
                                        List<String> missingThisYear) {
        List<String> parts = new java.util.ArrayList<>();
        if (!missingLastYear.isEmpty()) {
            parts.add(T.format("comparison.missing", String.join(", ", missingLastYear), lastYear));
        }
        if (!missingThisYear.isEmpty()) {
            parts.add(T.format("comparison.missing", String.join(", ", missingThisYear), thisYear));
        }
        return T.format("comparison", lastYear, String.join("; ", parts));
    }

    public static String historyTitle(PeriodCode p) {
        return T.format("historyTitle", reportPeriod(p));
    }

    public static String historyUnit() {
        return T.text("heading.unit");
    }

    public static String historyName() {
        return T.text("heading.name");
    }

    /** "Bokslut 2021" for a year end, "Prognos 2022 T1" for a tertial. */
    public static String historyColumn(boolean yearEnd, int year, int tertial) {
        return yearEnd ? T.format("historyColumn.closing", year) : T.format("historyColumn.forecast", year, tertial);
    }
}
