package se.tertial.web;

import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import se.tertial.testkit.Browser;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;
import se.tertial.workbook.Metadata;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A controller who has never seen curl, in Chromium: signs in with a one-time password and chooses their own, sees
 * their units, downloads the template, fills it (with POI, as Excel would), uploads a wrong one and sees the exact
 * cell, downloads it with the errors marked, uploads a correct one and sees it accepted. axe-core checks every page.
 */
class ControllerJourneyTest {
    @TempDir
    Path tmp;

    @Test
    void theWholeRoundOfAController() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"));
             Browser b = new Browser(Files.createDirectories(tmp.resolve("downloads")), "controller")) {
            s.createPeriod("2022-T2");
            var user = s.app().users().require("controller.fs");
            String oneTime = s.app().auth().setOneTimePassword(user);
            String base = s.uri("").toString();

            b.open(base + "/", "logga-in");
            b.driver.findElement(By.id("namn")).sendKeys("controller.fs");
            b.driver.findElement(By.id("losenord")).sendKeys(oneTime);
            b.go(By.cssSelector("form.form button[type=submit]"));
            b.page("byt-losenord");
            assertTrue(b.driver.getPageSource().contains("engångslösenord"));
            b.driver.findElement(By.id("nuvarande")).sendKeys(oneTime);
            b.driver.findElement(By.id("nytt")).sendKeys("ett eget långt lösenord");
            b.driver.findElement(By.id("upprepa")).sendKeys("ett eget långt lösenord");
            b.go(By.cssSelector("form.form button[type=submit]"));

            b.page("mina-enheter");
            assertEquals("Mina enheter", b.driver.findElement(By.tagName("h1")).getText());
            String table = b.driver.findElement(By.cssSelector("section.period table")).getText();
            assertTrue(table.contains("Medicinsk vård") && table.contains("Kirurgisk vård"), table);
            assertTrue(!table.contains("Folktandvården"), "only the controller's own units");
            assertTrue(table.contains("saknas"));

            b.driver.findElement(By.cssSelector("a[href='/enheter/FS-MED/2022-T2/mall.xlsx']")).click();
            Path template = b.awaitDownload(".xlsx");
            byte[] filled;
            try (Workbook wb = Sheets.open(Files.readAllBytes(template))) {
                assertEquals("FS-MED", Metadata.read(wb).orElseThrow().unit().value());
                wb.getSheet("Resultat").protectSheet(null);
                Sheets.set(wb, "Resultat", "INT_AVGIFTER", "UTFALL", new BigDecimal("12000"));
                Sheets.set(wb, "Resultat", "KOST_LOKAL", "UTFALL", "ca 300");
                filled = Sheets.bytes(wb);
            }
            Path wrong = Files.write(tmp.resolve("FS-MED med fel.xlsx"), filled);
            upload(b, wrong);
            b.page("uppladdning-avvisad");
            WebElement result = b.driver.findElement(By.cssSelector("section.result"));
            assertTrue(result.getText().contains("avvisad"), result.getText());
            String findings = b.driver.findElement(By.cssSelector("table.findings")).getText();
            assertTrue(findings.contains("Resultat") && findings.contains("KOST_LOKAL") && findings.contains("ca 300"),
                    findings);
            assertTrue(findings.matches("(?s).*\\bC\\d+\\b.*"), "the exact cell: " + findings);
            assertTrue(findings.contains("Lokalhyror och fastighetskostnader") && findings.contains("Inte ett belopp"),
                    "the line's label and the rule's name: " + findings);

            b.driver.findElement(By.linkText("Ladda ner din fil med felen markerade")).click();
            Path annotated = b.awaitDownload(".xlsx");
            assertTrue(annotated.getFileName().toString().startsWith("Granskning FS-MED 2022-T2"), annotated.toString());
            try (Workbook wb = Sheets.open(Files.readAllBytes(annotated))) {
                assertEquals("Fel och varningar", wb.getSheetName(0));
            }

            // A file that is no workbook has no marked copy: no link that leads nowhere.
            b.open(base + "/enheter", "mina-enheter-text");
            // The message box shows the same focus ring as the other fields.
            String ring = "var e=document.getElementById(arguments[0]);e.focus();var c=getComputedStyle(e);"
                    + "return c.outlineStyle+' '+c.outlineWidth+' '+c.outlineColor;";
            String box = (String) b.driver.executeScript(ring, "meddelande");
            String file = (String) b.driver.executeScript(ring, "fil");
            assertEquals(file, box);
            assertTrue(box.startsWith("solid 3px"), box);
            upload(b, Files.writeString(tmp.resolve("anteckningar.txt"), "inte en arbetsbok"));
            b.page("uppladdning-ingen-arbetsbok");
            assertTrue(b.driver.findElement(By.cssSelector("section.result")).getText().contains("avvisad"));
            assertTrue(b.driver.findElements(By.partialLinkText("felen markerade")).isEmpty(),
                    "no annotated link for a file that is not a workbook");

            try (Workbook wb = Sheets.open(filled)) {
                Sheets.set(wb, "Resultat", "KOST_LOKAL", "UTFALL", new BigDecimal("-300"));
                filled = Sheets.bytes(wb);
            }
            Path right = Files.write(tmp.resolve("FS-MED rätt.xlsx"), filled);
            b.open(base + "/enheter", "mina-enheter-igen");
            upload(b, right);
            b.page("uppladdning-godkand");
            assertTrue(b.driver.findElement(By.cssSelector("section.result")).getText().contains("mottagen"));

            b.open(base + "/enheter", "mina-enheter-godkand");
            assertTrue(b.driver.findElement(By.cssSelector("section.period table")).getText().contains("mottagen"));
            b.open(base + "/enheter/FS-MED/2022-T2", "historik");
            assertEquals(2, b.driver.findElements(By.cssSelector("#tabell-inlamningar tbody tr")).size());
            b.go(By.cssSelector("#tabell-inlamningar tbody tr:nth-child(2) a"));
            b.page("inlamning");
            assertTrue(b.driver.getPageSource().contains("Ladda ner originalfilen"));
            b.open(base + "/enheter/FS-PRIV/2022-T2", "annan-enhet");
            assertTrue(b.driver.findElement(By.cssSelector(".message.error")).getText().contains("FS-PRIV"));
            assertTrue(!b.driver.getPageSource().contains("Privata vårdgivare"), "nothing of the other unit");
            b.open(base + "/finns-inte", "finns-inte");
            assertTrue(b.driver.getPageSource().contains("finns inte"));
            assertEquals(List.of(), b.violations());
        }
    }

    private static void upload(Browser b, Path file) {
        b.driver.findElement(By.id("fil")).sendKeys(file.toAbsolutePath().toString());
        b.go(By.cssSelector("section.upload button[type=submit]"));
    }
}
