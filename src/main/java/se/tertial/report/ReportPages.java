package se.tertial.report;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import se.tertial.spec.CommonText;

/** Every printed page of the consolidated workbook says what it is (report, sheet) and "Sida X av Y". */
final class ReportPages {
    private ReportPages() {}

    static void headersAndPageNumbers(Workbook wb, String title) {
        for (Sheet sheet : wb) {
            sheet.getHeader().setCenter((title + " – " + sheet.getSheetName()).replace("&", "&&"));
            sheet.getFooter().setCenter(CommonText.pageFooter("&P", "&N"));
        }
    }
}
