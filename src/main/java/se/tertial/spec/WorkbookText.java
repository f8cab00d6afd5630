package se.tertial.spec;

import java.math.BigDecimal;
import java.util.List;

/**
 * The texts of the workbooks tertial writes for people: templates and their Instruktioner, the budget workbook, the annotated copy, audit.xlsx and file names.
 * The words are in {@code texts/workbook.properties}; this class is their typed accessor (a missing key fails
 * {@code TextBundlesTest}, not a user).
 */
public final class WorkbookText {
    private static final TextBundle T = TextBundle.of("texts/workbook");

    private WorkbookText() {}

    public static final String INSTRUCTIONS_SHEET = T.text("INSTRUCTIONS_SHEET");

    public static final String HEADING_LINE_CODE = T.text("HEADING_LINE_CODE");

    public static final int COMMENT_MAX = 2000;

    public static final String VALIDATION_AMOUNT_TITLE = T.text("VALIDATION_AMOUNT_TITLE");

    public static final String VALIDATION_AMOUNT_TEXT = T.text("VALIDATION_AMOUNT_TEXT");

    public static final String VALIDATION_COMMENT_TITLE = T.text("VALIDATION_COMMENT_TITLE");

    public static final String VALIDATION_COMMENT_TEXT = T.text("VALIDATION_COMMENT_TEXT");

    public static final String NO_DEADLINE = T.text("NO_DEADLINE");

    public static String instructionsTitle(PeriodCode period, String unitName) {
        return T.format("instructionsTitle", CommonText.periodName(period), unitName);
    }

    /** The rows of the Instruktioner sheet that do not depend on the templates: label and text. */
    public static List<String[]> instructionsIntro(String region, String unit, String namnd, PeriodCode period,
                                                  String deadline, String sheets) {
        return List.of(row("intro.region", region), row("intro.unit", unit), row("intro.namnd", namnd),
                row("intro.period", T.format("intro.period.text", CommonText.periodName(period), period.endDate())),
                row("intro.deadline", deadline), row("intro.sheets", sheets),
                row("intro.amounts", T.text("intro.amounts.text")), row("intro.sign", T.text("intro.sign.text")));
    }

    private static String[] row(String labelKey, Object text) {
        return new String[] {T.text(labelKey), String.valueOf(text)};
    }

    public static String[] instructionsComment(String sheet, BigDecimal tkr, BigDecimal percent) {
        return new String[] {T.format("comment.label", sheet), T.format("comment.text", CommonText.grouped(tkr),
                percent.stripTrailingZeros().toPlainString())};
    }

    public static String[] instructionsBalance(String sheet, BigDecimal toleranceTkr) {
        return new String[] {T.format("balance.label", sheet), T.format("balance.text",
                CommonText.grouped(toleranceTkr))};
    }

    public static List<String[]> instructionsOutro(String uploadUrl, String generated) {
        return List.of(row("outro.fill", T.text("outro.fill.text")), row("outro.keep", T.text("outro.keep.text")),
                row("outro.upload", T.format("outro.upload.text", uploadUrl)), row("outro.about", generated));
    }

    public static String instructionsGenerated(String at, String tertialVersion, String templates) {
        return T.format("instructionsGenerated", at, tertialVersion, templates);
    }

    public static String zipFileName(PeriodCode period) {
        return T.format("zipFileName", period);
    }

    public static final String AUDIT_SHEET = T.text("AUDIT_SHEET");

    public static final List<String> AUDIT_HEADINGS = T.list("AUDIT_HEADINGS");

    public static String auditTitle(int events, String at) {
        return T.format("auditTitle", events, at);
    }

    /** What a filtered list of events holds, in words: "urval: period 2022-T2, enhet FS-MED" or "alla händelser". */
    public static String auditSelection(String period, String unit, String user, String kind, String from,
                                        String to) {
        List<String> parts = new java.util.ArrayList<>();
        String[] keys = {"period", "unit", "user", "kind", "from", "to"};
        String[] values = {period, unit, user, kind, from, to};
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                parts.add(T.format("auditSelection." + keys[i], values[i]));
            }
        }
        return parts.isEmpty() ? T.text("auditSelectionAll") : T.format("auditSelection", String.join(", ", parts));
    }

    public static final String BOARD_SHEET = T.text("BOARD_SHEET");

    public static final List<String> BOARD_HEADINGS = T.list("BOARD_HEADINGS");

    public static String boardTitle(String period, int shown, int total, String at) {
        return T.format("boardTitle", period, Integer.toString(shown), Integer.toString(total), at);
    }

    /** What a filtered board holds, in words: "(urval: nämnd FS, granskning inlämnad)" or "(alla enheter)". */
    public static String boardSelection(String namnd, String review, String search) {
        List<String> parts = new java.util.ArrayList<>();
        String[] keys = {"namnd", "review", "search"};
        String[] values = {namnd, review, search};
        for (int i = 0; i < keys.length; i++) {
            if (values[i] != null) {
                parts.add(T.format("boardSelection." + keys[i], values[i]));
            }
        }
        return parts.isEmpty() ? T.text("boardSelectionAll") : T.format("boardSelection", String.join(", ", parts));
    }

    public static final String BUDGET_SHEET = T.text("BUDGET_SHEET");

    public static final List<String> BUDGET_HEADINGS = T.list("BUDGET_HEADINGS");

    public static String budgetHeading(String column, int year) {
        return switch (column) {
            case "BUDGET_T1" -> T.format("budgetHeading.t1", year);
            case "BUDGET_T2" -> T.format("budgetHeading.t2", year);
            default -> T.format("budgetHeading.year", year);
        };
    }

    public static List<String[]> budgetInstructions(String region, int year, String uploadUrl) {
        return List.of(row("intro.region", region), row("budget.year", year),
                row("outro.fill", T.text("budget.fill.text")),
                row("budget.load", T.format("budget.load.text", uploadUrl, year)));
    }

    public static String budgetTitle(int year) {
        return T.format("budgetTitle", year);
    }

    public static final String ANNOTATED_TITLE = T.text("ANNOTATED_TITLE");

    /** The "Fel och varningar" sheet: what a person reads, then the codes for scripts in hidden columns. */
    public static final List<String> ANNOTATION_HEADINGS = T.list("ANNOTATION_HEADINGS");

    public static String annotatedFileName(String unit, String period, long id, String extension) {
        return T.format("annotatedFileName", (unit == null ? "" : unit + " ") + (period == null ? "" : period + " "),
                id, extension);
    }

    public static String budgetFileName(int year) {
        return T.format("budgetFileName", year);
    }

    /** The note on a sum or deviation of the annotated copy that rests on cells holding text. */
    public static String unreliableFormula(String textCells) {
        return T.format("unreliableFormula", textCells);
    }
}
