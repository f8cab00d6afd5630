package se.tertial.spec;

import java.util.Objects;

/**
 * One problem found in an upload, with its address: the sheet, the cell (A1 style), the line and column codes, the
 * rule that found it and a Swedish message. Sheet, cell, line and column are null when the problem concerns the whole
 * file (e.g. not a workbook at all). A plain record so that ingest and store can share it.
 */
public record Finding(Severity severity, String sheet, String cell, String line, String column, String rule,
                      String message) {
    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    public static Finding error(String rule, String message) {
        return new Finding(Severity.ERROR, null, null, null, null, rule, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
