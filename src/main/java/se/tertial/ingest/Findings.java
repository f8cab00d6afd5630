package se.tertial.ingest;

import se.tertial.spec.ColumnCode;
import se.tertial.spec.Finding;
import se.tertial.spec.LineCode;
import se.tertial.spec.Messages;
import se.tertial.spec.Severity;

/** Builds findings whose message starts with where they are, so the text alone tells the controller what to fix. */
final class Findings {
    private Findings() {}

    static Finding at(Severity severity, String sheet, String cell, String line, String column, String rule,
                      String text) {
        return new Finding(severity, sheet, cell, line, column, rule, Messages.located(sheet, cell, line, column, text));
    }

    static Finding at(Severity severity, SheetValues v, LineCode line, ColumnCode column, String rule, String text) {
        return at(severity, v.spec().sheet(), v.address(line, column), line.value(), column.value(), rule, text);
    }
}
