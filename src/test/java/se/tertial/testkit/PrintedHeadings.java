package se.tertial.testkit;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a heading row as LibreOffice printed it (#10 item 11): every heading on exactly the lines we broke it into,
 * no word or date broken, and no heading running into its neighbour.
 */
public final class PrintedHeadings {
    private PrintedHeadings() {}

    /**
     * Reads the printed heading band of a sheet's first page line by line, from the bottom (the headings are
     * bottom-aligned): each line must be exactly our lines of the headings that reach it, left to right, and two
     * neighbouring headings must be further apart than a word space (at least 0.6 of the text height).
     */
    public static int check(String what, Row row, List<LibreOffice.Word> page, List<String> problems) {
        return check(what, row, c -> true, page, problems);
    }

    /**
     * A sheet printed two pages wide with its first {@code repeated} columns on both: the first page holds the
     * headings up to some column, the second the repeated ones and all the rest; each page is checked as above.
     */
    public static int checkTwoWide(String what, Row row, int repeated, List<LibreOffice.Word> first,
                                   List<LibreOffice.Word> second, List<String> problems) {
        int last = row.getLastCellNum();
        for (int split = last; split > repeated; split--) {
            int s = split;
            List<String> onFirst = new ArrayList<>();
            int checked = check(what + " (page 1)", row, c -> c < s, first, onFirst);
            if (onFirst.isEmpty()) {
                List<String> onSecond = new ArrayList<>();
                checked += check(what + " (page 2)", row, c -> c < repeated || c >= s, second, onSecond);
                problems.addAll(onSecond);
                return checked;
            }
        }
        return check(what, row, c -> true, first, problems);
    }

    private static int check(String what, Row row, java.util.function.IntPredicate columns,
                             List<LibreOffice.Word> page, List<String> problems) {
        List<String[]> headings = new ArrayList<>();
        for (Cell cell : row) {
            if (columns.test(cell.getColumnIndex()) && !cell.getStringCellValue().isBlank()) {
                headings.add(cell.getStringCellValue().split("\n"));
            }
        }
        // The bottom line starts with the first heading's last line.
        String[] first = headings.get(0);
        String anchor = first[first.length - 1].split(" ")[0];
        LibreOffice.Word radkod = page.stream().filter(w -> w.text().equals(anchor)).findFirst()
                .orElseThrow(() -> new AssertionError(what + ": no \"" + anchor + "\" on its page"));
        // Lines by their bottoms, upwards; glyph boxes of one line differ by a fraction of the text height.
        double tolerance = 0.4 * (radkod.yMax() - radkod.yMin());
        List<Double> lineBottoms = new ArrayList<>();
        page.stream().map(LibreOffice.Word::yMax).filter(y -> y <= radkod.yMax() + tolerance)
                .sorted(java.util.Comparator.reverseOrder()).forEach(y -> {
                    if (lineBottoms.isEmpty() || lineBottoms.get(lineBottoms.size() - 1) - y > tolerance) {
                        lineBottoms.add(y);
                    }
                });
        int maxLines = headings.stream().mapToInt(h -> h.length).max().orElse(1);
        int checked = 0;
        for (int k = 0; k < maxLines; k++) {
            double bottom = lineBottoms.get(k);
            List<LibreOffice.Word> printed = page.stream().filter(w -> w.yMax() <= bottom + 0.01
                            && w.yMax() > bottom - tolerance)
                    .sorted(java.util.Comparator.comparingDouble(LibreOffice.Word::xMin)).toList();
            List<String> expected = new ArrayList<>();
            List<Integer> column = new ArrayList<>();
            for (int c = 0; c < headings.size(); c++) {
                String[] lines = headings.get(c);
                if (k < lines.length) {
                    for (String word : lines[lines.length - 1 - k].split(" ")) {
                        expected.add(word);
                        column.add(c);
                    }
                }
            }
            List<String> got = printed.stream().map(LibreOffice.Word::text).toList();
            if (!got.equals(expected)) {
                problems.add(what + ", heading line " + (k + 1) + " from the bottom: printed " + got + ", laid out "
                        + expected);
                continue;
            }
            for (int i = 1; i < printed.size(); i++) {
                if (!column.get(i).equals(column.get(i - 1))) {
                    LibreOffice.Word left = printed.get(i - 1);
                    LibreOffice.Word right = printed.get(i);
                    double gap = right.xMin() - left.xMax();
                    double height = right.yMax() - right.yMin();
                    if (gap < 0.6 * height) {
                        problems.add(String.format(java.util.Locale.ROOT, "%s: \"%s\" runs into \"%s\" "
                                + "(%.1f pt apart, text %.1f pt high)", what, left.text(), right.text(), gap, height));
                    }
                }
            }
            checked += printed.size();
        }
        return checked;
    }

    /** The words of the first page on which {@code word} is printed (a footer or a title word). */
    public static List<LibreOffice.Word> pageWith(List<LibreOffice.Word> words, String word) {
        return pageAfter(words, word, 0);
    }

    /** The words of the page {@code after} pages after the first on which {@code word} is printed. */
    public static List<LibreOffice.Word> pageAfter(List<LibreOffice.Word> words, String word, int after) {
        int page = words.stream().filter(w -> w.text().equals(word)).mapToInt(LibreOffice.Word::page).min()
                .orElseThrow(() -> new AssertionError("no page with " + word)) + after;
        return words.stream().filter(w -> w.page() == page).toList();
    }
}
