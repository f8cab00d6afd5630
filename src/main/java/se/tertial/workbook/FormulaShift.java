package se.tertial.workbook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands a shared formula for one of its cells: every relative A1 reference of the master's formula moves by the
 * cell's offset from the master ({@code $}-anchored parts stay). String literals are left alone. This is what
 * spreadsheet programs do when they store a filled-down formula once.
 */
final class FormulaShift {
    private static final Pattern REF = Pattern.compile(
            "(?<![A-Za-z0-9_.])(\\$?)([A-Za-z]{1,3})(\\$?)([0-9]{1,7})(?![A-Za-z0-9_(])");

    private FormulaShift() {}

    static String shift(String formula, int rows, int cols) {
        if (rows == 0 && cols == 0) {
            return formula;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < formula.length()) {
            int quote = formula.indexOf('"', i);
            int end = quote < 0 ? formula.length() : quote;
            out.append(shiftRefs(formula.substring(i, end), rows, cols));
            if (quote < 0) {
                break;
            }
            int close = formula.indexOf('"', quote + 1);
            close = close < 0 ? formula.length() - 1 : close;
            out.append(formula, quote, close + 1);
            i = close + 1;
        }
        return out.toString();
    }

    private static String shiftRefs(String part, int rows, int cols) {
        Matcher m = REF.matcher(part);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int col = column(m.group(2));
            int row = Integer.parseInt(m.group(4)) - 1;
            if (m.group(1).isEmpty()) {
                col += cols;
            }
            if (m.group(3).isEmpty()) {
                row += rows;
            }
            String ref = col < 0 || row < 0 ? "#REF!"
                    : m.group(1) + org.apache.poi.ss.util.CellReference.convertNumToColString(col) + m.group(3)
                    + (row + 1);
            m.appendReplacement(out, Matcher.quoteReplacement(ref));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static int column(String letters) {
        int c = 0;
        for (char ch : letters.toUpperCase(java.util.Locale.ROOT).toCharArray()) {
            c = c * 26 + (ch - 'A' + 1);
        }
        return c - 1;
    }
}
