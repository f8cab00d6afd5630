package se.tertial.report;

import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.FactKey;
import se.tertial.spec.LineCode;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.ReportText;
import se.tertial.spec.Namnd;
import se.tertial.spec.Organisation;
import se.tertial.spec.ReportSpec;
import se.tertial.spec.TemplateId;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Unit;
import se.tertial.spec.UnitCode;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import se.tertial.report.Figures.BrLine;
import se.tertial.report.Figures.Check;
import se.tertial.report.Figures.Drilldown;
import se.tertial.report.Figures.GroupRows;
import se.tertial.report.Figures.NamndRow;
import se.tertial.report.Figures.Ratio;
import se.tertial.report.Figures.RowKind;
import se.tertial.report.Figures.RrLine;
import se.tertial.report.Figures.UnitRow;

/**
 * Consolidates a period, exactly as domain.md §6 defines, as a pure function from facts to figures. Sums are exact
 * in kronor; a figure no unit reported is empty, never zero.
 */
public final class Consolidation {
    /** Differences below one tkr pass the checks (the balance rule's tolerance). */
    static final Amount TOLERANCE = Amount.ofKronor(1000);
    static final MathContext RATIO = new MathContext(12);

    private final ConsolidationInput in;
    private final ReportSpec spec;
    private final Organisation org;

    private Consolidation(ConsolidationInput in) {
        this.in = in;
        this.spec = in.catalog().report();
        this.org = in.catalog().organisation();
    }

    public static Figures compute(ConsolidationInput in) {
        return new Consolidation(in).compute();
    }

    private Figures compute() {
        // Left out because finance has not approved them (approved-only report) is not missing.
        List<String> missing = org.units().stream().filter(u -> !in.current().containsKey(u.code())
                        && !(in.approvedOnly() && in.notApproved().contains(u.code())))
                .map(u -> u.code().value()).toList();
        List<String> notApproved = org.units().stream().filter(u -> in.notApproved().contains(u.code()))
                .map(u -> u.code().value()).toList();
        List<String> rejected = org.units().stream().filter(u -> in.rejected().contains(u.code()))
                .map(u -> u.code().value()).toList();
        List<Drilldown> drilldowns = drilldowns();
        List<NamndRow> namnd = namndRows(drilldowns);
        List<RrLine> rr = resultatrakning();
        List<BrLine> br = balansrakning();
        Optional<String> comparison = comparison(rrTemplates(rrCodes(spec.resultatrakning().rows())));
        return new Figures(in.period(), missing, rejected, namnd, drilldowns, rr, br, ratios(rr, br),
                checks(namnd, rr, br, missing, notApproved), notApproved, in.approvedOnly(), comparison);
    }

    /**
     * Which units hold figures of the given templates this year but not in last year's same period, and the other
     * way round; empty when both years hold the same units (or last year none: there is nothing to compare with).
     */
    private Optional<String> comparison(java.util.Set<TemplateId> templates) {
        java.util.Set<UnitCode> now = reporting(in.current(), templates);
        java.util.Set<UnitCode> before = reporting(in.samePeriodLastYear(), templates);
        if (before.isEmpty() || now.equals(before)) {
            return Optional.empty();
        }
        List<String> notBefore = org.units().stream().map(Unit::code).filter(u -> now.contains(u)
                && !before.contains(u)).map(UnitCode::value).toList();
        List<String> notNow = org.units().stream().map(Unit::code).filter(u -> before.contains(u)
                && !now.contains(u)).map(UnitCode::value).toList();
        return Optional.of(ReportText.comparisonNote(in.period().year() - 1, notBefore, in.period().year(), notNow));
    }

    private static java.util.Set<UnitCode> reporting(Map<UnitCode, UnitFacts> facts, java.util.Set<TemplateId> t) {
        java.util.Set<UnitCode> units = new java.util.HashSet<>();
        facts.forEach((unit, f) -> {
            if (f.facts().keySet().stream().anyMatch(k -> t.contains(k.template()))) {
                units.add(unit);
            }
        });
        return units;
    }

    private static List<String> rrCodes(List<ReportSpec.RrRow> rows) {
        return rows.stream().map(ReportSpec.RrRow::code).toList();
    }

