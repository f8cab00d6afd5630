package se.tertial.workbook;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;

/** How every sheet tertial writes prints: A4 landscape, one page wide, as many pages long as needed. */
final class PrintLayout {
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
}
