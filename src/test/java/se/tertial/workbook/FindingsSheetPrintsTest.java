package se.tertial.workbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.LibreOffice;
import se.tertial.testkit.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Fel och varningar" as printed (LibreOffice → PDF → text), in .xlsx and .xls: every message whole on the page,
 * including the part that says where ("Blad …, cell …"), which a too-low row used to hide in .xls.
 */
class FindingsSheetPrintsTest {
    @TempDir
    Path tmp;

    @Test
    void everyMessageIsWholeOnThePrintedPage() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.createPeriod("2022-T2");
            for (WorkbookFormat format : WorkbookFormat.values()) {
                byte[] file = FilledTemplate.of("RSO-FINANS", "2022-T2", format).valid()
                        .setText("Finansiering", "SKATT", "UTFALL", "ca 9 miljoner")
                        .setText("Balans", "BR_KASSA", "UB", "okänt").bytes();
                var answer = TestServer.json(s.upload(s.admin, file));
                long id = answer.get("id").asLong();
                Path annotated = Files.write(tmp.resolve("markerad." + format.extension()),
                        s.get("/api/submissions/" + id + "/annotated.xlsx", s.admin).body());
                // Excel does not grow a .xls row by itself: the stored height must fit the wrapped message.
                try (var wb = se.tertial.testkit.Sheets.open(Files.readAllBytes(annotated))) {
                    var sheet = wb.getSheet("Fel och varningar");
                    for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                        String message = sheet.getRow(r).getCell(5).getStringCellValue();
                        float needed = 15f * (float) Math.ceil(message.length() / 100.0);
                        assertTrue(sheet.getRow(r).getHeightInPoints() >= needed, format + " row " + (r + 1)
                                + " is " + sheet.getRow(r).getHeightInPoints() + " pt for " + message.length()
                                + " characters");
                    }
                }
                String text = LibreOffice.pdfText(LibreOffice.convert(annotated, "pdf", tmp.resolve("pdf-"
                        + format.extension()))).replaceAll("\\s+", " ").replace("- ", "-"); // a wrap after a hyphen
                for (var e : answer.get("errors")) {
                    String message = e.get("message").asText().replaceAll("\\s+", " ").replace("- ", "-");
                    String where = message.substring(0, message.indexOf(':'));
                    assertTrue(text.contains(where), format + ": \"" + where + "\" is not on the page:\n" + text);
                    String tail = message.substring(message.length() - 30);
                    assertTrue(text.contains(tail), format + ": the end \"" + tail + "\" is not on the page");
                }
            }
        }
    }
}
