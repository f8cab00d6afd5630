package se.tertial.spec;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a bold, wrapped column heading so that no renderer breaks a word or a date and no heading runs into its
 * neighbour: the line breaks are ours (at spaces; a parenthesis and a date stay whole), and the column is widened
 * when its longest word would not fit. A column unit is the width of a digit of the default font; measured, a
 * bold letter of our headings is about 0.93 of that in Calibri (Excel) and 0.97 in DejaVu Sans (LibreOffice
 * without Calibri). Widths are estimated with a margin: a bold character counts {@value #BOLD_CHAR} units, plus
 * {@value #PADDING} for the cell's margins. HeadingsPrintTest checks the result as LibreOffice prints it.
 */
public final class HeadingFit {
    public static final double BOLD_CHAR = 1.1;
    public static final int PADDING = 2;
    /** Points per line of an 11 pt bold heading, with leading. */
    public static final float LINE_POINTS = 15f;

    private final String text;
    private final int width;
    private final int lines;

    private HeadingFit(String text, int width, int lines) {
        this.text = text;
        this.width = width;
        this.lines = lines;
    }

    /** The heading laid out in a column at least {@code minWidth} characters wide. */
    public static HeadingFit of(String heading, int minWidth) {
        List<String> words = words(heading);
        int longest = words.stream().mapToInt(String::length).max().orElse(0);
        int width = Math.max(minWidth, units(longest) + PADDING);
        int capacity = (int) Math.floor((width - PADDING) / BOLD_CHAR);
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String w : words) {
            if (line.length() > 0 && line.length() + 1 + w.length() > capacity) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(w);
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return new HeadingFit(String.join("\n", out), width, out.size());
    }

    /**
     * The heading on one line, its column wide enough: for a table's header row, whose cells must equal the table's
     * column names exactly (Excel repairs the file otherwise).
     */
    public static HeadingFit oneLine(String heading, int minWidth) {
        return new HeadingFit(heading, Math.max(minWidth, units(heading.length()) + PADDING), 1);
    }

    /** The heading with its line breaks. */
    public String text() {
        return text;
    }

    /** The column width in characters (POI's unit divided by 256). */
    public int width() {
        return width;
    }

    public int lines() {
        return lines;
    }

    /** The height in points of a heading row whose tallest heading has {@code lines} lines. */
    public static float rowHeight(int lines) {
        return LINE_POINTS * Math.max(1, lines) + 4;
    }

    private static int units(int chars) {
        return (int) Math.ceil(chars * BOLD_CHAR);
    }

    /** Words split at blanks, except inside parentheses: "Helårsutfall 2022 (= utfall)" has three. */
    static List<String> words(String heading) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int depth = 0;
        for (char ch : heading.strip().toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth = Math.max(0, depth - 1);
            }
            if (Character.isWhitespace(ch) && depth == 0) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
            } else {
                word.append(Character.isWhitespace(ch) ? ' ' : ch);
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }
}
