package se.tertial.report;

import se.tertial.money.Amount;
import se.tertial.spec.ReportText;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The figures as JSON for scripts: amounts in tkr as exact decimals, labels in Swedish, null where no unit reported
 * a figure (never zero instead).
 */
public final class ReportJson {
    private ReportJson() {}

    public record Header(String period, String name, List<String> missing, List<String> rejected,
                         List<String> notApproved, boolean approvedOnly) {}

    public record NamndRowView(String kind, String namnd, String label, BigDecimal periodDeviation,
                               BigDecimal forecastDeviation) {}

    public record UnitView(String unit, String name, boolean missing, BigDecimal outcome, BigDecimal periodBudget,
                           BigDecimal periodDeviation, BigDecimal yearBudget, BigDecimal forecast,
                           BigDecimal forecastDeviation, List<String> comments) {}

    public record GroupView(String group, List<UnitView> units, BigDecimal periodDeviation,
                            BigDecimal forecastDeviation) {}

    public record DrilldownView(String namnd, String name, List<GroupView> groups, BigDecimal periodDeviation,
                                BigDecimal forecastDeviation) {}

    public record Namndsavvikelser(Header report, String unit, List<NamndRowView> rows, List<DrilldownView> drilldown) {}

    public record RrRowView(String code, String label, boolean total, BigDecimal outcome, BigDecimal forecast,
                            BigDecimal deviation, BigDecimal samePeriodLastYear, BigDecimal lastYearBokslut) {}

    public record Resultatrakning(Header report, String unit, Map<String, String> columns, List<RrRowView> rows) {}

    public record BrRowView(String line, String label, boolean sum, boolean memo, BigDecimal value,
                            BigDecimal lastYearBokslut) {}

    public record Balansrakning(Header report, String unit, Map<String, String> columns, List<BrRowView> rows) {}

    public record RatioView(String label, String kind, BigDecimal value, String note) {}

    public record Nyckeltal(Header report, String note, List<RatioView> rows) {}

    /** A check; {@code sources}: the units a failing check's difference comes from, with their share in tkr. */
    public record CheckView(String code, String label, BigDecimal difference, boolean ok, List<SourceView> sources) {}

    /** A unit behind a check's difference; {@code difference} null where the check counts units, not kronor. */
    public record SourceView(String unit, String name, BigDecimal difference) {}

    public record Kontroller(Header report, String unit, List<CheckView> rows) {}

    private static final String TKR = "tkr";

    public static Namndsavvikelser namndsavvikelser(Figures f) {
        return new Namndsavvikelser(header(f), TKR, f.namndsavvikelser().stream().map(r -> new NamndRowView(
                r.kind().name().toLowerCase(java.util.Locale.ROOT), r.namnd(), r.label(), tkr(r.period()),
                tkr(r.forecast()))).toList(), f.drilldowns().stream().map(d -> new DrilldownView(d.namnd(), d.name(),
                d.groups().stream().map(g -> new GroupView(g.group(), g.units().stream().map(u -> new UnitView(
                        u.unit(), u.name(), u.missing(), tkr(u.outcome()), tkr(u.periodBudget()),
                        tkr(u.periodDeviation()), tkr(u.yearBudget()), tkr(u.forecast()), tkr(u.forecastDeviation()),
                        u.comments())).toList(), tkr(g.period()), tkr(g.forecast()))).toList(),
                tkr(d.period()), tkr(d.forecast()))).toList());
    }

    public static Resultatrakning resultatrakning(Figures f) {
        List<String> h = ReportText.rrHeadings(f.period());
        return new Resultatrakning(header(f), TKR, Map.of("outcome", h.get(1), "forecast", h.get(2), "deviation",
                h.get(3), "samePeriodLastYear", h.get(4), "lastYearBokslut", h.get(5)),
                f.resultatrakning().stream().map(l -> new RrRowView(l.code(), l.label(), l.total(), tkr(l.outcome()),
                        tkr(l.forecast()), tkr(l.deviation()), tkr(l.samePeriodLastYear()),
                        tkr(l.lastYearBokslut()))).toList());
    }

    public static Balansrakning balansrakning(Figures f) {
        List<String> h = ReportText.brHeadings(f.period());
        return new Balansrakning(header(f), TKR, Map.of("value", h.get(1), "lastYearBokslut", h.get(2)),
                f.balansrakning().stream().map(l -> new BrRowView(l.line(), l.label(), l.sum(), l.memo(),
                        tkr(l.value()), tkr(l.lastYearBokslut()))).toList());
    }

    public static Nyckeltal nyckeltal(Figures f) {
        return new Nyckeltal(header(f), ReportText.NYCKELTAL_NOTE, f.nyckeltal().stream().map(r -> new RatioView(
                r.label(), r.kind().name().toLowerCase(java.util.Locale.ROOT), r.value().orElse(null), r.note().orElse(null)))
                .toList());
    }

    public static Kontroller kontroller(Figures f, Map<String, List<CheckSources.Source>> sources) {
        return new Kontroller(header(f), TKR, f.kontroller().stream().map(c -> new CheckView(c.code(), c.label(),
                tkr(c.difference()), c.ok(), sources.getOrDefault(c.code(), List.of()).stream().map(s ->
                        new SourceView(s.unit(), s.name(), tkr(s.difference()))).toList())).toList());
    }

    private static Header header(Figures f) {
        return new Header(f.period().toString(), ReportText.reportPeriod(f.period()), f.missing(), f.rejected(),
                f.notApproved(), f.approvedOnly());
    }

    private static BigDecimal tkr(Optional<Amount> a) {
        return a.map(x -> x.tkr().stripTrailingZeros()).map(x -> x.scale() < 0 ? x.setScale(0) : x).orElse(null);
    }

    /** "Bokslut och prognos": columns as period codes; values in tkr as exact decimals, null where blank. */
    public record History(String period, List<String> columns, List<HistoryRow> rows) {}

    public record HistoryRow(String namnd, String unit, String name, java.util.Map<String, BigDecimal> values) {}

    public static History prognoshistorik(ForecastHistory.Table t) {
        return new History(t.period().toString(), t.columns().stream().map(Object::toString).toList(),
                t.rows().stream().map(r -> {
                    java.util.Map<String, BigDecimal> values = new java.util.LinkedHashMap<>();
                    r.values().forEach((c, v) -> values.put(c.toString(), v.map(se.tertial.money.Amount::tkr)
                            .orElse(null)));
                    return new HistoryRow(r.namnd(), r.unit().orElse(null), r.name(), values);
                }).toList());
    }
}
