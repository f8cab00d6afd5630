package se.tertial.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the consolidated report adds up, from {@code workbook-templates/report.json}: which template line is a unit's
 * net cost (nämndsavvikelser), which lines make each row of the resultaträkning, the balance sheet's key lines, and
 * the key ratios. Checked against the templates when loaded.
 */
public record ReportSpec(Namndsavvikelser namndsavvikelser, Resultatrakning resultatrakning, Balansrakning balansrakning,
                         List<KeyRatio> nyckeltal) {
    public ReportSpec {
        Objects.requireNonNull(namndsavvikelser);
        Objects.requireNonNull(resultatrakning);
        Objects.requireNonNull(balansrakning);
        nyckeltal = List.copyOf(nyckeltal);
    }

    public record Namndsavvikelser(TemplateId template, LineCode line, ColumnCode outcome, ColumnCode periodBudget,
                                  ColumnCode periodDeviation, ColumnCode yearBudget, ColumnCode forecast,
                                  ColumnCode forecastDeviation, ColumnCode comment) {}

    /** A row of the resultaträkning: the sum of template lines, or ({@code sum}) of earlier rows. */
    public record RrRow(String code, String label, Optional<TemplateId> template, List<LineCode> lines,
                        List<String> sum) {
        public RrRow {
            lines = List.copyOf(lines);
            sum = List.copyOf(sum);
        }

        public boolean isTotal() {
            return !sum.isEmpty();
        }
    }

    /**
     * @param internalTemplate the template of the internal lines eliminated from the RR; empty for a region without
     *                         internal trade (then there is no internal-trade check either)
     */
    public record Resultatrakning(ColumnCode outcome, ColumnCode forecast, ColumnCode deviation, List<RrRow> rows,
                                  Optional<TemplateId> internalTemplate, List<LineCode> internalLines,
                                  String netCostRow) {
        public Resultatrakning {
            rows = List.copyOf(rows);
            internalLines = List.copyOf(internalLines);
        }

        public boolean hasInternalTrade() {
            return internalTemplate.isPresent() && !internalLines.isEmpty();
        }
    }

    public record Balansrakning(TemplateId template, ColumnCode column, LineCode assets,
                                LineCode equityAndLiabilities, LineCode yearResult, LineCode openingEquity,
                                LineCode equity, String resultRow) {}

    /** A term of a key ratio: an RR row or a BR line, possibly negated. */
    public record Ref(boolean balance, String code, boolean negated) {}

    public enum RatioKind { RATIO, AMOUNT, GROWTH }

    public record KeyRatio(String label, RatioKind kind, List<Ref> numerator, List<Ref> denominator) {
        public KeyRatio {
            numerator = List.copyOf(numerator);
            denominator = List.copyOf(denominator);
        }
    }
}
