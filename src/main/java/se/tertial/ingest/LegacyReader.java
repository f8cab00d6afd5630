package se.tertial.ingest;

import se.tertial.spec.ColumnCode;
import se.tertial.spec.LegacyMapping;
import se.tertial.spec.FindingText;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.Unit;
import se.tertial.spec.UnitCode;
import se.tertial.workbook.OpenedWorkbook;
import se.tertial.workbook.SheetGrid;
import se.tertial.workbook.SheetLayout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads hand-made workbooks by a declarative {@link LegacyMapping}: finds the sheet, the unit and period, the heading
 * row, the label column and the labelled lines; the amounts are then read by {@link LegacyValues}.
 */
final class LegacyReader {
    private static final int HEADING_SEARCH_ROWS = 40;

    private LegacyReader() {}

    /**
     * A mapping that fits the workbook: the sheet, where it found the unit and period (cell address or "filnamnet")
     * and what they say, the heading row with which column is which, and the label column.
     */
    record Match(LegacyMapping mapping, String sheet, SheetGrid grid, String unitText, String unitAt,
                 String periodText, String periodAt, int headingRow, Map<Integer, Optional<ColumnCode>> columns,
                 int labelColumn) {}

    /** What one mapping made of the workbook: a match, or why not (and whether that is an ambiguity). */
    record Attempt(LegacyMapping mapping, Optional<Match> match, String why, boolean ambiguous) {
        static Attempt fits(Match m) {
            return new Attempt(m.mapping(), Optional.of(m), "", false);
        }

        static Attempt no(LegacyMapping m, String why) {
            return new Attempt(m, Optional.empty(), why, false);
        }

        static Attempt ambiguous(LegacyMapping m, String why) {
            return new Attempt(m, Optional.empty(), why, true);
        }
    }

    /** Hand-made layouts are read this far; their tables are a few dozen rows. */
    static final se.tertial.workbook.ReadArea AREA = new se.tertial.workbook.ReadArea(1_000, 60);

    /** The mappings that fit the workbook. */
    static List<Match> match(OpenedWorkbook wb, String fileName, SpecCatalog catalog)
            throws se.tertial.workbook.UnreadableWorkbookException {
        return attempts(wb, fileName, catalog).stream().flatMap(a -> a.match().stream()).toList();
    }

    /** Every mapping tried on the workbook, with what it found or why it does not fit. */
    static List<Attempt> attempts(OpenedWorkbook wb, String fileName, SpecCatalog catalog)
            throws se.tertial.workbook.UnreadableWorkbookException {
        List<Attempt> out = new ArrayList<>();
        for (LegacyMapping m : catalog.legacyMappings()) {
            out.add(attempt(m, wb, fileName));
        }
        return out;
    }

