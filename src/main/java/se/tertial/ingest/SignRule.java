package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.Finding;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.FindingText;
import se.tertial.spec.Severity;
import se.tertial.spec.Sign;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Revenues are entered positive and costs negative; the opposite is a warning (reversals exist). */
final class SignRule {
    private SignRule() {}

    static List<Finding> check(SheetValues v) {
        List<Finding> out = new ArrayList<>();
        for (LineSpec line : v.spec().lines()) {
            if (line.kind() != LineKind.INPUT || (line.sign() != Sign.PLUS && line.sign() != Sign.MINUS)) {
                continue;
            }
            for (ColumnSpec col : v.spec().columns()) {
                Optional<Amount> a = v.entered(line.code(), col.code());
                if (a.isPresent() && a.get().signum() != 0
                        && (a.get().signum() > 0) != (line.sign() == Sign.PLUS)) {
                    out.add(Findings.at(Severity.WARNING, v, line.code(), col.code(), Rules.SIGN,
                            FindingText.signWarning(line.label(), line.sign() == Sign.PLUS, a.get().tkr())));
                }
            }
        }
        return out;
    }
}
