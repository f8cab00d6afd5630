package se.tertial.workbook;

import org.junit.jupiter.api.Test;
import se.tertial.spec.Finding;
import se.tertial.testkit.LibreOffice;
import se.tertial.spec.Severity;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LibreOffice, a real spreadsheet program, opens our templates and prints them: {@code soffice --headless
 * --convert-to pdf} must succeed and the PDF must show the Swedish headings. LibreOffice and pdftotext are installed
 * by {@code scripts/test.sh}.
 */
class LibreOfficeOpensTemplatesTest {
    @TempDir
    Path tmp;

    @Test
    void convertsTheXlsxTemplateToPdfWithItsSwedishHeadings() throws Exception {
        String text = convert("FS-MED", "2022-T2", WorkbookFormat.XLSX);
        for (String expected : List.of("Tertialrapport Tertial 2 2022 (jan–aug) – Medicinsk vård",
                "Enhet FS-MED Medicinsk vård", "Utfall", "jan–aug",
                "Periodbudget", "Avvikelse", "Årsbudget", "Helårsprognos", "Bokslut",
                "Verksamhetens nettokostnad", "KOST_LON", "Sista dag för inlämning")) {
            assertTrue(text.contains(expected), () -> "PDF lacks \"" + expected + "\":\n" + text);
        }
    }

    @Test
    void convertsTheXlsTemplateWithTwoDataSheetsToPdf() throws Exception {
        String text = convert("RSO-FINANS", "2022-T3", WorkbookFormat.XLS);
        // Label and value on one line: Instruktioner printed fit to one page width, not split across two pages.
        for (String expected : List.of("Enhet RSO-FINANS Finansiering och balansräkning", "Skatteintäkter",
                "Utgående", "2022-12-31", "Summa eget kapital, avsättningar och skulder", "Bokslut", "2021")) {
            assertTrue(text.contains(expected), () -> "PDF lacks \"" + expected + "\":\n" + text);
        }
    }

    @Test
    void opensAnAnnotatedWorkbookWithItsFindingsSheet() throws Exception {
        Path original = tmp.resolve("original.xlsx");
        Files.write(original, new TemplateWriter("tertial").write(Requests.of("FS-MED", "2022-T2", Prefill.none()),
                WorkbookFormat.XLSX));
        byte[] annotated = Annotator.annotate(original, List.of(
                new Finding(Severity.ERROR, "Resultat", "C9", "KOST_LON", "UTFALL", "not_a_number",
                        "Blad Resultat, cell C9 (rad KOST_LON, kolumn UTFALL): Cellen ska innehålla ett belopp"),
                new Finding(Severity.WARNING, "Resultat", "C6", "INT_OVRIGA", "UTFALL", "sign", "Kontrollera tecken")));
        String text = convertBytes("granskad", annotated, WorkbookFormat.XLSX);
        for (String expected : List.of("Meddelande", "Inte ett belopp", "Lön och arbetsgivaravgifter",
                "Blad Resultat, cell C9", "Kontrollera tecken", "Verksamhetens nettokostnad")) {
            assertTrue(text.contains(expected), () -> "PDF lacks \"" + expected + "\":\n" + text);
        }
        // The rule's code is for scripts: in a hidden column, not on the printed page.
        assertTrue(!text.contains("not_a_number"), text);
    }

    private String convert(String unit, String period, WorkbookFormat format) throws Exception {
        return convertBytes(unit, new TemplateWriter("tertial").write(Requests.of(unit, period, Prefill.none()),
                format), format);
    }

    private String convertBytes(String unit, byte[] bytes, WorkbookFormat format) throws Exception {
        Path file = tmp.resolve(unit + "." + format.extension());
        Files.write(file, bytes);
        Path pdf = LibreOffice.convert(file, "pdf", tmp);
        assertTrue(Files.size(pdf) > 1000, "LibreOffice wrote a PDF");
        return LibreOffice.pdfText(pdf);
    }
}
