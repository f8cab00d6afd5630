package se.tertial.workbook;

/**
 * The rectangle of a sheet that is read into memory: rows {@code 0..rows-1}, columns {@code 0..cols-1}. Filled
 * cells outside it are only counted (see {@link SheetGrid#outside()}).
 */
public record ReadArea(int rows, int cols) {
    /** Generous for anything tertial writes or a finance department keeps by hand. */
    public static final ReadArea LARGE = new ReadArea(5_000, 256);

    public ReadArea {
        if (rows < 1 || cols < 1) {
            throw new IllegalArgumentException("empty area");
        }
    }

    public boolean contains(int row, int col) {
        return row >= 0 && col >= 0 && row < rows && col < cols;
    }
}