    private static Attempt attempt(LegacyMapping m, OpenedWorkbook wb, String fileName)
            throws se.tertial.workbook.UnreadableWorkbookException {
        // The sheet by its name; failing that, the only sheet whose headings match (an "Info" sheet in front, or a
        // sheet named "Ekonomi 2019", changes nothing).
        List<String> named = wb.sheetNames().stream().filter(n -> m.sheet().matcher(n.strip()).matches()).toList();
        List<String> candidates = named.isEmpty() ? wb.sheetNames() : named;
        List<Object[]> fitting = new ArrayList<>();
        for (String name : candidates) {
            Optional<SheetGrid> grid = wb.sheet(name, AREA);
            if (grid.isEmpty()) {
                continue;
            }
            List<Map.Entry<Integer, Map<Integer, Optional<ColumnCode>>>> rows = headingRows(m, grid.get());
            if (rows.size() > 1) {
                return Attempt.ambiguous(m, FindingText.legacyAmbiguousAnchor(m.name(), "rubrikrader på bladet " + name,
                        "rad " + (rows.get(0).getKey() + 1), "rad " + (rows.get(1).getKey() + 1)));
            }
            if (rows.size() == 1) {
                fitting.add(new Object[] {name, grid.get(), rows.get(0)});
            }
        }
        if (fitting.isEmpty()) {
            return Attempt.no(m, named.isEmpty() ? FindingText.legacyNoSheet(m.sheetName(), m.headings().size())
                    : FindingText.legacyNoHeadings(named.get(0)));
        }
        if (fitting.size() > 1) {
            return Attempt.ambiguous(m, FindingText.legacyAmbiguousAnchor(m.name(), "blad",
                    "\"" + fitting.get(0)[0] + "\"", "\"" + fitting.get(1)[0] + "\""));
        }
        String sheet = (String) fitting.get(0)[0];
        SheetGrid grid = (SheetGrid) fitting.get(0)[1];
        @SuppressWarnings("unchecked")
        Map.Entry<Integer, Map<Integer, Optional<ColumnCode>>> headings =
                (Map.Entry<Integer, Map<Integer, Optional<ColumnCode>>>) fitting.get(0)[2];
        Located unit = locate(m, m.unit(), grid, fileName, "enhet");
        if (unit.refusal != null) {
            return unit.ambiguous ? Attempt.ambiguous(m, unit.refusal) : Attempt.no(m, unit.refusal);
        }
        Located period = locate(m, m.period(), grid, fileName, "period");
        if (period.refusal != null) {
            return period.ambiguous ? Attempt.ambiguous(m, period.refusal) : Attempt.no(m, period.refusal);
        }
        int firstHeading = headings.getValue().keySet().stream().mapToInt(Integer::intValue).min().orElse(0);
        LabelColumn labels = labelColumn(m, grid, headings.getKey(), firstHeading);
        if (labels.refusal != null) {
            return labels.ambiguous ? Attempt.ambiguous(m, labels.refusal) : Attempt.no(m, labels.refusal);
        }
        return Attempt.fits(new Match(m, sheet, grid, unit.value, unit.at, period.value, period.at,
                headings.getKey(), headings.getValue(), labels.column));
    }

    static Optional<UnitCode> unit(Match m, SpecCatalog catalog) {
        String text = m.unitText();
        if (m.mapping().unit().by() == LegacyMapping.By.NAME) {
            String wanted = LegacyMapping.normalize(text);
            return catalog.organisation().units().stream()
                    .filter(u -> LegacyMapping.normalize(u.name()).equals(wanted)).map(Unit::code).findFirst();
        }
        return catalog.organisation().unit(text.strip().toUpperCase(java.util.Locale.ROOT)).map(Unit::code);
    }

    static Optional<PeriodCode> period(Match m) {
        return parsePeriod(m.mapping(), m.periodText()).period();
    }

    /** The located period text read as the mapping says: a period code, or Swedish period text. */
    static PeriodText.Parsed parsePeriod(LegacyMapping m, String text) {
        if (m.period().by() == LegacyMapping.By.CODE) {
            try {
                return PeriodText.Parsed.of(PeriodCode.parse(text.strip().toUpperCase(java.util.Locale.ROOT)));
            } catch (RuntimeException e) {
                return PeriodText.Parsed.refused(FindingText.legacyPeriodNotTertial(text));
            }
        }
        return PeriodText.parse(text);
    }

    /** A located value and where it was found, or why it was not. */
    private record Located(String value, String at, String refusal, boolean ambiguous) {}

    /**
     * Searches the sheet's top-left area for the locator's pattern, from its start cell, then row by row; the same
     * value found in several cells (a merged title) is one; two different values are refused, naming both cells.
     * Without a match in the sheet, the file name.
     */
    private static Located locate(LegacyMapping m, LegacyMapping.Locator loc, SheetGrid grid, String fileName,
                                  String what) {
        if (loc.text().isPresent()) {
            List<int[]> order = new ArrayList<>();
            loc.cell().ifPresent(c -> order.add(SheetLayout.parseAddress(c)));
            for (int r = 0; r < m.searchRows() && r <= grid.lastRow(); r++) {
                for (int c = 0; c < m.searchColumns() && c <= grid.lastCol(); c++) {
                    order.add(new int[] {r, c});
                }
            }
            String value = null;
            String at = null;
            for (int[] rc : order) {
                String text = clean(grid.text(rc[0], rc[1]));
                if (text.isEmpty()) {
                    continue;
                }
                Optional<String> found = groups(loc.text().get(), text);
                if (found.isEmpty()) {
                    continue;
                }
                String address = SheetLayout.address(rc[0], rc[1]);
                if (value == null) {
                    value = found.get();
                    at = address;
                } else if (!LegacyMapping.normalize(value).equals(LegacyMapping.normalize(found.get()))
                        && !address.equals(at)) {
                    return new Located(null, null, FindingText.legacyAmbiguousAnchor(m.name(), what + "er",
                            at + " (\"" + value + "\")", address + " (\"" + found.get() + "\")"), true);
                }
            }
            if (value != null) {
                return new Located(value, at, null, false);
            }
        }
        if (loc.fileName().isPresent() && fileName != null) {
            Optional<String> found = groups(loc.fileName().get(), fileName);
            if (found.isPresent()) {
                return new Located(found.get(), FindingText.LEGACY_FROM_FILE_NAME, null, false);
            }
        }
        return new Located(null, null, FindingText.legacyNotFound(what, m.searchRows(), m.searchColumns()), false);
    }

