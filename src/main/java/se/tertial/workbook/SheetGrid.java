package se.tertial.workbook;

import java.util.Map;
import java.util.Optional;

/**
 * The cells of one sheet within the area that was read, addressed by 0-based row and column; absent cells are
 * blank. Filled cells outside the area were counted, not kept.
 */
public final class SheetGrid {
    private final String name;
    private final Map<Long, CellValue> cells;
    private final int lastRow;
    private final int lastCol;
    private final long outside;
    private final String firstOutside;

    SheetGrid(String name, Map<Long, CellValue> cells, int lastRow, int lastCol, long outside, String firstOutside) {
        this.name = name;
        this.cells = Map.copyOf(cells);
        this.lastRow = lastRow;
        this.lastCol = lastCol;
        this.outside = outside;
        this.firstOutside = firstOutside;
    }

    public String name() {
        return name;
    }

    public CellValue get(int row, int col) {
        return cells.getOrDefault(key(row, col), CellValue.BLANK);
    }

    /** Trimmed text of a cell if it holds text, else "" (used for codes). */
    public String text(int row, int col) {
        return get(row, col) instanceof CellValue.Text t ? t.value().strip() : "";
    }

    /** Index of the last row with a cell read, or -1. */
    public int lastRow() {
        return lastRow;
    }

    public int lastCol() {
        return lastCol;
    }

    /** How many filled cells lie outside the area that was read. */
    public long outside() {
        return outside;
    }

    /** The address of the first of them, if any. */
    public Optional<String> firstOutside() {
        return Optional.ofNullable(firstOutside);
    }

    static long key(int row, int col) {
        return ((long) row << 20) | col;
    }
}