    /** The templates an RR row's figures come from, through its sums. */
    private java.util.Set<TemplateId> rrTemplates(List<String> codes) {
        java.util.Set<TemplateId> templates = new java.util.HashSet<>();
        for (ReportSpec.RrRow row : spec.resultatrakning().rows()) {
            if (codes.contains(row.code())) {
                row.template().ifPresent(templates::add);
                if (row.isTotal()) {
                    templates.addAll(rrTemplates(row.sum()));
                }
            }
        }
        return templates;
    }

    // --- nämndsavvikelser ---

    private List<Drilldown> drilldowns() {
        ReportSpec.Namndsavvikelser n = spec.namndsavvikelser();
        List<Drilldown> result = new ArrayList<>();
        for (Namnd namnd : org.namnder()) {
            Map<String, List<UnitRow>> groups = new LinkedHashMap<>();
            for (Unit u : org.unitsOf(namnd.code())) {
                if (!u.templates().contains(n.template())) {
                    continue;
                }
                groups.computeIfAbsent(u.group().orElse(""), g -> new ArrayList<>()).add(unitRow(u, n));
            }
            if (groups.isEmpty()) {
                continue;
            }
            List<GroupRows> rows = new ArrayList<>();
            groups.forEach((g, units) -> rows.add(new GroupRows(g, units,
                    sum(units.stream().map(UnitRow::periodDeviation).toList()),
                    sum(units.stream().map(UnitRow::forecastDeviation).toList()))));
            result.add(new Drilldown(namnd.code().value(), namnd.name(), rows,
                    sum(rows.stream().map(GroupRows::period).toList()),
                    sum(rows.stream().map(GroupRows::forecast).toList())));
        }
        return result;
    }

    private UnitRow unitRow(Unit u, ReportSpec.Namndsavvikelser n) {
        UnitFacts f = in.current().get(u.code());
        List<String> comments = new ArrayList<>();
        if (f != null) {
            TemplateSpec t = in.catalog().current(n.template());
            Map<LineCode, String> texts = f.comments().getOrDefault(n.template(), Map.of());
            for (LineSpec line : t.lines()) {
                String text = texts.get(line.code());
                if (text != null) {
                    comments.add(line.label() + ": " + text);
                }
            }
        }
        return new UnitRow(u.code().value(), u.name(), f == null, fact(f, n.template(), n.line(), n.outcome()),
                fact(f, n.template(), n.line(), n.periodBudget()), fact(f, n.template(), n.line(), n.periodDeviation()),
                fact(f, n.template(), n.line(), n.yearBudget()), fact(f, n.template(), n.line(), n.forecast()),
                fact(f, n.template(), n.line(), n.forecastDeviation()), comments);
    }

    private static List<NamndRow> namndRows(List<Drilldown> drilldowns) {
        List<NamndRow> rows = new ArrayList<>();
        for (Drilldown d : drilldowns) {
            rows.add(new NamndRow(RowKind.NAMND, d.namnd(), d.name(), d.period(), d.forecast()));
            if (d.groups().size() > 1) {
                for (GroupRows g : d.groups()) {
                    rows.add(new NamndRow(RowKind.GROUP, d.namnd(), ReportText.varav(g.group()), g.period(),
                            g.forecast()));
                }
            }
        }
        rows.add(new NamndRow(RowKind.TOTAL, null, ReportText.TOTALT,
                sum(drilldowns.stream().map(Drilldown::period).toList()),
                sum(drilldowns.stream().map(Drilldown::forecast).toList())));
        return rows;
    }

    // --- resultaträkning ---

