package se.tertial.ingest;

import se.tertial.spec.ColumnCode;
import se.tertial.spec.Finding;
import se.tertial.spec.Headings;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.LineCode;
import se.tertial.spec.FindingText;
import se.tertial.spec.Severity;

/** Builds findings whose message starts with where they are, so the text alone tells the controller what to fix. */
final class Findings {
    private Findings() {}

    static Finding at(Severity severity, String sheet, String cell, String line, String column, String rule,
                      String text) {
        return new Finding(severity, sheet, cell, line, column, rule, FindingText.located(sheet, cell, line, column, text));
    }

    static Finding at(Severity severity, SheetValues v, LineCode line, ColumnCode column, String rule, String text) {
        return at(severity, v.spec(), v.period(), v.address(line, column), line, column, rule, text);
    }

    /**
     * A finding at a template's cell, its place in words: the line's label with its code in parentheses (scripts and
     * finance's questions use the code) and the column's heading for the period, e.g. "rad Lokalkostnader
     * (KOST_LOKAL), kolumn Utfall jan–aug 2022". The finding's own fields keep the codes.
     */
    static Finding at(Severity severity, TemplateSpec spec, PeriodCode period, String cell, LineCode line,
                      ColumnCode column, String rule, String text) {
        String lineWords = spec.line(line).map(l -> l.label() + " (" + line.value() + ")").orElse(line.value());
        String columnWords = spec.column(column).map(c -> Headings.render(c.headingFor(period), period))
                .orElse(column.value());
        return new Finding(severity, spec.sheet(), cell, line.value(), column.value(), rule,
                FindingText.located(spec.sheet(), cell, lineWords, columnWords, text));
    }
}