    /** The pattern's groups joined by a blank ("jan–aug" and "2019"), or empty when it does not match. */
    private static Optional<String> groups(java.util.regex.Pattern p, String text) {
        Matcher matcher = p.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        if (matcher.groupCount() == 0) {
            return Optional.of(matcher.group().strip());
        }
        List<String> parts = new ArrayList<>();
        for (int g = 1; g <= matcher.groupCount(); g++) {
            if (matcher.group(g) != null) {
                parts.add(matcher.group(g).strip());
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", parts));
    }

    /** A cell's text with no-break and repeated spaces as one blank, trimmed. */
    private static String clean(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ').strip().replaceAll("\\s+", " ");
    }

    /** Every row (near the top) whose cells match every required heading, with which column is which. */
    private static List<Map.Entry<Integer, Map<Integer, Optional<ColumnCode>>>> headingRows(LegacyMapping m,
                                                                                         SheetGrid grid) {
        List<Map.Entry<Integer, Map<Integer, Optional<ColumnCode>>>> rows = new ArrayList<>();
        for (int r = 0; r <= Math.min(grid.lastRow(), HEADING_SEARCH_ROWS); r++) {
            Map<Integer, Optional<ColumnCode>> columns = new LinkedHashMap<>();
            boolean all = true;
            for (LegacyMapping.Heading h : m.headings()) {
                int found = -1;
                for (int c = 0; c <= grid.lastCol(); c++) {
                    if (!columns.containsKey(c) && h.pattern().matcher(clean(grid.text(r, c))).matches()) {
                        found = c;
                        break;
                    }
                }
                if (found >= 0) {
                    columns.put(found, h.column());
                } else if (!h.optional()) {
                    all = false;
                    break;
                }
            }
            if (all && columns.values().stream().anyMatch(Optional::isPresent)) {
                rows.add(Map.entry(r, columns));
            }
        }
        return rows;
    }

    private record LabelColumn(int column, String refusal, boolean ambiguous) {}

    /**
     * The column left of the headings in which the most rows below the heading row hold a mapped label or total;
     * a tie between columns is settled by the mapping's hint, else refused.
     */
    private static LabelColumn labelColumn(LegacyMapping m, SheetGrid grid, int headingRow, int firstHeading) {
        java.util.Set<String> known = new java.util.HashSet<>(m.totals());
        m.lines().forEach(a -> known.addAll(a.labels()));
        int best = -1;
        int bestCount = 0;
        List<Integer> tied = new ArrayList<>();
        for (int c = 0; c < firstHeading; c++) {
            int count = 0;
            for (int r = headingRow + 1; r <= grid.lastRow(); r++) {
                if (known.contains(LegacyMapping.normalize(grid.text(r, c)))) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = c;
                bestCount = count;
                tied.clear();
                tied.add(c);
            } else if (count == bestCount && count > 0) {
                tied.add(c);
            }
        }
        if (best < 0) {
            return new LabelColumn(-1, FindingText.legacyNoLabels(m.name()), false);
        }
        if (tied.size() > 1) {
            if (m.labelColumn().isPresent() && tied.contains(m.labelColumn().getAsInt())) {
                return new LabelColumn(m.labelColumn().getAsInt(), null, false);
            }
            return new LabelColumn(-1, FindingText.legacyAmbiguousAnchor(m.name(), "etikettkolumner",
                    "kolumn " + SheetLayout.address(0, tied.get(0)).replaceAll("\\d", ""),
                    "kolumn " + SheetLayout.address(0, tied.get(1)).replaceAll("\\d", "")), true);
        }
        return new LabelColumn(best, null, false);
    }
}
