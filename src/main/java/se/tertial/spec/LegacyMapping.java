package se.tertial.spec;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to read a hand-made workbook tertial did not generate, from {@code workbook-templates/legacy/*.json}: where
 * the sheet, unit, period, heading row and lines are, the scale and the sign convention.
 *
 * @param labelColumn 0-based column holding the line labels
 * @param totals labels of total rows, verified against the sum of the mapped lines
 */
public record LegacyMapping(String name, String file, String description, TemplateId template, String sheet,
                            Locator unit, Locator period, int labelColumn, List<Heading> headings, Scale scale,
                            boolean ledgerSign, List<Alias> lines, List<String> totals) {
    public LegacyMapping {
        headings = List.copyOf(headings);
        lines = List.copyOf(lines);
        totals = totals.stream().map(LegacyMapping::normalize).toList();
    }

    /** How a value is found: in a cell's text or in the file name, by a pattern whose groups give the value. */
    public record Locator(Optional<String> cell, boolean fromFileName, Pattern pattern, By by) {}

    /** What a located value is: a unit code, a unit's name, a period code, or "jan–aug 2022" (months and year). */
    public enum By { CODE, NAME, MONTHS }

    /** A heading in the heading row: the column it maps to, or a column to ignore. */
    public record Heading(Pattern pattern, Optional<ColumnCode> column, boolean optional) {}

    /** Labels (normalized) that add into one line. */
    public record Alias(List<String> labels, LineCode line) {
        public Alias {
            labels = labels.stream().map(LegacyMapping::normalize).toList();
        }
    }

    /** The unit amounts are in; converts to tkr. */
    public enum Scale {
        KR(-3), TKR(0), MNKR(3);

        private final int shift;

        Scale(int shift) {
            this.shift = shift;
        }

        public java.math.BigDecimal toTkr(java.math.BigDecimal value) {
            return value.movePointRight(shift);
        }
    }

    /** Case-, accent-form- and whitespace-insensitive: "  LOKALHYROR " matches "Lokalhyror". */
    public static String normalize(String label) {
        String s = Normalizer.normalize(label, Normalizer.Form.NFC).replace('\u00A0', ' ').replace('\u202F', ' ');
        return s.strip().replaceAll("\\s+", " ").toLowerCase(new Locale("sv", "SE"));
    }
}
