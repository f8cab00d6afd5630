package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.Finding;
import se.tertial.spec.LegacyMapping;
import se.tertial.spec.LineCode;
import se.tertial.spec.Messages;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.Severity;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Unit;
import se.tertial.spec.UnitCode;
import se.tertial.workbook.CellValue;
import se.tertial.workbook.OpenedWorkbook;
import se.tertial.workbook.SheetGrid;
import se.tertial.workbook.SheetLayout;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Reads hand-made workbooks by a declarative {@link LegacyMapping}: finds the sheet, the unit and period, the heading
 * row and the labelled lines, converts the scale and sign to tertial's convention (tkr, revenues positive), and
 * verifies the workbook's own totals against the mapped lines.
 */
final class LegacyReader {
    private static final int HEADING_SEARCH_ROWS = 40;

    private LegacyReader() {}

    /** A mapping that fits the workbook: where it found the heading row and what the unit and period texts say. */
    record Match(LegacyMapping mapping, SheetGrid grid, String unitText, String periodText, int headingRow,
                 Map<Integer, Optional<ColumnCode>> columns) {}

    /** Hand-made layouts are read this far; their tables are a few dozen rows. */
    static final se.tertial.workbook.ReadArea AREA = new se.tertial.workbook.ReadArea(1_000, 60);

