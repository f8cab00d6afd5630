package se.tertial.workbook;

import java.util.Map;

/** The cells of one sheet, addressed by 0-based row and column; absent cells are blank. */
public final class SheetGrid {
    private final String name;
    private final Map<Long, CellValue> cells;
    private final int lastRow;
    private final int lastCol;

    SheetGrid(String name, Map<Long, CellValue> cells, int lastRow, int lastCol) {
        this.name = name;
        this.cells = Map.copyOf(cells);
        this.lastRow = lastRow;
        this.lastCol = lastCol;
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

    static long key(int row, int col) {
        return ((long) row << 20) | col;
    }
}
