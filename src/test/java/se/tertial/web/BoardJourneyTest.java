package se.tertial.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import se.tertial.app.AuditService;
import se.tertial.testkit.Browser;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finance runs a round from the status board in Chromium (issue 25): narrows it to the submitted reports, sorts
 * and searches, ticks three clean units and confirms them on a page naming each unit and version — one of them
 * has meanwhile received a newer version and is refused on its own while the other two are approved — downloads
 * the board as .xlsx and moves the deadline. Every page passes axe-core and reflows at 320 px.
 */
class BoardJourneyTest {
    @TempDir
    Path tmp;

    private static List<String> rows(Browser b) {
        return b.driver.findElements(By.cssSelector("#status tbody th[scope=row] .code")).stream()
                .map(WebElement::getText).toList();
    }

    @Test
    void financeApprovesThreeCleanUnitsAtOnceAndOneIsRefusedForANewerVersion() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"));
             Browser fin = new Browser(Files.createDirectories(tmp.resolve("dl")), "tavla")) {
            String base = s.uri("").toString();
            assertEquals(201, s.post("/api/periods", "{\"code\":\"2022-T2\",\"deadline\":\"2099-12-31\"}")
                    .statusCode());
            for (String unit : List.of("FS-MED", "FS-KIR", "RS-IT")) {
                assertEquals(201, s.upload(s.admin, FilledTemplate.of(unit, "2022-T2").valid().bytes()).statusCode());
            }
            fin.signInFirstTime(base, "ekonomi", s.app().auth().setOneTimePassword(
                    s.app().users().require("ekonomi")), "ekonomins eget lösenord");
            fin.open(base + "/perioder/2022-T2", "alla");
            assertEquals(20, rows(fin).size());

            new Select(fin.driver.findElement(By.id("granskning"))).selectByVisibleText("inlämnad");
            fin.go(By.cssSelector("form.filters button[type=submit]"));
            fin.page("inlamnade");
            assertEquals(List.of("FS-MED", "FS-KIR", "RS-IT"), rows(fin), "organisation order");
            fin.go(By.linkText("Enhet"));
            fin.page("sorterad-enhet");
            assertEquals(List.of("RS-IT", "FS-KIR", "FS-MED"), rows(fin), "by name: IT-centrum, Kirurgisk, Medicinsk");
            assertEquals("ascending", fin.driver.findElement(By.cssSelector("#status th[aria-sort]"))
                    .getAttribute("aria-sort"));

            fin.driver.findElement(By.id("sok")).sendKeys("kirurg");
            fin.go(By.cssSelector("form.filters button[type=submit]"));
            fin.page("sok");
            assertEquals(List.of("FS-KIR"), rows(fin));
            fin.driver.findElement(By.id("sok")).clear();
            fin.go(By.cssSelector("form.filters button[type=submit]"));
            fin.page("inlamnade-igen");

            for (String unit : List.of("FS-MED", "FS-KIR", "RS-IT")) {
                fin.driver.findElement(By.id("valj-" + unit)).click();
            }
            fin.go(By.id("godkann-markerade"));
            fin.page("bekrafta");
            String list = fin.driver.findElement(By.id("bekrafta-lista")).getText();
            assertTrue(list.contains("Medicinsk vård (FS-MED), version 1") && list.contains("Kirurgisk vård (FS-KIR), "
                    + "version 1") && list.contains("IT-centrum (RS-IT), version 1"), list);

            // Meanwhile the controller sends a new version of FS-KIR: the version finance ticked is no longer current.
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-KIR", "2022-T2").valid()
                    .set("Resultat", "KOST_LON", "UTFALL", "-80400").bytes(), "Rättade lönerna.").statusCode());
            fin.go(By.cssSelector("form[action='/perioder/2022-T2/godkann'] button[type=submit]"));
            fin.page("godkanda");
            String done = fin.driver.findElement(By.id("besked")).getText();
            assertTrue(done.contains("Godkända rapporter (2)") && done.contains("Medicinsk vård (FS-MED), version 1")
                    && done.contains("IT-centrum (RS-IT), version 1"), done);
            String refused = fin.driver.findElement(By.id("fel")).getText();
            assertTrue(refused.contains("Kirurgisk vård (FS-KIR), version 1") && refused.contains("version 2 har "
                    + "kommit in"), refused);
            var admin = s.app().users().require("admin");
            assertEquals(2, s.app().audit().list(admin, new AuditService.Query("2022-T2", null, null, "approve",
                    null, null)).size(), "each approval is its own event");
            assertEquals(0, s.app().audit().list(admin, new AuditService.Query("2022-T2", "FS-KIR", null, "approve",
                    null, null)).size());
            assertTrue(s.app().reviews().approvedUnits(se.tertial.spec.PeriodCode.parse("2022-T2"))
                    .equals(java.util.Set.of("FS-MED", "RS-IT")));

            fin.open(base + "/perioder/2022-T2?granskning=inlamnad", "efter");
            assertEquals(List.of("FS-KIR"), rows(fin));
            fin.driver.findElement(By.partialLinkText(".xlsx")).click();
            Path xlsx = fin.awaitDownload(".xlsx");
            try (var wb = Sheets.open(Files.readAllBytes(xlsx))) {
                var sheet = wb.getSheet("Status");
                assertEquals("FS-KIR", sheet.getRow(3).getCell(2).getStringCellValue());
                assertEquals(2, (int) sheet.getRow(3).getCell(6).getNumericCellValue());
                assertEquals(3, sheet.getLastRowNum(), "the selection only");
            }

            fin.driver.executeScript("arguments[0].value = '2099-12-15'", fin.driver.findElement(By.id("sista_dag")));
            fin.go(By.id("flytta-sista-dag"));
            fin.page("sista-dag");
            assertTrue(fin.driver.findElement(By.id("besked")).getText().contains("är nu 2099-12-15"));
            assertEquals("2099-12-15", fin.driver.findElement(By.id("sista-dag-nu")).getText());
            assertTrue(fin.violations().isEmpty(), String.join("\n", fin.violations()));
        }
    }
}
