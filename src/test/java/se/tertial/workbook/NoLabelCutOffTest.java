package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import se.tertial.testkit.FilledTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * No label of a template is cut off by its neighbour (#10 item 11): the Instruktioner keys and every line label and
 * the balance check's label fit their column, for a one-sheet and a two-sheet unit, .xlsx and .xls.
 */
class NoLabelCutOffTest {
    @Test
    void everyLabelFitsItsColumn() {
        List<String> cut = new ArrayList<>();
        for (String unit : List.of("FS-MED", "RSO-FINANS")) {
            for (WorkbookFormat format : WorkbookFormat.values()) {
                Workbook wb = FilledTemplate.of(unit, "2022-T2", format).workbook();
                check(wb.getSheet("Instruktioner"), 0, 2, unit + " " + format, cut);
                for (String name : List.of("Resultat", "Finansiering", "Balans")) {
                    if (wb.getSheet(name) != null) {
                        check(wb.getSheet(name), SheetLayout.LABEL_COL, SheetLayout.FIRST_LINE_ROW,
                                unit + " " + format, cut);
                    }
                }
            }
        }
        assertEquals(List.of(), cut);
    }

    /**
     * Labels and amounts on one baseline (#10 item 15): every cell of a line sits at the top of its row, so in a row
     * grown for a long comment the label, the amounts and the comment's first line read as one line.
     */
    @Test
    void labelsAndAmountsOfALineShareItsTop() {
        List<String> off = new ArrayList<>();
        for (String unit : List.of("FS-MED", "RSO-FINANS")) {
            for (WorkbookFormat format : WorkbookFormat.values()) {
                Workbook wb = FilledTemplate.of(unit, "2022-T2", format).workbook();
                for (String name : List.of("Resultat", "Finansiering", "Balans")) {
                    Sheet sheet = wb.getSheet(name);
                    if (sheet == null) {
                        continue;
                    }
                    for (int r = SheetLayout.FIRST_LINE_ROW; r <= sheet.getLastRowNum(); r++) {
                        Row row = sheet.getRow(r);
                        if (row == null) {
                            continue;
                        }
                        for (var cell : row) {
                            if (cell.getCellStyle().getVerticalAlignment()
                                    != org.apache.poi.ss.usermodel.VerticalAlignment.TOP) {
                                off.add(unit + " " + format + " " + name + "!" + cell.getAddress() + " "
                                        + cell.getCellStyle().getVerticalAlignment());
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), off);
    }

    /** A text fits when its characters are fewer than the column's width in characters. */
    private static void check(Sheet sheet, int col, int fromRow, String what, List<String> cut) {
        int width = sheet.getColumnWidth(col) / 256;
        for (int r = fromRow; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || row.getCell(col) == null
                    || row.getCell(col).getCellType() != org.apache.poi.ss.usermodel.CellType.STRING) {
                continue;
            }
            String text = row.getCell(col).getStringCellValue();
            if (text.length() >= width && !row.getCell(col).getCellStyle().getWrapText()) {
                cut.add(what + " " + sheet.getSheetName() + "!" + SheetLayout.address(r, col) + " \"" + text
                        + "\" (" + text.length() + " characters in a column of " + width + ")");
            }
        }
    }
}
