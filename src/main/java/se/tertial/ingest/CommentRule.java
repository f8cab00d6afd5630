package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.CommentThreshold;
import se.tertial.spec.Finding;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.FindingText;
import se.tertial.spec.Severity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A line whose deviation (any formula column) reaches the template's threshold must have a comment: the threshold is
 * {@code tkr}, or {@code percent} % of the line's årsbudget when that is larger. Applies to the lines the unit
 * enters; sums are explained by their lines.
 */
public final class CommentRule {
    private CommentRule() {}

    static List<Finding> check(SheetValues v) {
        List<Finding> out = new ArrayList<>();
        Optional<CommentThreshold> threshold = v.spec().commentThreshold();
        Optional<ColumnSpec> commentColumn = v.spec().columns().stream().filter(c -> c.kind() == ColumnKind.TEXT)
                .findFirst();
        if (threshold.isEmpty() || commentColumn.isEmpty()) {
            return out;
        }
        for (LineSpec line : v.spec().lines()) {
            if (line.kind() != LineKind.INPUT || v.comment(line.code()).isPresent()) {
                continue;
            }
            Amount limit = limit(threshold.get(), v.value(line.code(), threshold.get().ofColumn()).orElse(Amount.ZERO));
            for (ColumnSpec col : v.spec().columns()) {
                if (col.kind() != ColumnKind.FORMULA) {
                    continue;
                }
                if (v.tainted(line.code(), col.code())) {
                    continue; // an input could not be read: no deviation is known
                }
                Optional<Amount> deviation = v.value(line.code(), col.code());
                if (deviation.isPresent() && deviation.get().abs().compareTo(limit) >= 0) {
                    out.add(Findings.at(Severity.ERROR, v, line.code(), commentColumn.get().code(),
                            Rules.COMMENT_MISSING, FindingText.commentMissing(col.headingFor(v.period()),
                                    deviation.get().tkr(), limit.tkr())));
                    break;
                }
            }
        }
        return out;
    }

    /** max(tkr, percent % of |budget|), rounded up to whole kronor. */
    public static Amount limit(CommentThreshold t, Amount budget) {
        Amount absolute = Amount.ofTkr(t.tkr().setScale(3, RoundingMode.CEILING));
        BigDecimal relative = budget.abs().tkr().multiply(t.percent()).divide(BigDecimal.valueOf(100))
                .setScale(3, RoundingMode.CEILING);
        Amount rel = Amount.ofTkr(relative);
        return rel.compareTo(absolute) > 0 ? rel : absolute;
    }
}
