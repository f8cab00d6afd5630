package se.tertial.workbook;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.TestServer;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finance may sort and filter the budget sheet in Excel: it opens alone selected and its rows are unlocked. */
class BudgetWorkbookSortTest {
    @TempDir
    Path tmp;

    @Test
    void theBudgetSheetIsSelectedAloneAndItsRowsCanBeSorted() throws Exception {
        try (TestServer s = new TestServer(tmp);
             XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                     s.get("/api/budget/2022/template.xlsx").body()))) {
            XSSFSheet budget = wb.getSheet("Budget");
            assertEquals(wb.getSheetIndex(budget), wb.getActiveSheetIndex());
            assertTrue(budget.isSelected());
            assertFalse(wb.getSheet("Instruktioner").isSelected());
            assertTrue(budget.getProtect(), "still protected");
            assertFalse(budget.isSortLocked(), "sorting allowed");
            assertFalse(budget.isAutoFilterLocked(), "filtering allowed");
            for (int r = 2; r <= budget.getLastRowNum(); r++) {
                for (int c = 0; c < 8; c++) {
                    assertFalse(budget.getRow(r).getCell(c).getCellStyle().getLocked(),
                            "a locked cell stops Excel from sorting: row " + (r + 1) + ", column " + (c + 1));
                }
            }
            assertTrue(budget.getRow(0).getCell(0).getCellStyle().getLocked(), "the code row stays locked");
        }
    }
}
