package se.tertial.workbook;

import jxl.Cell;
import jxl.CellType;
import jxl.Sheet;
import jxl.Workbook;
import jxl.WorkbookSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.WorkbookText;
import se.tertial.spec.TemplateSpec;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The legacy .xls templates read by JExcelAPI, an independent implementation of BIFF8. */
class XlsReadByJxlTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"FS-MED,2022-T2", "RSO-FINANS,2022-T2", "RSO-FINANS,2022-T3", "RF,2022-T1"})
    void jxlSeesTheSameCodesHeadingsAndLocks(String unit, String period) throws Exception {
        TemplateRequest request = Requests.of(unit, period, Prefill.none());
        byte[] xls = new TemplateWriter("tertial").write(request, WorkbookFormat.XLS);
        WorkbookSettings settings = new WorkbookSettings();
        settings.setEncoding("Cp1252");
        settings.setSuppressWarnings(true);
        Workbook wb = Workbook.getWorkbook(new ByteArrayInputStream(xls), settings);
        try {
            List<String> names = Arrays.asList(wb.getSheetNames());
            assertEquals(WorkbookText.INSTRUCTIONS_SHEET, names.get(0));
            assertTrue(names.contains(Metadata.SHEET));
            assertTrue(wb.getSheet(Metadata.SHEET).getSettings().isHidden(), "metadata hidden");
            assertTrue(wb.getSheet(0).getCell(0, 0).getContents().contains(request.unit().name()));
            for (TemplateSpec spec : request.specs()) {
                Sheet sheet = wb.getSheet(spec.sheet());
                assertTrue(sheet.isProtected(), spec.sheet() + " protected");
                assertTrue(sheet.getRowView(SheetLayout.CODE_ROW).isHidden(), "code row hidden");
                for (ColumnSpec c : spec.columns()) {
                    int col = new SheetLayout(spec).col(c);
                    assertEquals(c.code().value(), sheet.getCell(col, SheetLayout.CODE_ROW).getContents());
                    assertEquals(c.headingFor(request.period()),
                            sheet.getCell(col, SheetLayout.HEADING_ROW).getContents().replace('\n', ' '));
                }
                for (LineSpec line : spec.lines()) {
                    int row = new SheetLayout(spec).row(line);
                    assertEquals(line.code().value(), sheet.getCell(SheetLayout.LINE_CODE_COL, row).getContents());
                    assertTrue(sheet.getCell(SheetLayout.LABEL_COL, row).getCellFormat().isLocked());
                    for (ColumnSpec c : spec.columns()) {
                        Cell cell = sheet.getCell(new SheetLayout(spec).col(c), row);
                        boolean formula = c.isFormulaIn(request.period())
                                || (line.kind() == LineKind.SUM && c.kind().isNumeric());
                        boolean input = c.kind() == ColumnKind.TEXT || !formula;
                        String where = spec.sheet() + "!" + cell.getColumn() + ":" + cell.getRow();
                        assertEquals(!input, cell.getCellFormat().isLocked(), where + " locked");
                        if (formula) {
                            // a number, or "" while its inputs are blank
                            assertTrue(cell.getType() == CellType.NUMBER_FORMULA
                                    || cell.getType() == CellType.STRING_FORMULA, where + " is a formula");
                        }
                    }
                }
            }
        } finally {
            wb.close();
        }
    }
}
