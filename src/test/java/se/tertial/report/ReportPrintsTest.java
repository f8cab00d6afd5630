package se.tertial.report;

import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.spec.ReportText;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.LibreOffice;
import se.tertial.testkit.PrintedHeadings;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The consolidated workbook as printed (LibreOffice → PDF → text), #10 items 11, 12 and the rendered-page test:
 * on the drill-down sheet every unit's comments are whole on the page (their rows tall enough, not overlapping the
 * next unit), the headings print on our lines and apart; on Kontroller the list of missing units and every status
 * text are whole.
 */
class ReportPrintsTest {
    @TempDir
    Path tmp;

    private static final String LONG = "Personalkostnaderna är högre än budget på grund av inhyrd personal under "
            + "sommaren, främst sjuksköterskor på akutvårdsavdelningarna, och ökade övertidsersättningar i samband "
            + "med vårdplatsbristen i juni och juli. Åtgärder: rekrytering av tolv sjuksköterskor pågår och "
            + "bemanningsavtalet omförhandlas inför hösten, med full effekt från och med oktober.";

    @Test
    void drilldownCommentsAndKontrollerListsPrintWhole() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.createPeriod("2022-T2");
            upload(s, FilledTemplate.of("FS-MED", "2022-T2").valid()
                    .setText("Resultat", "KOST_LON", "KOMMENTAR", LONG)
                    .setText("Resultat", "INT_AVGIFTER", "KOMMENTAR", "Fler besök än väntat.\nPatientavgifterna "
                            + "höjdes den 1 mars.")
                    .setText("Resultat", "KOST_LAKEMEDEL", "KOMMENTAR", LONG.substring(0, 160)));
            upload(s, FilledTemplate.of("FS-KIR", "2022-T2").valid()
                    .setText("Resultat", "KOST_LON", "KOMMENTAR", "Enligt plan."));
            byte[] bytes = s.app().reports().workbook("2022-T2").bytes();
            Figures figures = s.app().reports().report("2022-T2").figures();
            Path xlsx = Files.write(tmp.resolve("rapport.xlsx"), bytes);
            Path pdf = LibreOffice.convert(xlsx, "pdf", tmp.resolve("pdf"));
            List<String> pages = LibreOffice.pdfPages(pdf);
            // Kept for a look, like the browser tests' screenshots.
            Files.createDirectories(Path.of("target/screenshots"));
            Files.copy(pdf, Path.of("target/screenshots/rapport.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

            // The drill-down's first page: its title ends the nämnd's name with a colon.
            String fs = pages.stream().filter(p -> p.contains("sjukvård: avvikelser per enhet")).findFirst()
                    .orElseThrow(() -> new AssertionError("no FS drill-down page"));
            List<String> comments = new ArrayList<>();
            for (var group : figures.drilldowns().stream().filter(d -> d.namnd().equals("FS")).findFirst()
                    .orElseThrow().groups()) {
                for (var unit : group.units()) {
                    comments.addAll(unit.comments());
                }
            }
            assertEquals(4, comments.size(), "comments of FS-MED and FS-KIR: " + comments);
            for (String comment : comments) {
                String whole = comment.replaceAll("\\s+", " ");
                assertTrue(fs.contains(whole), "the comment \"" + whole + "\" is not whole on the page:\n" + fs);
            }

            // Its headings print on our lines, apart.
            List<String> problems = new ArrayList<>();
            try (Workbook wb = Sheets.open(bytes)) {
                int checked = PrintedHeadings.check("FS", wb.getSheet("FS").getRow(SheetWriter.HEADING_ROW),
                        PrintedHeadings.pageWith(LibreOffice.pdfWords(pdf), "sjukvård:"), problems);
                assertTrue(checked >= 12, "checked " + checked + " heading words");
            }
            assertEquals(List.of(), problems);

            // Each unit's first comment word keeps clear of the amount before it ("−0.2Patient-" ran together).
            List<LibreOffice.Word> fsWords = PrintedHeadings.pageWith(LibreOffice.pdfWords(pdf), "sjukvård:");
            int besideAmounts = 0;
            for (String comment : List.of(comments.get(0), "Lön och arbetsgivaravgifter: Enligt plan.")) {
                String firstWord = comment.split("\\s+")[0];
                for (LibreOffice.Word w : fsWords.stream().filter(x -> x.text().equals(firstWord)).toList()) {
                    // The word may also begin a later line of a comment, with nothing to its left.
                    var before = fsWords.stream().filter(x -> x.xMax() <= w.xMin() + 0.01
                                    && Math.abs(x.yMax() - w.yMax()) < 0.4 * (w.yMax() - w.yMin()))
                            .max(java.util.Comparator.comparingDouble(LibreOffice.Word::xMax));
                    if (before.isPresent()) {
                        besideAmounts++;
                        double gap = w.xMin() - before.get().xMax();
                        assertTrue(gap >= 0.6 * (w.yMax() - w.yMin()), "\"" + before.get().text() + "\" and \""
                                + w.text() + "\" are " + gap + " pt apart");
                    }
                }
            }
            assertEquals(2, besideAmounts, "FS-MED's and FS-KIR's first comment lines, beside their amounts");

            // Kontroller: the missing units on the page in full, the status texts whole.
            // A line may end after the hyphen of a unit code ("RSO-" / "FINANS"), as in any wrapped text.
            // Each page starts with its header ("Sammanställning … – Kontroller"), then the sheet's own title.
            String kontroller = pages.stream().filter(p -> p.contains(ReportText.kontrollerTitle(
                    se.tertial.spec.PeriodCode.parse("2022-T2")))).findFirst()
                    .orElseThrow(() -> new AssertionError("no Kontroller page:\n" + pages)).replace("- ", "-");
            assertTrue(figures.missing().size() > 10, "many units missing: " + figures.missing());
            String missing = ReportText.reportMissing(figures.missing());
            int first = kontroller.indexOf(missing);
            assertTrue(first >= 0 && kontroller.indexOf(missing, first + 1) > first,
                    "the missing units, in the note and under the check, whole on the Kontroller page:\n" + kontroller);
            // A wrapped label shares its first line with its amount and status: its words, in order, all printed.
            for (Figures.Check c : figures.kontroller()) {
                assertTrue(inOrder(kontroller, c.label()), "\"" + c.label() + "\" is not whole:\n" + kontroller);
            }
            assertTrue(kontroller.contains(ReportText.CHECK_INCOMPLETE), kontroller);
        }
    }

    private static boolean inOrder(String page, String text) {
        int at = 0;
        for (String word : text.split("\\s+")) {
            at = page.indexOf(word, at);
            if (at < 0) {
                return false;
            }
            at += word.length();
        }
        return true;
    }

    private static void upload(TestServer s, FilledTemplate t) {
        var r = s.upload(s.admin, t.bytes());
        assertEquals(201, r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
    }
}
