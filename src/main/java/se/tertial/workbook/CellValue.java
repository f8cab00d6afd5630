package se.tertial.workbook;

/** A cell as read, independent of POI. Formulas carry the value POI computes now, never the cached one. */
public sealed interface CellValue {
    Blank BLANK = new Blank();

    record Blank() implements CellValue {}

    record Number(double value) implements CellValue {}

    record Text(String value) implements CellValue {}

    record Bool(boolean value) implements CellValue {}

    /** An error value such as {@code #DIV/0!}, or {@code #EVAL} when the formula could not be evaluated. */
    record Error(String code) implements CellValue {}

    /** @param result what the formula evaluates to now (never a formula itself) */
    record Formula(String formula, CellValue result) implements CellValue {}

    /** The value a reader of the sheet sees: a formula's result, anything else itself. */
    default CellValue shown() {
        return this instanceof Formula f ? f.result() : this;
    }
}
