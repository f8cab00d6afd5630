package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.BalanceCheck;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.Finding;
import se.tertial.spec.FindingText;
import se.tertial.spec.Severity;

import java.util.ArrayList;
import java.util.List;

/** The balance sheet must balance in every column that was filled in: |assets − equity and liabilities| < tolerance. */
final class BalanceRule {
    private BalanceRule() {}

    static List<Finding> check(SheetValues v) {
        List<Finding> out = new ArrayList<>();
        if (v.spec().balance().isEmpty()) {
            return out;
        }
        BalanceCheck b = v.spec().balance().get();
        Amount tolerance = Amount.ofTkr(b.toleranceTkr());
        for (ColumnSpec col : v.spec().columns()) {
            if (!v.isPresent(col.code()) || v.tainted(b.assets(), col.code())
                    || v.tainted(b.equityAndLiabilities(), col.code())) {
                continue;
            }
            Amount assets = v.value(b.assets(), col.code()).orElse(Amount.ZERO);
            Amount liabilities = v.value(b.equityAndLiabilities(), col.code()).orElse(Amount.ZERO);
            Amount diff = assets.minus(liabilities);
            if (diff.abs().compareTo(tolerance) >= 0) {
                out.add(Findings.at(Severity.ERROR, v, b.equityAndLiabilities(), col.code(), Rules.BALANCE,
                        FindingText.unbalanced(assets.tkr(), liabilities.tkr(), diff.tkr(),
                                v.address(b.assets(), col.code()))));
            }
        }
        return out;
    }
}
