package se.tertial.workbook;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.LibreOffice;
import se.tertial.testkit.PrintedHeadings;
import se.tertial.testkit.Sheets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The templates' headings as printed by LibreOffice (#10 item 11): no heading word or date is broken over two lines
 * and no heading runs into its neighbour ("Bokslut 2021Analys / kommentar", "2022Prognosavvikelse", the .xls
 * Balans date "2022-" / "08-31"). pdftotext reads a word as one where no gap separates its glyphs, so every word of
 * every heading must come out of the PDF whole and alone.
 */
class HeadingsPrintTest {
    @TempDir
    Path tmp;

    @Test
    void everyHeadingPrintsOnItsOwnLinesApartFromItsNeighbours() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String unit : List.of("FS-MED", "RSO-FINANS")) {
            for (String period : List.of("2022-T2", "2022-T3")) {
                for (WorkbookFormat format : WorkbookFormat.values()) {
                    String name = unit + "-" + period + "." + format.extension();
                    Path file = FilledTemplate.of(unit, period, format).write(tmp.resolve(name));
                    List<LibreOffice.Word> words = LibreOffice.pdfWords(LibreOffice.convert(file, "pdf",
                            tmp.resolve("pdf-" + name)));
                    try (Workbook wb = Sheets.open(Files.readAllBytes(file))) {
                        for (String id : List.of("resultat", "finansiering", "balans")) {
                            var spec = se.tertial.testkit.TestSpecs.catalog().current(se.tertial.spec.TemplateId.of(id));
                            Sheet sheet = wb.getSheet(spec.sheet());
                            if (sheet != null && sheet.getPrintSetup().getFitWidth() == 2) {
                                // Two pages wide, the line's code and label repeated on the second.
                                checked += PrintedHeadings.checkTwoWide(name + " " + spec.sheet(),
                                        sheet.getRow(SheetLayout.HEADING_ROW), SheetLayout.LABEL_COL + 1,
                                        PrintedHeadings.pageWith(words, "(" + id),
                                        PrintedHeadings.pageAfter(words, "(" + id, 1), problems);
                            } else if (sheet != null) {
                                checked += PrintedHeadings.check(name + " " + spec.sheet(), sheet.getRow(SheetLayout.HEADING_ROW),
                                        PrintedHeadings.pageWith(words, "(" + id), problems);
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), problems, "headings not printed as laid out");
        assertTrue(checked > 200, "checked only " + checked + " heading words");
    }
}
