package se.tertial.web;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import se.tertial.testkit.Browser;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finance in Chromium: opens a period, follows the status board as a controller uploads, locks the period (the
 * controller's next upload is refused on their page in Swedish), downloads the consolidated workbook, and reads
 * the nämndsavvikelser table, whose figures equal the JSON's.
 */
class FinanceJourneyTest {
    @TempDir
    Path tmp;

    @Test
    void theWholeRoundOfFinance() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"));
             Browser fin = new Browser(Files.createDirectories(tmp.resolve("dl-fin")), "finance");
             Browser ctl = new Browser(Files.createDirectories(tmp.resolve("dl-ctl")), "finance-controller")) {
            String base = s.uri("").toString();
            fin.signInFirstTime(base, "ekonomi", s.app().auth().setOneTimePassword(
                    s.app().users().require("ekonomi")), "ekonomins eget lösenord");
            fin.open(base + "/perioder", "perioder");
            fin.driver.findElement(By.id("kod")).sendKeys("2022-T2");
            // The date picker's typed form depends on the browser's locale; set the value as a picker does.
            fin.driver.executeScript("arguments[0].value = '2022-09-09'", fin.driver.findElement(By.id("sista_dag")));
            fin.go(By.cssSelector("form[action='/perioder'] button"));
            fin.page("perioder-ny");
            assertTrue(fin.driver.findElement(By.tagName("table")).getText().contains("2022-T2"));

            fin.open(base + "/perioder/2022-T2", "status-fore");
            String before = String.join(" ", fin.driver.findElements(By.cssSelector("ul.counts")).stream()
                    .map(WebElement::getText).toList());
            // The deadline has passed: in the review round the missing reports are late.
            assertTrue(before.contains("försenad: 20") && before.contains("uppladdning saknas: 20"), before);

            ctl.signInFirstTime(base, "controller.fs", s.app().auth().setOneTimePassword(
                    s.app().users().require("controller.fs")), "controllerns eget lösenord");
            Path med = Files.write(tmp.resolve("med.xlsx"), FilledTemplate.of("FS-MED", "2022-T2").valid().bytes());
            ctl.open(base + "/enheter", "enheter");
            ctl.driver.findElement(By.id("fil")).sendKeys(med.toAbsolutePath().toString());
            ctl.go(By.cssSelector("section.upload button[type=submit]"));
            assertTrue(ctl.driver.findElement(By.cssSelector("section.result")).getText().contains("mottagen"));

            fin.open(base + "/perioder/2022-T2", "status-efter");
            String counts = String.join(" ", fin.driver.findElements(By.cssSelector("ul.counts")).stream()
                    .map(WebElement::getText).toList());
            assertTrue(counts.contains("försenad: 19") && counts.contains("inlämnad: 1")
                    && counts.contains("uppladdning saknas: 19") && counts.contains("uppladdning mottagen: 1"), counts);
            assertTrue(fin.driver.getPageSource().contains("av controller.fs"));

            fin.open(base + "/perioder", "perioder-las");
            fin.go(By.cssSelector("form[action='/perioder/2022-T2/las'] button"));
            fin.page("perioder-las-bekrafta");
            assertTrue(fin.driver.getPageSource().contains("Vill du låsa Tertial 2 2022"));
            assertTrue(s.app().periods().list().stream().noneMatch(p -> p.state() == se.tertial.store.PeriodState.LOCKED),
                    "nothing is locked before the confirmation");
            fin.go(By.cssSelector("form[action='/perioder/2022-T2/las'] button"));
            fin.page("perioder-last");
            assertTrue(fin.driver.findElement(By.id("besked")).getText().contains("är låst"));
            assertTrue(fin.driver.findElement(By.tagName("table")).getText().contains("låst"));

            Path kir = Files.write(tmp.resolve("kir.xlsx"), FilledTemplate.of("FS-KIR", "2022-T2").valid().bytes());
            ctl.open(base + "/enheter", "enheter-last");
            // A locked period is not open: the controller's page lists it read-only among the earlier periods (its
            // state and history, no template or upload), and an upload is refused.
            assertTrue(ctl.driver.getPageSource().contains("Ingen period är öppen"));
            WebElement earlier = ctl.driver.findElement(By.cssSelector("section.earlier"));
            assertTrue(earlier.getText().contains("Tertial 2 2022") && earlier.getText().contains("låst"),
                    earlier.getText());
            assertTrue(ctl.driver.findElements(By.cssSelector("section.earlier a[href$='mall.xlsx']")).isEmpty());
            assertTrue(ctl.driver.findElements(By.cssSelector("section.upload")).isEmpty());
            earlier.findElement(By.tagName("summary")).click();
            assertTrue(earlier.getText().contains("Medicinsk vård") && earlier.getText().contains("mottagen"),
                    earlier.getText());
            ctl.go(By.cssSelector("section.earlier a[href='/enheter/FS-MED/2022-T2']"));
            ctl.page("historik-last-period");
            assertTrue(ctl.driver.getPageSource().contains("med.xlsx"), "versions and files of a locked period");
            s.post("/api/periods/2022-T2/unlock", "");
            ctl.open(base + "/enheter", "enheter-oppen");
            s.post("/api/periods/2022-T2/lock", "");
            ctl.driver.findElement(By.id("fil")).sendKeys(kir.toAbsolutePath().toString());
            ctl.go(By.cssSelector("section.upload button[type=submit]"));
            ctl.page("uppladdning-last");
            String refused = ctl.driver.findElement(By.cssSelector("section.result")).getText();
            assertTrue(refused.contains("avvisad") && refused.contains("är låst"), refused);

            fin.open(base + "/rapport/2022-T2", "rapport");
            fin.driver.findElement(By.partialLinkText("konsolidering.xlsx")).click();
            Path workbook = fin.awaitDownload(".xlsx");
            try (var wb = Sheets.open(Files.readAllBytes(workbook))) {
                assertTrue(wb.getSheet("Nämndsavvikelser") != null);
            }
            List<String> html = new ArrayList<>();
            for (WebElement row : fin.driver.findElements(By.cssSelector("#namndsavvikelser tbody tr"))) {
                html.add(row.getText());
            }
            JsonNode json = TestServer.json(s.get("/api/reports/2022-T2/namndsavvikelser.json"));
            List<String> expected = new ArrayList<>();
            for (JsonNode r : json.get("rows")) {
                expected.add(r.get("label").asText() + " " + FinancePages.mnkr(decimal(r.get("periodDeviation")))
                        + " " + FinancePages.mnkr(decimal(r.get("forecastDeviation"))));
            }
            assertEquals(expected, html);
            assertTrue(fin.driver.findElement(By.id("kontroller")).getText().contains("Kontrollera")
                    || fin.driver.findElement(By.id("kontroller")).getText().contains("OK"));
            // Each check says what it compares, where a difference comes from and what to do.
            String explained = fin.driver.findElement(By.id("kontroller")).getText();
            assertTrue(explained.contains("Jämför summa tillgångar med summa eget kapital")
                    && explained.contains("Påminn de enheter som saknas under Status."), explained);
            // A failing check names the units its difference comes from, as the JSON does, each linking to its page.
            JsonNode kontroller = TestServer.json(s.get("/api/reports/2022-T2/kontroller.json"));
            int named = 0;
            for (JsonNode check : kontroller.get("rows")) {
                String row = fin.driver.findElement(By.xpath("//table[@id='kontroller']//tr[th='"
                        + check.get("label").asText() + "']")).getText();
                for (JsonNode source : check.get("sources")) {
                    if (named++ < 10) {
                        assertTrue(row.contains("Kommer från:") && row.contains(source.get("name").asText() + " ("
                                + source.get("unit").asText() + ")") && (source.get("difference").isNull()
                                || row.contains(FinancePages.mnkr(decimal(source.get("difference"))))), row);
                    }
                }
                if (check.get("code").asText().equals("UNDERLAG")) {
                    assertEquals(19, check.get("sources").size(), "every unit without a version");
                    assertTrue(row.contains("och 9 enheter till") && !row.contains("Medicinsk vård (FS-MED)"), row);
                }
            }
            assertTrue(named > 0, "some check failed and named its units");
            fin.go(By.cssSelector("#kontroller a[href='/enheter/FS-KIR/2022-T2']"));
            fin.page("kontroll-enhet");
            fin.open(base + "/rapport/2022-T2", "rapport-igen");
            fin.open(base + "/budget", "budget");
            int year = java.time.Year.now().getValue();
            fin.driver.findElement(By.cssSelector("a[href='/budget/" + year + "/mall.xlsx']")).click();
            Path budget = fin.awaitDownload(".xlsx");
            try (var wb = Sheets.open(Files.readAllBytes(budget))) {
                assertTrue(wb.getSheet("Budget") != null);
            }
            assertEquals(List.of(), fin.violations());
            assertEquals(List.of(), ctl.violations());
        }
    }

    private static BigDecimal decimal(JsonNode n) {
        return n == null || n.isNull() ? null : new BigDecimal(n.asText());
    }
}
