package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.Finding;
import se.tertial.spec.LineCode;
import se.tertial.spec.LineSpec;
import se.tertial.spec.FindingText;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.Severity;
import se.tertial.spec.TemplateSpec;
import se.tertial.workbook.CellValue;
import se.tertial.workbook.SheetFormulas;
import se.tertial.workbook.SheetGrid;
import se.tertial.workbook.SheetLayout;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one data sheet by the template convention: checks that every line and column code is where the spec puts
 * it, parses the entered cells (numbers, Swedish number text, comments), recomputes the sums and deviations, and
 * checks that every formula cell still holds its formula.
 */
final class SheetReader {
    private final TemplateSpec spec;
    private final PeriodCode period;
    private final SheetGrid grid;
    private final SheetLayout layout;
    private final Map<LineCode, Map<ColumnCode, SheetFormulas.Check>> checks;
    private final List<Finding> findings = new ArrayList<>();

    private SheetReader(TemplateSpec spec, PeriodCode period, SheetGrid grid) {
        this.spec = spec;
        this.period = period;
        this.grid = grid;
        this.layout = new SheetLayout(spec);
        this.checks = se.tertial.workbook.SheetFormulas.checks(spec, layout, period);
    }

    /** The values, or empty when the structure is altered (then no address can be trusted); findings either way. */
    static Optional<SheetValues> read(TemplateSpec spec, PeriodCode period, SheetGrid grid, List<Finding> findings) {
        SheetReader r = new SheetReader(spec, period, grid);
        Optional<SheetValues> values = r.read();
        findings.addAll(r.findings);
        return values;
    }

    private Optional<SheetValues> read() {
        checkColumns();
        checkLines();
        if (!findings.isEmpty()) {
            return Optional.empty();
        }
        Map<LineCode, Map<ColumnCode, Amount>> entered = new HashMap<>();
        Map<LineCode, String> comments = new HashMap<>();
        java.util.Set<se.tertial.spec.FactKey> unreadable = new java.util.HashSet<>();
        for (LineSpec line : spec.lines()) {
            for (ColumnSpec col : spec.columns()) {
                CellValue cell = grid.get(layout.row(line), layout.col(col));
                if (col.kind() == ColumnKind.TEXT) {
                    text(cell).ifPresent(t -> comments.put(line.code(), t));
                } else if (check(line, col).isEmpty()) {
                    CellAmount read = CellAmount.read(cell);
                    read.problem().ifPresent(p -> add(p.severity(), line, col, p.rule(), p.text()));
                    if (read.problem().filter(p -> p.severity() == Severity.ERROR).isPresent()) {
                        unreadable.add(new se.tertial.spec.FactKey(spec.id(), line.code(), col.code()));
                    }
                    read.amount().ifPresent(a ->
                            entered.computeIfAbsent(line.code(), k -> new HashMap<>()).put(col.code(), a));
                }
            }
        }
        SheetValues values = new SheetValues(spec, period, entered, comments, unreadable);
        checkFormulas(values);
        return Optional.of(values);
    }

    private void checkColumns() {
        for (ColumnSpec c : spec.columns()) {
            int col = layout.col(c);
            String found = grid.text(SheetLayout.CODE_ROW, col);
            if (!found.equals(c.code().value())) {
                String address = SheetLayout.address(SheetLayout.CODE_ROW, col);
                String text = whereIs(c.code().value(), true).map(a -> FindingText.columnMoved(c.code().value(), a))
                        .orElse(FindingText.columnMissing(c.code().value(), found));
                findings.add(Findings.at(Severity.ERROR, spec.sheet(), address, null, c.code().value(),
                        Rules.STRUCTURE_COLUMN, text));
            }
        }
    }

    private void checkLines() {
        for (LineSpec l : spec.lines()) {
            int row = layout.row(l);
            String found = grid.text(row, SheetLayout.LINE_CODE_COL);
            if (!found.equals(l.code().value())) {
                String address = SheetLayout.address(row, SheetLayout.LINE_CODE_COL);
                String text = whereIs(l.code().value(), false).map(a -> FindingText.lineMoved(l.code().value(), a))
                        .orElse(FindingText.lineMissing(l.code().value(), found));
                findings.add(Findings.at(Severity.ERROR, spec.sheet(), address, l.code().value(), null,
                        Rules.STRUCTURE_LINE, text));
            }
        }
    }

    /** Where a code is now, if it was moved: in the code row, or in column A. */
    private Optional<String> whereIs(String code, boolean inCodeRow) {
        if (inCodeRow) {
            for (int c = 0; c <= grid.lastCol(); c++) {
                if (grid.text(SheetLayout.CODE_ROW, c).equals(code)) {
                    return Optional.of(SheetLayout.address(SheetLayout.CODE_ROW, c));
                }
            }
        } else {
            for (int r = 0; r <= grid.lastRow(); r++) {
                if (grid.text(r, SheetLayout.LINE_CODE_COL).equals(code)) {
                    return Optional.of(SheetLayout.address(r, SheetLayout.LINE_CODE_COL));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(CellValue cell) {
        CellValue shown = cell.shown();
        String s = shown instanceof CellValue.Blank || shown instanceof CellValue.Error
                || shown instanceof CellValue.Unreadable ? "" : describe(shown);
        if (shown instanceof CellValue.Text t) {
            s = t.value();
        }
        s = s.strip();
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }

    /** A formula cell must hold its formula; a value in its place is an error unless it equals tertial's. */
    private Optional<SheetFormulas.Check> check(LineSpec line, ColumnSpec col) {
        Map<ColumnCode, SheetFormulas.Check> byCol = checks.get(line.code());
        return byCol == null ? Optional.empty() : Optional.ofNullable(byCol.get(col.code()));
    }

    private void checkFormulas(SheetValues values) {
        for (LineSpec line : spec.lines()) {
            for (ColumnSpec col : spec.columns()) {
                Optional<SheetFormulas.Check> check = check(line, col);
                if (check.isEmpty()) {
                    continue;
                }
                CellValue cell = grid.get(layout.row(line), layout.col(col));
                if (cell instanceof CellValue.Formula f
                        && check.get().accepted().contains(SheetFormulas.normalize(f.formula()))) {
                    continue;
                }
                if (values.tainted(line.code(), col.code())) {
                    continue; // tertial's own value is unknown while an input cannot be read
                }
                Amount ours = values.value(line.code(), col.code()).orElse(Amount.ZERO);
                Optional<Amount> theirs = numeric(cell.shown());
                String found = describe(cell);
                if (theirs.isPresent() && theirs.get().equals(ours)) {
                    add(Severity.WARNING, line, col, Rules.FORMULA_REPLACED,
                            FindingText.formulaReplacedSameValue(check.get().expected(), found));
                } else {
                    add(Severity.ERROR, line, col, Rules.FORMULA_REPLACED,
                            FindingText.formulaReplaced(check.get().expected(), found, ours.tkr()));
                }
            }
        }
    }

    private static Optional<Amount> numeric(CellValue shown) {
        if (shown instanceof CellValue.Blank) {
            return Optional.of(Amount.ZERO);
        }
        if (shown instanceof CellValue.Number n) {
            try {
                return Optional.of(Amount.fromSpreadsheet(n.value()));
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static String describe(CellValue cell) {
        return CellAmount.describe(cell);
    }

    private void add(Severity severity, LineSpec line, ColumnSpec col, String rule, String text) {
        findings.add(Findings.at(severity, spec, period, layout.address(line.code(), col.code()), line.code(),
                col.code(), rule, text));
    }
}
