package se.tertial.spec;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an upload's findings say: where (sheet, cell, line, column, in words) and what to do, for templates, legacy layouts and the budget.
 * The words are in {@code texts/finding.properties}; this class is their typed accessor (a missing key fails
 * {@code TextBundlesTest}, not a user).
 */
public final class FindingText {
    private static final TextBundle T = TextBundle.of("texts/finding");

    private FindingText() {}

    public static final String FILE_NOT_A_WORKBOOK = T.text("FILE_NOT_A_WORKBOOK");

    public static final String FILE_MACROS = T.text("FILE_MACROS");

    public static final String FILE_ENCRYPTED = T.text("FILE_ENCRYPTED");

    public static final String FILE_CORRUPT = T.text("FILE_CORRUPT");

    public static String filePartCorrupt(String part) {
        return T.format("filePartCorrupt", LogText.safe(part));
    }

    public static final String CELL_TOO_LONG = T.text("CELL_TOO_LONG");

    public static final String CELL_UNREADABLE = T.text("CELL_UNREADABLE");

    /** How an unreadable cell is described in a finding: "ett ogiltigt värde (\"NaN\")". */
    public static String unreadableCell(String raw) {
        if (raw.equals(CELL_TOO_LONG) || raw.equals(CELL_UNREADABLE)) {
            return raw;
        }
        return T.format("unreadableCell", raw);
    }

    public static String uploadTimedOut(java.time.Duration limit) {
        return T.format("uploadTimedOut", limit.toSeconds());
    }

    public static String outsideTemplateArea(String sheet, long count, String first) {
        return T.format("outsideTemplateArea", sheet, count, first);
    }

    public static final String NO_AMOUNTS = T.text("NO_AMOUNTS");

    public static String templateSetMismatch(String unit, List<String> found, List<String> expected) {
        return T.format("templateSetMismatch", String.join(", ", found), unit, String.join(", ", expected));
    }

    public static String specChecksumMismatch(String id, int version) {
        return T.format("specChecksumMismatch", id, version);
    }

    public static String annotationTooLarge(long cells) {
        return T.format("annotationTooLarge", cells);
    }

    public static final String EMPTY_CELL = T.text("EMPTY_CELL");

    public static final String NOT_TERTIAL = T.text("NOT_TERTIAL");

    /** "Blad Resultat, cell D7 (rad Löner (KOST_LON), kolumn Utfall jan–aug 2022): text". */
    public static String located(String sheet, String cell, String line, String column, String text) {
        if (sheet == null) {
            return text;
        }
        String where = cell == null ? T.format("located.sheet", sheet) : T.format("located.cell", sheet, cell);
        if (line != null && column != null) {
            where = T.format("located.lineColumn", where, line, column);
        } else if (line != null) {
            where = T.format("located.line", where, line);
        } else if (column != null) {
            where = T.format("located.column", where, column);
        }
        return T.format("located", where, text);
    }

    public static String unknownTemplateVersion(String id, int version) {
        return T.format("unknownTemplateVersion", id, version);
    }

    public static String unitNotAllowed(String unit) {
        return T.format("unitNotAllowed", unit);
    }

    public static String periodLocked(String period) {
        return T.format("periodLocked", period);
    }

    public static String sheetMissing(String sheet) {
        return T.format("sheetMissing", sheet);
    }

    public static String columnMoved(String code, String now) {
        return T.format("columnMoved", code, now);
    }

    public static String columnMissing(String code, String found) {
        return found.isEmpty() ? T.format("columnMissing", code) : T.format("columnMissing.found", code, found);
    }

    public static String lineMoved(String code, String now) {
        return T.format("lineMoved", code, now);
    }

    public static String lineMissing(String code, String found) {
        return found.isEmpty() ? T.format("lineMissing", code) : T.format("lineMissing.found", code, found);
    }

    public static String tooManyDecimals(String value) {
        return T.format("tooManyDecimals", value);
    }

    public static String numberAsText(String text, BigDecimal tkr) {
        return T.format("numberAsText", text, CommonText.tkrText(tkr));
    }

    public static String notANumber(String found) {
        return T.format("notANumber", found);
    }

    public static String formulaWithoutResult(String formula) {
        return T.format("formulaWithoutResult", formula);
    }

    public static String formulaReplaced(String formula, String found, BigDecimal computed) {
        return T.format("formulaReplaced", formula, found, CommonText.tkrText(computed));
    }

