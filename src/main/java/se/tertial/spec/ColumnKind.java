package se.tertial.spec;

/** What a column of a template holds. */
public enum ColumnKind {
    /** Entered by the unit. */
    INPUT,
    /** Prefilled and locked once finance has loaded the budget; input until then. */
    BUDGET,
    /** A live formula over other columns (avvikelse). */
    FORMULA,
    /** Entered by the unit, except at year end (T3) where it equals another column and is not asked for. */
    FORECAST,
    /** Prefilled and locked from an earlier period's stored submission; optional input when there is none. */
    PRIOR,
    /** Free text (analys / kommentar). */
    TEXT;

    public boolean isNumeric() {
        return this != TEXT;
    }
}
