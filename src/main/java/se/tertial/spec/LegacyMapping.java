package se.tertial.spec;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to read a hand-made workbook tertial did not generate, from {@code workbook-templates/legacy/*.json}. Every
 * anchor is found by its content, not its position: the sheet by its name (a pattern) or, failing that, as the only
 * sheet whose headings match; the unit and the period by searching the first {@code searchRows} × {@code
 * searchColumns} cells for their patterns (a mapping's {@code cell} is where the search starts), with the file name
 * as a fallback; the heading row as the row where the heading patterns match; the label column as the column left
 * of the headings in which the mapped labels are found.
 *
 * @param sheetName the sheet as the mapping names it; {@code sheet} is that text as a whole-name pattern
 * @param labelColumn a hint: the column the labels were in when the mapping was written (0-based)
 * @param totals labels of total rows, verified against the sum of the mapped lines
 */
public record LegacyMapping(String name, String file, String description, TemplateId template, String sheetName,
                            Pattern sheet, Locator unit, Locator period, java.util.OptionalInt labelColumn,
                            List<Heading> headings, Scale scale, boolean ledgerSign, List<Alias> lines,
                            List<String> totals, int searchRows, int searchColumns) {
    public static final int SEARCH_ROWS = 30;
    public static final int SEARCH_COLUMNS = 15;

    public LegacyMapping {
        headings = List.copyOf(headings);
        lines = List.copyOf(lines);
        totals = totals.stream().map(LegacyMapping::normalize).toList();
    }

    /**
     * How a value is found: by searching the sheet's top-left area for a cell whose text matches {@code text}
     * (starting at {@code cell}), else in the file name by {@code fileName}; the patterns' groups give the value.
     */
    public record Locator(Optional<String> cell, Optional<Pattern> text, Optional<Pattern> fileName, By by) {}

    /**
     * What a located value is: a unit code, a unit's name, a period code, "jan–aug 2022" (months and year), or any
     * Swedish way of writing a period ({@code text}: "aug 2019", "Bokslut 2018", "Tertial 2 2021", "2021-T2").
     */
    public enum By { CODE, NAME, MONTHS, TEXT }

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

    /**
     * Case-, accent-form- and whitespace-insensitive, without a trailing colon: "  LOKALHYROR: " matches
     * "Lokalhyror".
     */
    public static String normalize(String label) {
        String s = Normalizer.normalize(label, Normalizer.Form.NFC).replace('\u00A0', ' ').replace('\u202F', ' ')
                .replace('\u2007', ' ');
        s = s.strip().replaceAll("\\s+", " ");
        while (s.endsWith(":")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.toLowerCase(new Locale("sv", "SE"));
    }
}
