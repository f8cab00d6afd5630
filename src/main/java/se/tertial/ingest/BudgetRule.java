package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.FactKey;
import se.tertial.spec.Finding;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.FindingText;
import se.tertial.spec.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Once finance has loaded the budget, the workbook's budget cells must equal it; each differing cell is an error. */
final class BudgetRule {
    private BudgetRule() {}

    static List<Finding> check(SheetValues v, Optional<Map<FactKey, Amount>> budget) {
        List<Finding> out = new ArrayList<>();
        if (budget.isEmpty()) {
            return out;
        }
        for (ColumnSpec col : v.spec().columns()) {
            if (col.kind() != ColumnKind.BUDGET) {
                continue;
            }
            for (LineSpec line : v.spec().lines()) {
                if (line.kind() == LineKind.SUM || v.tainted(line.code(), col.code())) {
                    continue;
                }
                Amount expected = budget.get().getOrDefault(new FactKey(v.spec().id(), line.code(), col.code()),
                        Amount.ZERO);
                Amount actual = v.entered(line.code(), col.code()).orElse(Amount.ZERO);
                if (!expected.equals(actual)) {
                    out.add(Findings.at(Severity.ERROR, v, line.code(), col.code(), Rules.BUDGET_MISMATCH,
                            FindingText.budgetMismatch(actual.tkr(), expected.tkr())));
                }
            }
        }
        return out;
    }
}
