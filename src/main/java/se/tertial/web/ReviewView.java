package se.tertial.web;

import se.tertial.app.UnitFigures;
import se.tertial.money.Amount;
import se.tertial.spec.CommonText;
import se.tertial.spec.PageText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The review page's figures in words and Swedish numbers: what {@code figures.jte} shows. */
public final class ReviewView {
    private ReviewView() {}

    /** A data sheet: its headings, lines and balance checks, every amount in tkr with its sign. */
    public record Sheet(String sheet, String id, List<String> headings, List<Line> lines, List<String> balance) {}

    public record Line(String label, String code, boolean sum, List<String> values, String comment,
                       List<String> warnings, boolean needsComment) {}

    /** A list of changes against another version, e.g. "Ändrat sedan version 1". */
    public record Changes(String title, String id, List<Change> rows, boolean folded, String empty) {}

    public record Change(String sheet, String label, String column, String before, String after) {}

    static List<Sheet> sheets(UnitFigures f) {
        List<Sheet> out = new ArrayList<>();
        for (UnitFigures.Sheet s : f.sheets()) {
            List<Line> lines = s.lines().stream().map(l -> new Line(l.label(), l.code(), l.sum(),
                    l.values().stream().map(ReviewView::amount).toList(), l.comment().orElse(null), l.warnings(),
                    l.needsComment())).toList();
            List<String> balance = s.balance().stream().map(b -> b.ok()
                    ? PageText.balanceOk(b.column()) : PageText.balanceOff(b.column(),
                    CommonText.signed(b.difference().tkr()))).toList();
            out.add(new Sheet(s.sheet(), "siffror-" + s.template(), s.columns().stream()
                    .map(UnitFigures.Column::heading).toList(), lines, balance));
        }
        return out;
    }

    static List<Changes> changes(UnitFigures f) {
        List<Changes> out = new ArrayList<>();
        add(out, f.sincePrevious(), "andrat-forra", false);
        add(out, f.sinceReturned(), "andrat-atersanda", false);
        add(out, f.sinceLastYear(), "jamfort-fg-ar", true);
        return out;
    }

    private static void add(List<Changes> out, UnitFigures.Comparison c, String id, boolean folded) {
        if (c.against().isEmpty()) {
            return;
        }
        List<Change> rows = c.changes().stream().map(x -> new Change(x.sheet(), x.label(), x.column(),
                x.isComment() ? text(x.textBefore()) : amount(x.before()),
                x.isComment() ? text(x.textAfter()) : amount(x.after()))).toList();
        out.add(new Changes(PageText.changesSince(c.against().get()), id, rows, folded,
                PageText.noChangesSince(c.against().get())));
    }

    private static String amount(Optional<Amount> a) {
        return a.map(x -> CommonText.signed(x.tkr())).orElse("–");
    }

    private static String text(Optional<String> t) {
        return t.filter(x -> !x.isBlank()).orElse("–");
    }
}
