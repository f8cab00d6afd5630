package se.tertial.workbook;

/**
 * A cell as read, independent of POI. A formula carries the result the file itself stored for it (absent when the
 * program that wrote the file stored none); tertial never evaluates an uploaded formula.
 */
public sealed interface CellValue {
    Blank BLANK = new Blank();

    record Blank() implements CellValue {}

    record Number(double value) implements CellValue {}

    record Text(String value) implements CellValue {}

    record Bool(boolean value) implements CellValue {}

    /** An error value such as {@code #DIV/0!}, or {@code #EVAL} when the formula could not be evaluated. */
    record Error(String code) implements CellValue {}

    /** A value the file holds but no spreadsheet program could show: an unknown cell type, {@code NaN}, too long. */
    record Unreadable(String raw) implements CellValue {}

    /** @param result the result stored in the file, or blank (never a formula itself) */
    record Formula(String formula, CellValue result) implements CellValue {}

    /** The value a reader of the sheet sees: a formula's result, anything else itself. */
    default CellValue shown() {
        return this instanceof Formula f ? f.result() : this;
    }
}
