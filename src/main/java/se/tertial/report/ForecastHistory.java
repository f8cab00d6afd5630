package se.tertial.report;

import se.tertial.money.Amount;
import se.tertial.spec.FactKey;
import se.tertial.spec.Namnd;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.ReportSpec;
import se.tertial.spec.ReportText;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.Unit;
import se.tertial.spec.UnitCode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Bokslut och prognos" per nämnd, as regions print it in their delårsrapport: for a period of year Y, the budget
 * deviation at the two previous years' bokslut (Y−2 T3, Y−1 T3) and the prognos deviation of every tertial of Y up to
 * the period — the same prognos deviation the nämndsavvikelser use — per unit and per nämnd, so whose forecast
 * drifts shows at a glance. A unit without an accepted version for a column is blank there, never zero; a nämnd's
 * total is the sum of its units that reported, blank when none did.
 */
public final class ForecastHistory {
    /** The table: its columns (period codes, oldest first) and rows, each nämnd's units then its total. */
    public record Table(PeriodCode period, List<PeriodCode> columns, List<Row> rows) {}

    /** A unit's row ({@code unit} set) or a nämnd's total ({@code unit} empty); values by column. */
    public record Row(String namnd, Optional<String> unit, String name, Map<PeriodCode, Optional<Amount>> values) {
        public boolean total() {
            return unit.isEmpty();
        }
    }

    private ForecastHistory() {}

    /** The columns of a period's history, whether or not each period exists: Y−2 T3, Y−1 T3, then Y's T1 … P. */
    public static List<PeriodCode> columnsFor(PeriodCode p) {
        List<PeriodCode> columns = new ArrayList<>();
        columns.add(PeriodCode.parse((p.year() - 2) + "-T3"));
        columns.add(PeriodCode.parse((p.year() - 1) + "-T3"));
        for (int t = 1; t <= p.tertial(); t++) {
            columns.add(PeriodCode.parse(p.year() + "-T" + t));
        }
        return columns;
    }

    /** @param facts per column period, the units' versions then (current or approved: the caller decides) */
    public static Table compute(SpecCatalog catalog, PeriodCode period, Map<PeriodCode, Map<UnitCode, UnitFacts>> facts) {
        ReportSpec.Namndsavvikelser n = catalog.report().namndsavvikelser();
        List<PeriodCode> columns = new ArrayList<>(facts.keySet());
        columns.sort(java.util.Comparator.comparing(PeriodCode::toString));
        List<Row> rows = new ArrayList<>();
        for (Namnd namnd : catalog.organisation().namnder()) {
            Map<PeriodCode, Optional<Amount>> total = new LinkedHashMap<>();
            columns.forEach(c -> total.put(c, Optional.empty()));
            boolean any = false;
            for (Unit u : catalog.organisation().units()) {
                if (!u.namnd().equals(namnd.code()) || !u.templates().contains(n.template())) {
                    continue;
                }
                any = true;
                Map<PeriodCode, Optional<Amount>> values = new LinkedHashMap<>();
                for (PeriodCode c : columns) {
                    Optional<Amount> v = Optional.ofNullable(facts.get(c).get(u.code()))
                            .map(f -> f.facts().get(new FactKey(n.template(), n.line(), n.forecastDeviation())));
                    values.put(c, v);
                    v.ifPresent(a -> total.put(c, Optional.of(total.get(c).orElse(Amount.ZERO).plus(a))));
                }
                rows.add(new Row(namnd.code().value(), Optional.of(u.code().value()), u.name(), values));
            }
            if (any) {
                rows.add(new Row(namnd.code().value(), Optional.empty(), ReportText.namndTotal(namnd.code().value()),
                        total));
            }
        }
        return new Table(period, columns, rows);
    }
}
