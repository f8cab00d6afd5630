package se.tertial.http;

import se.tertial.app.UnitFigures;
import se.tertial.money.Amount;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The review figures as JSON for scripts: codes kept, amounts in tkr as exact decimals, no value as null. */
final class FigureViews {
    private FigureViews() {}

    record FiguresView(String unit, String name, String period, Integer version, List<SheetView> sheets,
                       ComparisonView sincePrevious, ComparisonView sinceReturned, ComparisonView sinceLastYear) {}

    record SheetView(String template, String sheet, List<UnitFigures.Column> columns, List<LineView> lines,
                     List<BalanceView> balance) {}

    record LineView(String line, String label, boolean sum, List<BigDecimal> values, String comment,
                    List<String> warnings, boolean needsComment) {}

    record BalanceView(String column, BigDecimal assets, BigDecimal equityAndLiabilities, BigDecimal difference,
                       boolean ok) {}

    record ComparisonView(String against, Integer version, List<ChangeView> changes) {}

    record ChangeView(String sheet, String line, String label, String column, BigDecimal before, BigDecimal after,
                      String commentBefore, String commentAfter) {}

    static FiguresView of(UnitFigures f) {
        return new FiguresView(f.unit(), f.name(), f.period(), f.version().orElse(null), f.sheets().stream()
                .map(FigureViews::sheet).toList(), comparison(f.sincePrevious()), comparison(f.sinceReturned()),
                comparison(f.sinceLastYear()));
    }

    private static SheetView sheet(UnitFigures.Sheet s) {
        return new SheetView(s.template(), s.sheet(), s.columns(), s.lines().stream().map(l -> new LineView(l.code(),
                l.label(), l.sum(), l.values().stream().map(FigureViews::tkr).toList(), l.comment().orElse(null),
                l.warnings(), l.needsComment())).toList(), s.balance().stream().map(b -> new BalanceView(b.column(),
                b.assets().tkr(), b.equityAndLiabilities().tkr(), b.difference().tkr(), b.ok())).toList());
    }

    private static ComparisonView comparison(UnitFigures.Comparison c) {
        return new ComparisonView(c.against().orElse(null), c.version().orElse(null), c.changes().stream()
                .map(x -> new ChangeView(x.sheet(), x.line(), x.label(), x.column(), tkr(x.before()), tkr(x.after()),
                        x.textBefore().orElse(null), x.textAfter().orElse(null))).toList());
    }

    private static BigDecimal tkr(Optional<Amount> a) {
        return a.map(Amount::tkr).orElse(null);
    }
}