    static List<Match> match(OpenedWorkbook wb, String fileName, SpecCatalog catalog)
            throws se.tertial.workbook.UnreadableWorkbookException {
        List<Match> matches = new ArrayList<>();
        for (LegacyMapping m : catalog.legacyMappings()) {
            Optional<SheetGrid> grid = wb.sheetNames().contains(m.sheet()) ? wb.sheet(m.sheet(), AREA)
                    : Optional.empty();
            if (grid.isEmpty()) {
                continue;
            }
            Optional<String> unit = locate(m.unit(), grid.get(), fileName);
            Optional<String> period = locate(m.period(), grid.get(), fileName);
            if (unit.isEmpty() || period.isEmpty()) {
                continue;
            }
            findHeadings(m, grid.get()).ifPresent(h -> matches.add(new Match(m, grid.get(), unit.get(), period.get(),
                    h.getKey(), h.getValue())));
        }
        return matches;
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
        String text = m.periodText();
        try {
            if (m.mapping().period().by() == LegacyMapping.By.MONTHS) {
                String[] parts = text.split("\u0000");
                String months = LegacyMapping.normalize(parts[0]);
                int tertial = months.endsWith("apr") ? 1 : months.endsWith("aug") ? 2 : months.endsWith("dec") ? 3 : 0;
                return tertial == 0 ? Optional.empty()
                        : Optional.of(new PeriodCode(Integer.parseInt(parts[1].strip()), tertial));
            }
            return Optional.of(PeriodCode.parse(text.strip().toUpperCase(java.util.Locale.ROOT)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The mapped lines as entered values in tertial's convention; findings for unknown rows, text, totals. */
    static Map<LineCode, Map<ColumnCode, Amount>> read(Match match, TemplateSpec spec, List<Finding> findings) {
        LegacyMapping m = match.mapping();
        SheetGrid grid = match.grid();
        Map<String, LineCode> aliases = new HashMap<>();
        m.lines().forEach(a -> a.labels().forEach(l -> aliases.put(l, a.line())));
        Map<LineCode, Map<ColumnCode, Amount>> entered = new LinkedHashMap<>();
        Map<ColumnCode, Amount> sourceSums = new HashMap<>();
        Map<ColumnCode, List<String>> textCells = new HashMap<>();
        List<Integer> totalRows = new ArrayList<>();
        for (int r = match.headingRow() + 1; r <= grid.lastRow(); r++) {
            String raw = grid.text(r, m.labelColumn());
            String label = LegacyMapping.normalize(raw);
            if (m.totals().contains(label)) {
                totalRows.add(r);
                continue;
            }
            LineCode line = aliases.get(label);
            boolean hasValues = false;
            for (Map.Entry<Integer, Optional<ColumnCode>> col : match.columns().entrySet()) {
                if (col.getValue().isEmpty()) {
                    continue;
                }
                CellValue cell = grid.get(r, col.getKey());
                if (cell.shown() instanceof CellValue.Blank) {
                    continue;
                }
                hasValues = true;
                if (line == null) {
                    continue;
                }
                ColumnCode code = col.getValue().get();
                String address = SheetLayout.address(r, col.getKey());
                CellAmount read = CellAmount.read(cell);
                read.problem().ifPresent(p -> findings.add(Findings.at(p.severity(), m.sheet(), address, line.value(),
                        code.value(), p.rule(), p.text())));
                if (read.problem().filter(p -> p.rule().equals(Rules.NUMBER_AS_TEXT)).isPresent()) {
                    textCells.computeIfAbsent(code, k -> new ArrayList<>()).add(address);
                }
                read.amount().ifPresent(source -> {
                    Optional<Amount> tkr = convert(source, m);
                    if (tkr.isEmpty()) {
                        findings.add(Findings.at(Severity.ERROR, m.sheet(), address, line.value(), code.value(),
                                Rules.TOO_MANY_DECIMALS, Messages.tooManyDecimals(source.tkr().toPlainString())));
                        return;
                    }
                    sourceSums.merge(code, source, Amount::plus);
                    Amount value = m.ledgerSign() ? tkr.get().negate() : tkr.get();
                    entered.computeIfAbsent(line, k -> new HashMap<>()).merge(code, value, Amount::plus);
                });
            }
            if (line == null && hasValues) {
                findings.add(Findings.at(Severity.ERROR, m.sheet(), SheetLayout.address(r, m.labelColumn()), null, null,
                        Rules.LEGACY_UNKNOWN_ROW, Messages.legacyUnknownRow(raw.strip(), m.name())));
            }
        }
        for (int r : totalRows) {
            verifyTotal(match, r, sourceSums, textCells, findings);
        }
        return entered;
    }

    private static void verifyTotal(Match match, int row, Map<ColumnCode, Amount> sums,
                                    Map<ColumnCode, List<String>> textCells, List<Finding> findings) {
        for (Map.Entry<Integer, Optional<ColumnCode>> col : match.columns().entrySet()) {
            if (col.getValue().isEmpty()) {
                continue;
            }
            Optional<Amount> total = totalAmount(match.grid().get(row, col.getKey()));
            if (total.isEmpty()) {
                continue;
            }
            ColumnCode code = col.getValue().get();
            Amount expected = sums.getOrDefault(code, Amount.ZERO);
            if (!total.get().equals(expected)) {
                String cell = SheetLayout.address(row, col.getKey());
                findings.add(Findings.at(Severity.WARNING, match.mapping().sheet(), cell, null, code.value(),
                        Rules.LEGACY_TOTAL, Messages.legacyTotalMismatch(total.get().tkr(), expected.tkr(),
                                textCells.getOrDefault(code, List.of()))));
            }
        }
    }

    /**
     * A total as the spreadsheet shows it. A computed total carries binary floating-point noise (−781.4999999999999),
     * so it is rounded to the precision amounts are kept in before it is compared.
     */
    private static Optional<Amount> totalAmount(CellValue cell) {
        if (cell.shown() instanceof CellValue.Number n && Double.isFinite(n.value())) {
            return Optional.of(Amount.ofTkr(BigDecimal.valueOf(n.value()).setScale(3, java.math.RoundingMode.HALF_UP)));
        }
        return CellAmount.read(cell).amount();
    }

    /** A source amount (read as if tkr) in the mapping's scale, converted to an exact tkr amount. */
    private static Optional<Amount> convert(Amount source, LegacyMapping m) {
        try {
            return Optional.of(Amount.ofTkr(m.scale().toTkr(source.tkr())));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> locate(LegacyMapping.Locator loc, SheetGrid grid, String fileName) {
        String text;
        if (loc.fromFileName()) {
            text = fileName == null ? "" : fileName;
        } else {
            int[] at = SheetLayout.parseAddress(loc.cell().orElseThrow());
            text = grid.text(at[0], at[1]);
        }
        Matcher matcher = loc.pattern().matcher(text.replace('\u00A0', ' '));
        if (!matcher.find() || matcher.groupCount() < 1) {
            return Optional.empty();
        }
        if (loc.by() == LegacyMapping.By.MONTHS && matcher.groupCount() >= 2) {
            return Optional.of(matcher.group(1) + "\u0000" + matcher.group(2));
        }
        return Optional.of(matcher.group(1).strip());
    }

    /** The first row (near the top) whose cells match every required heading; which column is which. */
    private static Optional<Map.Entry<Integer, Map<Integer, Optional<ColumnCode>>>> findHeadings(LegacyMapping m,
                                                                                              SheetGrid grid) {
        for (int r = 0; r <= Math.min(grid.lastRow(), HEADING_SEARCH_ROWS); r++) {
            Map<Integer, Optional<ColumnCode>> columns = new LinkedHashMap<>();
            boolean all = true;
            for (LegacyMapping.Heading h : m.headings()) {
                int found = -1;
                for (int c = 0; c <= grid.lastCol(); c++) {
                    if (!columns.containsKey(c) && h.pattern().matcher(grid.text(r, c).replace('\u00A0', ' ')).matches()) {
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
                return Optional.of(Map.entry(r, columns));
            }
        }
        return Optional.empty();
    }
}