    private List<RrLine> resultatrakning() {
        ReportSpec.Resultatrakning r = spec.resultatrakning();
        Map<String, RrLine> byCode = new LinkedHashMap<>();
        for (ReportSpec.RrRow row : r.rows()) {
            RrLine line;
            if (row.isTotal()) {
                List<RrLine> parts = row.sum().stream().map(byCode::get).toList();
                line = new RrLine(row.code(), row.label(), true, sum(parts.stream().map(RrLine::outcome).toList()),
                        sum(parts.stream().map(RrLine::forecast).toList()),
                        sum(parts.stream().map(RrLine::deviation).toList()),
                        sum(parts.stream().map(RrLine::samePeriodLastYear).toList()),
                        sum(parts.stream().map(RrLine::lastYearBokslut).toList()));
            } else {
                TemplateId t = row.template().orElseThrow();
                line = new RrLine(row.code(), row.label(), false, total(in.current().values(), t, row.lines(), r.outcome()),
                        total(in.current().values(), t, row.lines(), r.forecast()),
                        total(in.current().values(), t, row.lines(), r.deviation()),
                        total(in.samePeriodLastYear().values(), t, row.lines(), r.outcome()),
                        total(in.lastYearBokslut().values(), t, row.lines(), r.outcome()));
            }
            byCode.put(row.code(), line);
        }
        return List.copyOf(byCode.values());
    }

    // --- balansräkning ---

    private List<BrLine> balansrakning() {
        ReportSpec.Balansrakning b = spec.balansrakning();
        TemplateSpec t = in.catalog().current(b.template());
        List<BrLine> lines = new ArrayList<>();
        for (LineSpec l : t.lines()) {
            lines.add(new BrLine(l.code().value(), l.label(), l.kind() == LineKind.SUM, l.kind() == LineKind.MEMO,
                    total(in.current().values(), b.template(), List.of(l.code()), b.column()),
                    total(in.lastYearBokslut().values(), b.template(), List.of(l.code()), b.column())));
        }
        return lines;
    }

    // --- nyckeltal ---

    /** A growth over a base that is not the same set of units is blank, with the note saying which are missing. */
    private List<Ratio> ratios(List<RrLine> rr, List<BrLine> br) {
        List<Ratio> result = new ArrayList<>();
        for (ReportSpec.KeyRatio k : spec.nyckeltal()) {
            Optional<String> base = k.kind() != ReportSpec.RatioKind.GROWTH ? Optional.empty()
                    : comparison(rrTemplates(k.numerator().stream().filter(r -> !r.balance())
                            .map(ReportSpec.Ref::code).toList()));
            if (base.isPresent()) {
                result.add(new Ratio(k.label(), k.kind(), Optional.empty(), base));
                continue;
            }
            Optional<Amount> num = terms(k.numerator(), rr, br, false);
            Optional<BigDecimal> value = switch (k.kind()) {
                case AMOUNT -> num.map(Amount::tkr);
                case RATIO -> num.flatMap(n -> terms(k.denominator(), rr, br, false)
                        .filter(d -> d.signum() != 0).map(d -> n.tkr().divide(d.tkr(), RATIO)));
                case GROWTH -> num.flatMap(n -> terms(k.numerator(), rr, br, true)
                        .filter(d -> d.signum() != 0).map(d -> n.tkr().divide(d.tkr(), RATIO).subtract(BigDecimal.ONE)));
            };
            result.add(new Ratio(k.label(), k.kind(), value, Optional.empty()));
        }
        return result;
    }

    /** The sum of the terms (RR outcome or BR value; last year's with {@code lastYear}); empty if any is missing. */
    private static Optional<Amount> terms(List<ReportSpec.Ref> refs, List<RrLine> rr, List<BrLine> br, boolean lastYear) {
        if (refs.isEmpty()) {
            return Optional.empty();
        }
        Amount sum = Amount.ZERO;
        for (ReportSpec.Ref ref : refs) {
            Optional<Amount> v = ref.balance()
                    ? br.stream().filter(l -> l.line().equals(ref.code())).findFirst()
                        .flatMap(l -> lastYear ? l.lastYearBokslut() : l.value())
                    : rr.stream().filter(l -> l.code().equals(ref.code())).findFirst()
                        .flatMap(l -> lastYear ? l.samePeriodLastYear() : l.outcome());
            if (v.isEmpty()) {
                return Optional.empty();
            }
            sum = sum.plus(ref.negated() ? v.get().negate() : v.get());
        }
        return Optional.of(sum);
    }

    // --- kontroller ---

