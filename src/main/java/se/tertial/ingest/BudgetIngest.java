package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.Finding;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.FindingText;
import se.tertial.spec.WorkbookText;
import se.tertial.spec.Severity;
import se.tertial.spec.Sign;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Unit;
import se.tertial.workbook.BudgetWorkbook;
import se.tertial.workbook.OpenedWorkbook;
import se.tertial.workbook.SheetGrid;
import se.tertial.workbook.SheetLayout;
import se.tertial.workbook.UnreadableWorkbookException;
import se.tertial.workbook.WorkbookReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads finance's budget workbook for a year, validated the way unit uploads are: structure (every expected
 * unit × template × line row once, identified by its codes, in any order), numbers, Swedish number text, signs.
 */
public final class BudgetIngest {
    private BudgetIngest() {}

    /** The rows a budget workbook for the organisation has: unit × template with budget columns × entered line. */
    public static List<BudgetCell> expectedRows(SpecCatalog catalog) {
        List<BudgetCell> rows = new ArrayList<>();
        for (Unit unit : catalog.organisation().units()) {
            for (TemplateSpec spec : catalog.currentFor(unit)) {
                if (spec.columns().stream().noneMatch(c -> c.kind() == ColumnKind.BUDGET)) {
                    continue;
                }
                for (LineSpec line : spec.lines()) {
                    if (line.kind() == LineKind.INPUT) {
                        rows.add(new BudgetCell(unit.code(), spec.id(), line.code(), null));
                    }
                }
            }
        }
        return rows;
    }

    public static BudgetResult run(Path file, SpecCatalog catalog, int year) {
        try (OpenedWorkbook wb = WorkbookReader.open(file)) {
            Optional<Integer> fileYear = wb.metadata().flatMap(BudgetWorkbook::year);
            if (fileYear.isEmpty()) {
                return rejected(Finding.error(Rules.NOT_TERTIAL, FindingText.NOT_BUDGET_WORKBOOK));
            }
            if (fileYear.get() != year) {
                return rejected(Finding.error(Rules.NOT_TERTIAL, FindingText.budgetWrongYear(fileYear.get(), year)));
            }
            Optional<SheetGrid> grid = wb.sheet(WorkbookText.BUDGET_SHEET,
                    new se.tertial.workbook.ReadArea(expectedRows(catalog).size() + 200, 60));
            if (grid.isEmpty()) {
                return rejected(new Finding(Severity.ERROR, WorkbookText.BUDGET_SHEET, null, null, null,
                        Rules.SHEET_MISSING, FindingText.sheetMissing(WorkbookText.BUDGET_SHEET)));
            }
            return read(grid.get(), catalog);
        } catch (UnreadableWorkbookException e) {
            return rejected(Finding.error(Rules.UNREADABLE, e.getMessage()));
        } catch (se.tertial.workbook.Deadline.Exceeded e) {
            return rejected(Finding.error(Rules.TIMEOUT, FindingText.uploadTimedOut(e.budget())));
        } catch (RuntimeException | StackOverflowError e) {
            return rejected(Finding.error(Rules.UNREADABLE, FindingText.FILE_CORRUPT));
        }
    }

    private static BudgetResult read(SheetGrid grid, SpecCatalog catalog) {
        List<Finding> findings = new ArrayList<>();
        String sheet = grid.name();
        Map<String, Integer> cols = new HashMap<>();
        for (int c = 0; c <= grid.lastCol(); c++) {
            cols.putIfAbsent(grid.text(SheetLayout.CODE_ROW, c), c);
        }
        List<String> needed = new ArrayList<>(List.of("UNIT", "TEMPLATE", "LINE"));
        needed.addAll(BudgetWorkbook.AMOUNT_COLUMNS);
        for (String code : needed) {
            if (!cols.containsKey(code)) {
                findings.add(Findings.at(Severity.ERROR, sheet, null, null, code, Rules.STRUCTURE_COLUMN,
                        FindingText.columnMissing(code, "")));
            }
        }
        if (!findings.isEmpty()) {
            return new BudgetResult(findings, Map.of());
        }
        Map<String, BudgetCell> expected = new LinkedHashMap<>();
        for (BudgetCell row : expectedRows(catalog)) {
            expected.put(row.unit() + "/" + row.template() + "/" + row.line(), row);
        }
        Map<String, Integer> seen = new HashMap<>();
        Map<BudgetCell, Amount> amounts = new LinkedHashMap<>();
        for (int r = SheetLayout.FIRST_LINE_ROW; r <= grid.lastRow(); r++) {
            String key = grid.text(r, cols.get("UNIT")) + "/" + grid.text(r, cols.get("TEMPLATE")) + "/"
                    + grid.text(r, cols.get("LINE"));
            if (key.equals("//")) {
                continue;
            }
            String where = SheetLayout.address(r, cols.get("LINE"));
            BudgetCell row = expected.get(key);
            if (row == null) {
                findings.add(Findings.at(Severity.ERROR, sheet, where, null, null, Rules.STRUCTURE_LINE,
                        FindingText.budgetUnknownRow(key)));
                continue;
            }
            if (seen.putIfAbsent(key, r) != null) {
                findings.add(Findings.at(Severity.ERROR, sheet, where, row.line().value(), null, Rules.STRUCTURE_LINE,
                        FindingText.budgetDuplicateRow(key, SheetLayout.address(seen.get(key), cols.get("LINE")))));
                continue;
            }
            LineSpec line = catalog.current(row.template()).line(row.line()).orElseThrow();
            for (String column : BudgetWorkbook.AMOUNT_COLUMNS) {
                int c = cols.get(column);
                String address = SheetLayout.address(r, c);
                CellAmount read = CellAmount.read(grid.get(r, c));
                read.problem().ifPresent(p -> findings.add(Findings.at(p.severity(), sheet, address,
                        row.line().value(), column, p.rule(), row.unit() + ": " + p.text())));
                read.amount().ifPresent(a -> {
                    amounts.put(new BudgetCell(row.unit(), row.template(), row.line(), column), a);
                    if (a.signum() != 0 && (line.sign() == Sign.PLUS || line.sign() == Sign.MINUS)
                            && (a.signum() > 0) != (line.sign() == Sign.PLUS)) {
                        findings.add(Findings.at(Severity.WARNING, sheet, address, row.line().value(), column,
                                Rules.SIGN, row.unit() + ": " + FindingText.signWarning(line.label(),
                                        line.sign() == Sign.PLUS, a.tkr())));
                    }
                });
            }
        }
        for (Map.Entry<String, BudgetCell> e : expected.entrySet()) {
            if (!seen.containsKey(e.getKey())) {
                findings.add(Findings.at(Severity.ERROR, sheet, null, e.getValue().line().value(), null,
                        Rules.STRUCTURE_LINE, FindingText.budgetMissingRow(e.getKey())));
            }
        }
        boolean rejected = findings.stream().anyMatch(Finding::isError);
        return new BudgetResult(findings, rejected ? Map.of() : amounts);
    }

    private static BudgetResult rejected(Finding f) {
        return new BudgetResult(List.of(f), Map.of());
    }
}
