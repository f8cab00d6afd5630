package se.tertial.workbook;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.ArrayList;
import java.util.List;

/**
 * How a sheet of ours must print, read from the written file: A4 landscape; one page wide (or two, with the leading
 * columns repeated) at a scale of at least 70 % (a fixed scale, or fit-to-width over columns narrow enough that the
 * fitted scale stays at 70 % or more); the
 * sheet's name or subject in the header and "Sida X av Y" in the footer of every page.
 */
final class PrintedPages {
    /** Characters across A4 landscape at 100 %, as {@code PrintLayout} counts them. */
    private static final int CHARS_PER_PAGE = PrintLayout.CHARS_PER_PAGE;

    private PrintedPages() {}

    static List<String> problems(String file, Sheet sheet) {
        List<String> problems = new ArrayList<>();
        String where = file + ": sheet " + sheet.getSheetName();
        PrintSetup p = sheet.getPrintSetup();
        if (p.getPaperSize() != PrintSetup.A4_PAPERSIZE || !p.getLandscape()) {
            problems.add(where + " does not print A4 landscape");
        }
        int scale;
        if (sheet.getFitToPage()) {
            // Fit to one page wide, or to two with the leading columns repeated: each page holds the repeated
            // columns and its share of the rest.
            int pages = p.getFitWidth();
            int repeated = repeatedWidth(sheet);
            if (pages < 1 || pages > 2 || pages == 2 && repeated == 0) {
                problems.add(where + " fits " + pages + " pages wide (repeated columns: " + repeated + ")");
            }
            int perPage = repeated + (printedWidth(sheet) - repeated) / Math.max(1, pages);
            scale = Math.min(100, CHARS_PER_PAGE * 100 / Math.max(1, perPage));
        } else {
            scale = p.getScale();
        }
        if (scale < PrintLayout.MIN_SCALE) {
            problems.add(where + " prints at " + scale + " % (" + printedWidth(sheet) + " characters wide)");
        }
        String header = sheet.getHeader().getLeft() + sheet.getHeader().getCenter() + sheet.getHeader().getRight();
        String footer = sheet.getFooter().getLeft() + sheet.getFooter().getCenter() + sheet.getFooter().getRight();
        if (header.isBlank()) {
            problems.add(where + " has no header on its printed pages");
        }
        if (!footer.contains("Sida &P av &N")) {
            problems.add(where + " has no page numbers (\"Sida X av Y\") on its printed pages: " + footer);
        }
        return problems;
    }

    /** The width in characters of the columns printed on every page (none: 0). */
    static int repeatedWidth(Sheet sheet) {
        var cols = sheet.getRepeatingColumns();
        int width = 0;
        if (cols != null) {
            for (int c = cols.getFirstColumn(); c <= cols.getLastColumn(); c++) {
                width += sheet.getColumnWidth(c) / 256 + 1;
            }
        }
        return width;
    }

    /** The width in characters of the visible columns that hold anything, plus one per column for its padding. */
    static int printedWidth(Sheet sheet) {
        int last = 0;
        for (Row r : sheet) {
            last = Math.max(last, r.getLastCellNum());
        }
        int width = 0;
        for (int c = 0; c < last; c++) {
            if (!sheet.isColumnHidden(c)) {
                width += sheet.getColumnWidth(c) / 256 + 1;
            }
        }
        return width;
    }
}
