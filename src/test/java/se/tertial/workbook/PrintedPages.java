package se.tertial.workbook;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.util.ArrayList;
import java.util.List;

/**
 * How a sheet of ours must print, read from the written file: A4 landscape; one page wide at a scale of at least
 * 70 % (a fixed scale, or fit-to-width over columns narrow enough that the fitted scale stays at 70 % or more); the
 * sheet's name or subject in the header and "Sida X av Y" in the footer of every page.
 */
final class PrintedPages {
    /** Characters across A4 landscape at 100 %, as {@code PrintLayout} counts them. */
    private static final int CHARS_PER_PAGE = PrintLayout.CHARS_PER_PAGE;

    /**
     * Issue 24, still open and said so in its notes: the template data sheets (Resultat, Finansiering: eight
     * amount columns beside the label and the comment) and the konsolidering's drill-down per nämnd are wider than a
     * 70 % page. Their scale is checked all the same: {@link #stillBelow70} must match exactly, so a fix fails this
     * test until the sheet leaves the list.
     */
    static final java.util.Set<String> STILL_BELOW_70 = java.util.Set.of("Resultat", "Finansiering", "FS",
            "ANA", "TIM", "RS", "RSÖ", "RF");
    static final java.util.Set<String> stillBelow70 = new java.util.TreeSet<>();

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
            if (p.getFitWidth() != 1) {
                problems.add(where + " fits " + p.getFitWidth() + " pages wide");
            }
            scale = Math.min(100, CHARS_PER_PAGE * 100 / Math.max(1, printedWidth(sheet)));
        } else {
            scale = p.getScale();
        }
        if (scale < PrintLayout.MIN_SCALE) {
            if (STILL_BELOW_70.contains(sheet.getSheetName())) {
                stillBelow70.add(sheet.getSheetName());
            } else {
                problems.add(where + " prints at " + scale + " % (" + printedWidth(sheet) + " characters wide)");
            }
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
