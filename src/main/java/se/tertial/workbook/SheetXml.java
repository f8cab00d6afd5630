package se.tertial.workbook;

import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

import java.util.HashMap;
import java.util.Map;

/**
 * SAX handler for one worksheet part ({@code <sheetData>} of SpreadsheetML). Keeps the cells inside the
 * {@link ReadArea}, counts the filled ones outside it without keeping their text, and never holds more text per cell
 * than the limits allow. Shared-string cells are kept as indexes for {@link SharedStringsXml} to resolve; shared
 * formulas are expanded from their master cell. Values that are not what their type says ({@code t="inline4tr"},
 * {@code <v>NaN</v>}) become {@link CellValue.Unreadable}: the rules then name the cell.
 */
final class SheetXml extends DefaultHandler {
    /** A cell as it stands in the XML, before shared strings are resolved. */
    record Raw(String type, String value, String inline, String formula, boolean overlong) {}

    private final ReadArea area;
    private final ReadLimits limits;
    private final Deadline deadline;
    final Map<Long, Raw> cells = new HashMap<>();
    long outside;
    String firstOutside;
    private final Map<String, String[]> sharedFormulas = new HashMap<>(); // si -> {formula, row, col}
    private long sharedFormulaChars;
    private long elements;

    // the cell being read
    private int row = -1;
    private int col = -1;
    private boolean inCell;
    private boolean keep;
    private boolean filled;
    private String type;
    private final StringBuilder value = new StringBuilder();
    private final StringBuilder inline = new StringBuilder();
    private final StringBuilder formula = new StringBuilder();
    private boolean hasValue;
    private boolean hasFormula;
    private boolean hasInline;
    private boolean overlong;
    private String sharedIndex;
    private boolean sharedMaster;
    private StringBuilder target;
    private boolean inPhonetic;

    SheetXml(ReadArea area, ReadLimits limits, Deadline deadline) {
        this.area = area;
        this.limits = limits;
        this.deadline = deadline;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) {
        if ((++elements & 0x3FF) == 0) {
            deadline.check();
        }
        switch (localName) {
            case "row" -> {
                Integer r = positive(atts.getValue("r"));
                row = r == null ? row + 1 : r - 1;
                col = -1;
            }
            case "c" -> startCell(atts);
            case "v" -> {
                if (inCell) {
                    hasValue = true;
                    target = keep ? value : null;
                }
            }
            case "f" -> {
                if (inCell) {
                    startFormula(atts);
                }
            }
            case "is" -> {
                if (inCell) {
                    hasInline = true;
                }
            }
            case "rPh" -> inPhonetic = true;
            case "t" -> {
                if (inCell && hasInline && !inPhonetic) {
                    target = keep ? inline : null;
                }
            }
            default -> { }
        }
    }

    private void startCell(Attributes atts) {
        inCell = true;
        String ref = atts.getValue("r");
        if (ref != null) {
            int[] at = parseRef(ref);
            if (at == null) {
                row = Math.max(row, 0);
                col++;
            } else {
                row = at[0];
                col = at[1];
            }
        } else {
            row = Math.max(row, 0);
            col++;
        }
        type = atts.getValue("t");
        keep = area.contains(row, col);
        filled = false;
        value.setLength(0);
        inline.setLength(0);
        formula.setLength(0);
        hasValue = hasFormula = hasInline = overlong = false;
        sharedIndex = null;
        sharedMaster = false;
    }

    private void startFormula(Attributes atts) {
        hasFormula = true;
        if ("shared".equals(atts.getValue("t"))) {
            sharedIndex = atts.getValue("si");
            sharedMaster = atts.getValue("ref") != null;
        }
        // A shared formula's master is kept even outside the area: cells inside may refer to it.
        target = keep || sharedMaster ? formula : null;
    }

    @Override
    public void characters(char[] ch, int start, int length) {
        if (target == null) {
            if (inCell && length > 0) {
                filled = true;
            }
            return;
        }
        filled = true;
        int room = limits.maxCellChars() + 1 - target.length();
        if (length > room) {
            overlong = true;
            length = Math.max(0, room);
        }
        target.append(ch, start, length);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
        switch (localName) {
            case "v", "t", "f" -> {
                if ("f".equals(localName)) {
                    endFormula();
                }
                target = null;
            }
            case "rPh" -> inPhonetic = false;
            case "c" -> endCell();
            default -> { }
        }
    }

    private void endFormula() {
        if (sharedIndex == null) {
            return;
        }
        if (sharedMaster && formula.length() > 0) {
            if (sharedFormulaChars + formula.length() <= limits.maxStringChars()) {
                sharedFormulaChars += formula.length();
                sharedFormulas.put(sharedIndex, new String[] {formula.toString(), Integer.toString(row),
                        Integer.toString(col)});
            }
        } else if (formula.length() == 0 && keep) {
            String[] master = sharedFormulas.get(sharedIndex);
            formula.append(master == null ? "?" : FormulaShift.shift(master[0],
                    row - Integer.parseInt(master[1]), col - Integer.parseInt(master[2])));
        }
    }

    private void endCell() {
        inCell = false;
        boolean any = hasFormula || hasInline || (hasValue && (filled || value.length() > 0));
        if (!any) {
            return;
        }
        if (!keep) {
            outside++;
            if (firstOutside == null && row >= 0 && col >= 0) {
                firstOutside = SheetLayout.address(row, col);
            }
            return;
        }
        cells.put(SheetGrid.key(row, col), new Raw(type, hasValue ? value.toString() : null,
                hasInline ? inline.toString() : null, hasFormula ? formula.toString() : null,
                overlong || value.length() > limits.maxCellChars() || inline.length() > limits.maxCellChars()));
    }

    private static Integer positive(String s) {
        if (s == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(s.strip());
            return v >= 1 && v <= 1_048_576 ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "AB12" → {11, 27}; null when it is no cell reference Excel could write. */
    static int[] parseRef(String ref) {
        int i = 0;
        int c = 0;
        while (i < ref.length() && i < 3 && Character.isLetter(ref.charAt(i)) && ref.charAt(i) < 128) {
            c = c * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            i++;
        }
        if (i == 0 || i == ref.length()) {
            return null;
        }
        Integer r = positive(ref.substring(i));
        if (r == null || c > 16_384) {
            return null;
        }
        return new int[] {r - 1, c - 1};
    }
}
