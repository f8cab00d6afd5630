package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.LibreOffice;
import se.tertial.testkit.Sheets;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A line nobody has filled shows no deviation (#10 item 5): the deviation and sum formulas are blank while their
 * inputs are, in POI's evaluation and in LibreOffice's recalculation.
 */
class BlankDeviationTest {
    @TempDir
    Path tmp;

    private static Cell cell(Sheet s, String line, String column) {
        return s.getRow(Sheets.rowOfLine(s, line)).getCell(Sheets.colOfColumn(s, column));
    }

    @Test
    void aBlankLineShowsNoDeviationInPoiAndInLibreOffice() throws Exception {
        for (WorkbookFormat format : WorkbookFormat.values()) {
            // A budget on a line whose outcome is not entered yet, as in a prefilled template.
            byte[] bytes = FilledTemplate.of("FS-MED", "2022-T2", format).set("Resultat", "KOST_LOKAL",
                    "BUDGET_PERIOD", "-13579").set("Resultat", "INT_AVGIFTER", "UTFALL", "2000")
                    .set("Resultat", "INT_AVGIFTER", "BUDGET_PERIOD", "1500").bytes();
            try (Workbook wb = Sheets.open(bytes)) {
                FormulaEvaluator ev = wb.getCreationHelper().createFormulaEvaluator();
                Sheet s = wb.getSheet("Resultat");
                var blank = ev.evaluate(cell(s, "KOST_LOKAL", "AVV_PERIOD"));
                assertEquals(CellType.STRING, blank.getCellType(), format + ": a blank, not " + blank);
                assertEquals("", blank.getStringValue());
                assertEquals(CellType.STRING, ev.evaluate(cell(s, "SUM_KOST", "UTFALL")).getCellType(),
                        "no cost entered: the cost sum is blank");
                assertEquals(500.0, ev.evaluate(cell(s, "INT_AVGIFTER", "AVV_PERIOD")).getNumberValue());
                assertEquals(2000.0, ev.evaluate(cell(s, "SUM_INT", "UTFALL")).getNumberValue());
            }
            Path file = Files.write(tmp.resolve("mall." + format.extension()), bytes);
            String text = LibreOffice.pdfText(LibreOffice.convert(file, "pdf", tmp.resolve("pdf-"
                    + format.extension())));
            String line = text.lines().filter(l -> l.strip().startsWith("KOST_LOKAL")).findFirst().orElseThrow(
                    () -> new AssertionError(format + ": no KOST_LOKAL line in\n" + text));
            long amounts = java.util.regex.Pattern.compile("13[ ,\u00A0]579").matcher(line).results().count();
            assertEquals(1, amounts, format + ": the budget, and no invented deviation beside it: " + line);
        }
    }
}
