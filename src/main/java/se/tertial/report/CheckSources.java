package se.tertial.report;

import se.tertial.money.Amount;
import se.tertial.spec.Unit;
import se.tertial.spec.UnitCode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a failing check's difference comes from, unit by unit, so finance knows whom to ask. The checks that compare
 * sums of the units' figures (internal trade, the balance sheet's balance and opening equity, the forecast identity,
 * the year's result) are linear in the facts: the region's difference is the sum of what each unit's own figures
 * give when the check is computed over that unit alone, and each unit whose share is not zero is named with it,
 * largest first. The year's result compares the balance sheet (one unit) with every unit's result, so there a
 * missing or left-out unit is named before the balance-sheet unit's own share. The coverage checks name the units
 * missing or not approved.
 */
public final class CheckSources {
    private CheckSources() {}

    /** A unit behind a difference, and its share (empty where the check counts units, not kronor). */
    public record Source(String unit, String name, Optional<Amount> difference) {}

    /** For each check that is not OK, by its code, the units it comes from; passing checks have none. */
    public static Map<String, List<Source>> of(ConsolidationInput in, Figures f) {
        Map<String, List<Source>> out = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Unit u : in.catalog().organisation().units()) {
            names.put(u.code().value(), u.name());
        }
        List<String> leftOut = new ArrayList<>(f.missing());
        if (f.approvedOnly()) {
            f.notApproved().stream().filter(u -> !leftOut.contains(u)).forEach(leftOut::add);
        }
        Map<String, Map<String, Optional<Amount>>> shares = null;
        for (Figures.Check check : f.kontroller()) {
            if (check.ok()) {
                continue;
            }
            List<Source> sources = new ArrayList<>();
            switch (check.code()) {
                case "UNDERLAG" -> f.missing().forEach(u -> sources.add(new Source(u, names.get(u), Optional.empty())));
                case "GODKANNANDE" -> {
                    f.missing().forEach(u -> sources.add(new Source(u, names.get(u), Optional.empty())));
                    f.notApproved().stream().filter(u -> !f.missing().contains(u))
                            .forEach(u -> sources.add(new Source(u, names.get(u), Optional.empty())));
                }
                default -> {
                    if (check.code().equals("ARETS_RESULTAT")) {
                        leftOut.forEach(u -> sources.add(new Source(u, names.get(u), Optional.empty())));
                    }
                    if (shares == null) {
                        shares = shares(in);
                    }
                    List<Source> linear = new ArrayList<>();
                    shares.forEach((unit, byCheck) -> byCheck.getOrDefault(check.code(), Optional.empty())
                            .filter(d -> d.signum() != 0)
                            .ifPresent(d -> linear.add(new Source(unit, names.get(unit), Optional.of(d)))));
                    linear.sort(Comparator.comparing((Source s) -> s.difference().orElseThrow().abs()).reversed());
                    sources.addAll(linear);
                }
            }
            out.put(check.code(), List.copyOf(sources));
        }
        return out;
    }

    /** Each unit's checks computed over its own figures alone (its current, last year's and bokslut versions). */
    private static Map<String, Map<String, Optional<Amount>>> shares(ConsolidationInput in) {
        Map<String, Map<String, Optional<Amount>>> out = new LinkedHashMap<>();
        for (Unit u : in.catalog().organisation().units()) {
            UnitCode code = u.code();
            if (!in.current().containsKey(code)) {
                continue;
            }
            ConsolidationInput alone = new ConsolidationInput(in.catalog(), in.period(), only(in.current(), code),
                    only(in.samePeriodLastYear(), code), only(in.lastYearBokslut(), code), java.util.Set.of(),
                    java.util.Set.of(), false);
            Map<String, Optional<Amount>> byCheck = new LinkedHashMap<>();
            for (Figures.Check c : Consolidation.compute(alone).kontroller()) {
                byCheck.put(c.code(), c.difference());
            }
            out.put(code.value(), byCheck);
        }
        return out;
    }

    private static Map<UnitCode, UnitFacts> only(Map<UnitCode, UnitFacts> all, UnitCode unit) {
        UnitFacts f = all.get(unit);
        return f == null ? Map.of() : Map.of(unit, f);
    }
}
