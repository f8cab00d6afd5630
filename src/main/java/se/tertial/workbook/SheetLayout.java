package se.tertial.workbook;

import org.apache.poi.ss.util.CellReference;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.LineCode;
import se.tertial.spec.LineSpec;
import se.tertial.spec.TemplateSpec;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a template's values live on its data sheet (domain.md §4, "Workbook conventions"): row 1 is hidden and holds
 * the column codes, row 2 the visible headings; column A holds the line codes, column B the labels. A value's
 * address is (row of its line code, column of its column code). Indexes here are 0-based, as in POI.
 */
public final class SheetLayout {
    public static final int CODE_ROW = 0;
    public static final int HEADING_ROW = 1;
    public static final int FIRST_LINE_ROW = 2;
    public static final int LINE_CODE_COL = 0;
    public static final int LABEL_COL = 1;
    public static final int FIRST_VALUE_COL = 2;
    /** The code above column A and B in the hidden code row. */
    public static final String LINE_CODE_HEADER = "LINE";
    public static final String LABEL_HEADER = "LABEL";

    private final TemplateSpec spec;
    private final Map<LineCode, Integer> rows = new HashMap<>();
    private final Map<ColumnCode, Integer> cols = new HashMap<>();

    public SheetLayout(TemplateSpec spec) {
        this.spec = spec;
        for (int i = 0; i < spec.lines().size(); i++) {
            rows.put(spec.lines().get(i).code(), FIRST_LINE_ROW + i);
        }
        for (int i = 0; i < spec.columns().size(); i++) {
            cols.put(spec.columns().get(i).code(), FIRST_VALUE_COL + i);
        }
    }

    public TemplateSpec spec() {
        return spec;
    }

    public int row(LineCode line) {
        return index(rows, line);
    }

    public int col(ColumnCode column) {
        return index(cols, column);
    }

    public int row(LineSpec line) {
        return row(line.code());
    }

    public int col(ColumnSpec column) {
        return col(column.code());
    }

    public int lastLineRow() {
        return FIRST_LINE_ROW + spec.lines().size() - 1;
    }

    public int lastCol() {
        return FIRST_VALUE_COL + spec.columns().size() - 1;
    }

    /** The row of the balance check under the lines (one blank row between), if the spec has one. */
    public Optional<Integer> checkRow() {
        return spec.balance().map(b -> lastLineRow() + 2);
    }

    /** A1-style address, e.g. {@code C3}. */
    public String address(LineCode line, ColumnCode column) {
        return address(row(line), col(column));
    }

    /** "B3" → {2, 1} (0-based row and column). */
    public static int[] parseAddress(String a1) {
        CellReference ref = new CellReference(a1);
        return new int[] {ref.getRow(), ref.getCol()};
    }

    public static String address(int row, int col) {
        return CellReference.convertNumToColString(col) + (row + 1);
    }

    private static <K> int index(Map<K, Integer> map, K key) {
        Integer i = map.get(key);
        if (i == null) {
            throw new IllegalArgumentException(key + " is not part of this layout");
        }
        return i;
    }
}
