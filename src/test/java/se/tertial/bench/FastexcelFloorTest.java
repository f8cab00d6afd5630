package se.tertial.bench;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import se.tertial.testkit.FilledTemplate;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bench's floor writes the same cells as our workbook: every sheet, text, number and formula, read back. */
class FastexcelFloorTest {
    @Test
    void theFloorHoldsTheSameCells() throws Exception {
        byte[] ours = FilledTemplate.of("FS-MED", "2022-T2").set("Resultat", "KOST_LON", "UTFALL", "-1234")
                .setText("Resultat", "KOST_LON", "KOMMENTAR", "Lönerna & övertiden").bytes();
        byte[] floor = new FastexcelFloor(ours).bytes();
        List<String> a = cells(ours);
        List<String> b = cells(floor);
        assertTrue(a.size() > 100, "a whole template: " + a.size());
        assertEquals(a, b);
    }

    private static List<String> cells(byte[] xlsx) throws Exception {
        List<String> out = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb) {
                for (Row row : sheet) {
                    for (Cell c : row) {
                        String v = switch (c.getCellType()) {
                            case STRING -> "s:" + c.getStringCellValue();
                            case NUMERIC -> "n:" + c.getNumericCellValue();
                            case FORMULA -> "f:" + c.getCellFormula();
                            default -> null;
                        };
                        if (v != null) {
                            out.add(sheet.getSheetName() + "!" + c.getAddress() + " " + v);
                        }
                    }
                }
            }
        }
        return out;
    }
}
