package se.tertial.ingest;

/** The rule identifiers in findings: stable, for scripts; the Swedish text explains them. */
public final class Rules {
    public static final String UNREADABLE = "unreadable_file";
    public static final String NOT_A_WORKBOOK = "not_a_workbook";
    public static final String MACROS = "macro_workbook";
    public static final String ENCRYPTED = "encrypted_workbook";
    public static final String NOT_TERTIAL = "not_tertial_workbook";
    public static final String UNKNOWN_TEMPLATE_VERSION = "unknown_template_version";
    public static final String UNKNOWN_UNIT = "unknown_unit";
    public static final String UNKNOWN_PERIOD = "unknown_period";
    public static final String PERIOD_LOCKED = "period_locked";
    /** Finance has approved the unit's report for the period; a new version waits until it is reopened. */
    public static final String REVIEW_APPROVED = "review_approved";
    public static final String UNIT_NOT_ALLOWED = "unit_not_allowed";
    public static final String SHEET_MISSING = "structure_sheet_missing";
    public static final String STRUCTURE_LINE = "structure_line";
    public static final String STRUCTURE_COLUMN = "structure_column";
    public static final String NOT_A_NUMBER = "not_a_number";
    public static final String TOO_MANY_DECIMALS = "too_many_decimals";
    public static final String NUMBER_AS_TEXT = "number_as_text";
    public static final String FORMULA_REPLACED = "formula_replaced";
    public static final String COMMENT_MISSING = "comment_missing";
    public static final String BALANCE = "balance";
    public static final String BUDGET_MISMATCH = "budget_mismatch";
    public static final String SIGN = "sign";
    public static final String TENFOLD = "tenfold_change";
    public static final String LEGACY_UNKNOWN_ROW = "legacy_unknown_row";
    public static final String LEGACY_TOTAL = "legacy_total_mismatch";
    public static final String LEGACY_AMBIGUOUS = "legacy_ambiguous";
    public static final String TIMEOUT = "processing_timeout";
    public static final String OUTSIDE_AREA = "outside_template_area";
    public static final String NO_AMOUNTS = "no_amounts";
    public static final String TEMPLATE_SET = "structure_template_set";
    public static final String SPEC_CHECKSUM = "structure_spec_checksum";

    private Rules() {}
}