    public static String formulaReplacedSameValue(String formula, String found) {
        return T.format("formulaReplacedSameValue", formula, found);
    }

    public static String signWarning(String label, boolean revenue, BigDecimal tkr) {
        return T.format(revenue ? "signWarning.revenue" : "signWarning.cost", label, CommonText.tkrText(tkr));
    }

    public static String commentMissing(String column, BigDecimal deviation, BigDecimal limit) {
        return T.format("commentMissing", column, CommonText.tkrText(deviation), CommonText.tkrText(limit.abs()));
    }

    public static String unbalanced(BigDecimal assets, BigDecimal liabilities, BigDecimal diff, String assetsCell) {
        return T.format("unbalanced", assetsCell, CommonText.tkrText(assets), CommonText.tkrText(liabilities), CommonText.tkrText(diff));
    }

    public static String tenfold(BigDecimal now, BigDecimal before, String lastYear) {
        return T.format("tenfold", CommonText.tkrText(now), lastYear, CommonText.tkrText(before));
    }

    public static String budgetMismatch(BigDecimal actual, BigDecimal expected) {
        return T.format("budgetMismatch", CommonText.tkrText(actual), CommonText.tkrText(expected));
    }

    public static final String NOT_BUDGET_WORKBOOK = T.text("NOT_BUDGET_WORKBOOK");

    public static String budgetWrongYear(int fileYear, int year) {
        return T.format("budgetWrongYear", fileYear, year);
    }

    public static String budgetUnknownRow(String key) {
        return T.format("budgetUnknownRow", key.replace('/', ' '));
    }

    public static String budgetDuplicateRow(String key, String first) {
        return T.format("budgetDuplicateRow", key.replace('/', ' '), first);
    }

    public static String budgetMissingRow(String key) {
        return T.format("budgetMissingRow", key.replace('/', ' '));
    }

    /** A rule's name in words, as a controller knows it; the code stays in JSON and a hidden column. */
    public static String ruleName(String rule) {
        return T.textOr("rule." + rule, T.text("rule.other"));
    }

    public static final String NO_ANNOTATION = T.text("NO_ANNOTATION");

    public static final String LEGACY_LOCATOR = T.text("LEGACY_LOCATOR");

    public static String legacySearchArea(int rows, int cols) {
        return T.format("legacySearchArea", rows, cols);
    }

    /** A mapping's anchor found twice with different values: the file is refused naming both. */
    public static String legacyAmbiguousAnchor(String mapping, String what, String first, String second) {
        return T.format("legacyAmbiguousAnchor", mapping, what, first, second);
    }

    public static final String LEGACY_FROM_FILE_NAME = T.text("LEGACY_FROM_FILE_NAME");

    public static String legacyNoSheet(String sheet, int headings) {
        return T.format("legacyNoSheet", sheet, headings);
    }

    public static String legacyNoHeadings(String sheet) {
        return T.format("legacyNoHeadings", sheet);
    }

    public static String legacyNotFound(String what, int rows, int cols) {
        return T.format("legacyNotFound", what, rows, cols);
    }

    public static String legacyNoLabels(String mapping) {
        return T.format("legacyNoLabels", mapping);
    }

    public static String legacyPeriodNotTertial(String text) {
        return T.format("legacyPeriodNotTertial", LogText.safe(text));
    }

    public static String legacyUnknownRow(String label, String mapping) {
        return T.format("legacyUnknownRow", label, mapping);
    }

    public static String legacyTotalMismatch(BigDecimal total, BigDecimal sum, List<String> textCells) {
        String grand = CommonText.grouped(total);
        String lines = CommonText.grouped(sum);
        return textCells.isEmpty() ? T.format("legacyTotalMismatch", grand, lines)
                : T.format("legacyTotalMismatch.text", grand, lines, String.join(", ", textCells));
    }

    public static String legacyAmbiguous(List<String> mappings) {
        return T.format("legacyAmbiguous", String.join(", ", mappings));
    }

    public static final String NO_MAPPING = T.text("NO_MAPPING");

    public static String legacyUnknownUnit(String text) {
        return T.format("legacyUnknownUnit", text);
    }

    public static String legacyUnknownPeriod(String text) {
        return T.format("legacyUnknownPeriod", text.replace('\u0000', ' '));
    }

    public static String legacyBadPattern(String regex, String detail) {
        return T.format("legacyBadPattern", regex, detail);
    }
}
