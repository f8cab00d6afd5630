package se.tertial.http;

import se.tertial.app.NamndDrilldown;
import se.tertial.money.Amount;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A nämnd's units as JSON (the report's second level): figures in tkr, review state as code and words. */
final class DrilldownViews {
    private DrilldownViews() {}

    record NamndView(String period, String namnd, String name, String unit, BigDecimal periodDeviation,
                     BigDecimal forecastDeviation, List<UnitView> units) {}

    record UnitView(String unit, String name, String group, boolean missing, BigDecimal outcome,
                    BigDecimal periodBudget, BigDecimal periodDeviation, BigDecimal yearBudget, BigDecimal forecast,
                    BigDecimal forecastDeviation, List<String> comments, String review, String reviewLabel,
                    int warnings, Instant latestUpload, String latestBy) {}

    static NamndView of(NamndDrilldown.Namnd n) {
        return new NamndView(n.figures().period().toString(), n.drilldown().namnd(), n.drilldown().name(), "tkr",
                tkr(n.drilldown().period()), tkr(n.drilldown().forecast()), n.units().stream().map(u -> new UnitView(
                        u.figures().unit(), u.figures().name(), u.group(), u.figures().missing(),
                        tkr(u.figures().outcome()), tkr(u.figures().periodBudget()), tkr(u.figures().periodDeviation()),
                        tkr(u.figures().yearBudget()), tkr(u.figures().forecast()),
                        tkr(u.figures().forecastDeviation()), u.figures().comments(), u.review(), u.reviewLabel(),
                        u.warnings(), u.latestUpload().orElse(null), u.latestBy().orElse(null))).toList());
    }

    private static BigDecimal tkr(Optional<Amount> a) {
        return a.map(Amount::tkr).orElse(null);
    }
}