    private List<Check> checks(List<NamndRow> namnd, List<RrLine> rr, List<BrLine> br, List<String> missing,
                               List<String> notApproved) {
        ReportSpec.Resultatrakning r = spec.resultatrakning();
        ReportSpec.Balansrakning b = spec.balansrakning();
        List<Check> checks = new ArrayList<>();
        if (r.hasInternalTrade()) {
            Optional<Amount> internal = total(in.current().values(), r.internalTemplate().get(), r.internalLines(),
                    r.outcome());
            checks.add(check("INTERNHANDEL", ReportText.CHECK_INTERNAL, internal));
        }
        checks.add(check("BALANS", ReportText.CHECK_BALANCE,
                diff(brValue(br, b.assets(), false), brValue(br, b.equityAndLiabilities(), false))));
        checks.add(check("ARETS_RESULTAT", ReportText.CHECK_YEAR_RESULT, diff(brValue(br, b.yearResult(), false),
                rr.stream().filter(l -> l.code().equals(b.resultRow())).findFirst().flatMap(RrLine::outcome))));
        checks.add(check("INGAENDE_EK", ReportText.CHECK_OPENING_EQUITY, diff(brValue(br, b.openingEquity(), false),
                brValue(br, b.equity(), true))));
        Optional<Amount> internalDeviation = r.hasInternalTrade() ? total(in.current().values(),
                r.internalTemplate().get(), r.internalLines(), r.deviation()) : Optional.empty();
        Optional<Amount> vnk = rr.stream().filter(l -> l.code().equals(r.netCostRow())).findFirst()
                .flatMap(RrLine::deviation);
        Optional<Amount> total = namnd.get(namnd.size() - 1).forecast();
        checks.add(check("PROGNOS_IDENTITET", ReportText.CHECK_FORECAST_IDENTITY,
                diff(total, sum(List.of(vnk, internalDeviation)))));
        checks.add(new Check("UNDERLAG", ReportText.CHECK_MISSING, Optional.empty(), missing.isEmpty()));
        checks.add(new Check("GODKANNANDE", ReportText.CHECK_APPROVED, Optional.empty(),
                missing.isEmpty() && notApproved.isEmpty()));
        return checks;
    }

    private static Check check(String code, String label, Optional<Amount> difference) {
        return new Check(code, label, difference, difference.map(d -> d.abs().compareTo(TOLERANCE) < 0).orElse(false));
    }

    private static Optional<Amount> brValue(List<BrLine> br, LineCode line, boolean lastYear) {
        return br.stream().filter(l -> l.line().equals(line.value())).findFirst()
                .flatMap(l -> lastYear ? l.lastYearBokslut() : l.value());
    }

    private static Optional<Amount> diff(Optional<Amount> a, Optional<Amount> b) {
        return a.isPresent() && b.isPresent() ? Optional.of(a.get().minus(b.get())) : Optional.empty();
    }

    // --- arithmetic over facts ---

    private static Optional<Amount> fact(UnitFacts f, TemplateId t, LineCode line, ColumnCode col) {
        return f == null ? Optional.empty() : Optional.ofNullable(f.facts().get(new FactKey(t, line, col)));
    }

    /** Σ over units and lines of one column; empty when no unit holds any of them. */
    static Optional<Amount> total(Collection<UnitFacts> units, TemplateId t, List<LineCode> lines, ColumnCode col) {
        List<Optional<Amount>> values = new ArrayList<>();
        for (UnitFacts u : units) {
            for (LineCode l : lines) {
                values.add(fact(u, t, l, col));
            }
        }
        return sum(values);
    }

    /** Σ of the present values; empty when none is present. */
    static Optional<Amount> sum(List<Optional<Amount>> values) {
        Amount s = Amount.ZERO;
        boolean any = false;
        for (Optional<Amount> v : values) {
            if (v.isPresent()) {
                s = s.plus(v.get());
                any = true;
            }
        }
        return any ? Optional.of(s) : Optional.empty();
    }

    static Map<UnitCode, UnitFacts> index(List<UnitFacts> facts) {
        Map<UnitCode, UnitFacts> m = new HashMap<>();
        facts.forEach(f -> m.put(f.unit(), f));
        return m;
    }
}
