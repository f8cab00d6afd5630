package se.tertial.report;

import se.tertial.money.Amount;
import se.tertial.spec.PeriodCode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The consolidated figures of a period, exact in kronor; an empty value means no unit reported it (not zero).
 *
 * @param missing units without an accepted version for the period
 * @param rejected units whose latest upload was rejected (an earlier accepted version, if any, is used)
 * @param comparison when this year's and last year's figures come from different sets of units: which units are
 *                   missing from which year (a comparison over different units is left blank, never computed)
 */
public record Figures(PeriodCode period, List<String> missing, List<String> rejected, List<NamndRow> namndsavvikelser,
                      List<Drilldown> drilldowns, List<RrLine> resultatrakning, List<BrLine> balansrakning,
                      List<Ratio> nyckeltal, List<Check> kontroller, List<String> notApproved,
                      boolean approvedOnly, Optional<String> comparison) {

    public enum RowKind { NAMND, GROUP, TOTAL }

    /** A row of nämndsavvikelser: a nämnd, a "varav" group under it, or the total. */
    public record NamndRow(RowKind kind, String namnd, String label, Optional<Amount> period,
                           Optional<Amount> forecast) {}

    /** One nämnd's units and their figures (the unit's net cost line), grouped. */
    public record Drilldown(String namnd, String name, List<GroupRows> groups, Optional<Amount> period,
                            Optional<Amount> forecast) {}

    public record GroupRows(String group, List<UnitRow> units, Optional<Amount> period, Optional<Amount> forecast) {}

    public record UnitRow(String unit, String name, boolean missing, Optional<Amount> outcome,
                          Optional<Amount> periodBudget, Optional<Amount> periodDeviation, Optional<Amount> yearBudget,
                          Optional<Amount> forecast, Optional<Amount> forecastDeviation, List<String> comments) {}

    /** A resultaträkning row; totals are sums of earlier rows. */
    public record RrLine(String code, String label, boolean total, Optional<Amount> outcome, Optional<Amount> forecast,
                         Optional<Amount> deviation, Optional<Amount> samePeriodLastYear,
                         Optional<Amount> lastYearBokslut) {}

    public record BrLine(String line, String label, boolean sum, boolean memo, Optional<Amount> value,
                         Optional<Amount> lastYearBokslut) {}

    /** A key ratio for the period: a fraction (0.25 = 25 %) or, for kind AMOUNT, an amount in tkr. */
    /** A key ratio; {@code note} says why it is blank when it is left out rather than computed. */
    public record Ratio(String label, se.tertial.spec.ReportSpec.RatioKind kind, Optional<BigDecimal> value,
                        Optional<String> note) {}

    /** A consistency check: the difference should be zero (within the tolerance). */
    public record Check(String code, String label, Optional<Amount> difference, boolean ok) {}
}
