package se.tertial.workbook;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import se.tertial.spec.CommonText;

import java.util.Arrays;

/**
 * How every sheet tertial writes prints: A4 landscape, one page wide, as many pages long as needed; lists at a fixed
 * readable scale with a header and "Sida X av Y" on every page.
 */
public final class PrintLayout {
    /** No printed page of ours below this scale (percent). */
    static final int MIN_SCALE = 70;
    /**
     * Characters of Excel's default font that fit across A4 landscape at 100 % between the default margins (about
     * 740 points at 5.25 points a character, less a margin for LibreOffice's slightly wider font).
     */
    static final int CHARS_PER_PAGE = 135;

    private PrintLayout() {}

    static void a4LandscapeFitToWidth(Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        // BIFF8 (.xls) applies fit-to-width only with automatic page breaks on.
        sheet.setAutobreaks(true);
    }

    /**
     * A4 landscape at the largest scale (at most 100 %) at which the columns fit one page wide, the header text
     * centred at the top and "Sida X av Y" at the bottom of every page.
     */
    static void a4Landscape(Sheet sheet, int[] widths, String header) {
        int total = Arrays.stream(widths).sum() + widths.length;
        int scale = Math.min(100, CHARS_PER_PAGE * 100 / Math.max(1, total));
        if (scale < MIN_SCALE) {
            throw new IllegalArgumentException("columns of " + total + " characters print below " + MIN_SCALE + " %");
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        sheet.setFitToPage(false);
        print.setScale((short) scale);
        headerAndFooter(sheet, header);
    }

    /** The header's text (the sheet and what it holds) and "Sida X av Y" on every printed page. */
    static void headerAndFooter(Sheet sheet, String header) {
        sheet.getHeader().setCenter(header.replace("&", "&&"));
        sheet.getFooter().setCenter(CommonText.pageFooter("&P", "&N"));
    }

    /**
     * Every visible sheet that has no header of its own gets "subject – sheet" at the top, and every one without page
     * numbers gets "Sida X av Y" at the bottom, so a printed page always says what it is and where it belongs.
     */
    public static void everyVisibleSheet(org.apache.poi.ss.usermodel.Workbook wb, String subject) {
        for (int i = 0; i < wb.getNumberOfSheets(); i++) {
            if (wb.getSheetVisibility(i) != org.apache.poi.ss.usermodel.SheetVisibility.VISIBLE) {
                continue;
            }
            Sheet sheet = wb.getSheetAt(i);
            var h = sheet.getHeader();
            if ((h.getLeft() + h.getCenter() + h.getRight()).isBlank()) {
                h.setCenter((subject + " – " + sheet.getSheetName()).replace("&", "&&"));
            }
            var f = sheet.getFooter();
            String pages = CommonText.pageFooter("&P", "&N");
            if (!(f.getLeft() + f.getCenter() + f.getRight()).contains(pages)) {
                f.setCenter(pages);
            }
        }
    }
}
