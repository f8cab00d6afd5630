package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.Finding;
import se.tertial.spec.LegacyMapping;
import se.tertial.spec.LineCode;
import se.tertial.spec.FindingText;
import se.tertial.spec.Severity;
import se.tertial.spec.TemplateSpec;
import se.tertial.workbook.CellValue;
import se.tertial.workbook.SheetGrid;
import se.tertial.workbook.SheetLayout;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The amounts of a hand-made workbook a {@link LegacyReader.Match} found: each mapped line's cells read, converted
 * from the workbook's scale and sign to tertial's (tkr, revenues positive), and the workbook's own totals checked
 * against the mapped lines, each difference a finding that names the cell.
 */
final class LegacyValues {
    private LegacyValues() {}

    /** The mapped lines as entered values in tertial's convention; findings for unknown rows, text, totals. */
    static Map<LineCode, Map<ColumnCode, Amount>> read(LegacyReader.Match match, TemplateSpec spec, List<Finding> findings) {
        LegacyMapping m = match.mapping();
        SheetGrid grid = match.grid();
        Map<String, LineCode> aliases = new HashMap<>();
        m.lines().forEach(a -> a.labels().forEach(l -> aliases.put(l, a.line())));
        Map<LineCode, Map<ColumnCode, Amount>> entered = new LinkedHashMap<>();
        Map<ColumnCode, Amount> sourceSums = new HashMap<>();
        Map<ColumnCode, List<String>> textCells = new HashMap<>();
        List<Integer> totalRows = new ArrayList<>();
        for (int r = match.headingRow() + 1; r <= grid.lastRow(); r++) {
            String raw = grid.text(r, match.labelColumn());
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
                read.problem().ifPresent(p -> findings.add(Findings.at(p.severity(), match.sheet(), address, line.value(),
                        code.value(), p.rule(), p.text())));
                if (read.problem().filter(p -> p.rule().equals(Rules.NUMBER_AS_TEXT)).isPresent()) {
                    textCells.computeIfAbsent(code, k -> new ArrayList<>()).add(address);
                }
                read.amount().ifPresent(source -> {
                    Optional<Amount> tkr = convert(source, m);
                    if (tkr.isEmpty()) {
                        findings.add(Findings.at(Severity.ERROR, match.sheet(), address, line.value(), code.value(),
                                Rules.TOO_MANY_DECIMALS, FindingText.tooManyDecimals(source.tkr().toPlainString())));
                        return;
                    }
                    sourceSums.merge(code, source, Amount::plus);
                    Amount value = m.ledgerSign() ? tkr.get().negate() : tkr.get();
                    entered.computeIfAbsent(line, k -> new HashMap<>()).merge(code, value, Amount::plus);
                });
            }
            if (line == null && hasValues) {
                findings.add(Findings.at(Severity.ERROR, match.sheet(), SheetLayout.address(r, match.labelColumn()), null, null,
                        Rules.LEGACY_UNKNOWN_ROW, FindingText.legacyUnknownRow(raw.strip(), m.name())));
            }
        }
        for (int r : totalRows) {
            verifyTotal(match, r, sourceSums, textCells, findings);
        }
        return entered;
    }

    /**
     * A total as the spreadsheet shows it. A computed total carries binary floating-point noise (−781.4999999999999),
     * so it is rounded to the precision amounts are kept in before it is compared.
     */
    static Optional<Amount> totalAmount(CellValue cell) {
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

    private static void verifyTotal(LegacyReader.Match match, int row, Map<ColumnCode, Amount> sums,
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
                findings.add(Findings.at(Severity.WARNING, match.sheet(), cell, null, code.value(),
                        Rules.LEGACY_TOTAL, FindingText.legacyTotalMismatch(total.get().tkr(), expected.tkr(),
                                textCells.getOrDefault(code, List.of()))));
            }
        }
    }
}
