package se.tertial.spec;

/** What a line of a template holds. */
public enum LineKind {
    /** Entered by the unit. */
    INPUT,
    /** A live formula over other lines. */
    SUM,
    /** Entered by the unit, but outside every sum (e.g. ansvarsförbindelser in the balance sheet). */
    MEMO;

    public boolean isEntered() {
        return this != SUM;
    }
}
