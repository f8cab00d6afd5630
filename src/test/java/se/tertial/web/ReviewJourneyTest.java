package se.tertial.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import se.tertial.testkit.Browser;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review round in Chromium (issue 11): finance returns FS-MED's report with a message, the controller reads
 * it on "Mina enheter" and uploads a new version with a reply, finance approves it; the audit log and the report
 * of approved versions show it. Every page passes axe-core (WCAG 2.1 AA).
 */
class ReviewJourneyTest {
    @TempDir
    Path tmp;

    @Test
    void financeReturnsTheControllerAnswersFinanceApproves() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"));
             Browser fin = new Browser(Files.createDirectories(tmp.resolve("dl-fin")), "granskning-ekonomi");
             Browser ctl = new Browser(Files.createDirectories(tmp.resolve("dl-ctl")), "granskning-controller")) {
            String base = s.uri("").toString();
            assertEquals(201, s.post("/api/periods", "{\"code\":\"2022-T2\",\"deadline\":\"2099-12-31\"}")
                    .statusCode());
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes(),
                    "Första versionen.").statusCode());

            fin.signInFirstTime(base, "ekonomi", s.app().auth().setOneTimePassword(
                    s.app().users().require("ekonomi")), "ekonomins eget lösenord");
            fin.open(base + "/perioder/2022-T2", "status");
            String counts = fin.driver.findElement(By.cssSelector("ul.counts")).getText();
            assertTrue(counts.contains("inlämnad: 1") && counts.contains("saknas: 19"), counts);
            fin.go(By.cssSelector("a[href='/enheter/FS-MED/2022-T2']"));
            fin.page("granska-v1");
            assertEquals("inlämnad", fin.driver.findElement(By.id("granskningsstatus")).getText());
            assertTrue(fin.driver.findElement(By.cssSelector("ol.thread")).getText().contains("Första versionen."));
            fin.driver.findElement(By.id("atersand-meddelande")).sendKeys("Förklara personalkostnaderna.");
            fin.go(By.id("atersand"));
            fin.page("aterskickad");
            assertEquals("återsänd", fin.driver.findElement(By.id("granskningsstatus")).getText());
            String thread = fin.driver.findElement(By.cssSelector("ol.thread")).getText();
            assertTrue(thread.contains("Återsänd version 1 av ekonomi") && thread.contains("Förklara personalkostnaderna."),
                    thread);

            ctl.signInFirstTime(base, "controller.fs", s.app().auth().setOneTimePassword(
                    s.app().users().require("controller.fs")), "controllerns eget lösenord");
            ctl.open(base + "/enheter", "mina-enheter-aterskickad");
            String mine = ctl.driver.findElement(By.tagName("table")).getText();
            assertTrue(mine.contains("återsänd") && mine.contains("Förklara personalkostnaderna."), mine);
            Path v2 = Files.write(tmp.resolve("med-v2.xlsx"), FilledTemplate.of("FS-MED", "2022-T2").valid()
                    .set("Resultat", "KOST_LON", "UTFALL", "-80400")
                    .setText("Resultat", "KOST_LON", "KOMMENTAR", "Vikarier under sommaren.").bytes());
            ctl.driver.findElement(By.id("fil")).sendKeys(v2.toAbsolutePath().toString());
            ctl.driver.findElement(By.id("meddelande")).sendKeys("Inhyrd personal under sommaren.");
            ctl.go(By.cssSelector("section.upload button[type=submit]"));
            ctl.page("ny-version");
            assertTrue(ctl.driver.findElement(By.cssSelector("section.result")).getText().contains("mottagen"));

            fin.open(base + "/enheter/FS-MED/2022-T2", "granska-v2");
            assertEquals("inlämnad", fin.driver.findElement(By.id("granskningsstatus")).getText());
            assertTrue(fin.driver.findElement(By.cssSelector("ol.thread")).getText()
                    .contains("Inhyrd personal under sommaren."));
            // The figures finance judges, on the same page as the decision: a line's amounts as the JSON has them.
            com.fasterxml.jackson.databind.JsonNode json = TestServer.json(s.get(
                    "/api/periods/2022-T2/units/FS-MED/figures", s.finance));
            var lon = fin.driver.findElement(By.id("rad-siffror-resultat-KOST_LON"));
            List<String> cells = lon.findElements(By.tagName("td")).stream().map(e -> e.getText()).toList();
            com.fasterxml.jackson.databind.JsonNode jsonLine = null;
            for (var l : json.get("sheets").get(0).get("lines")) {
                if (l.get("line").asText().equals("KOST_LON")) {
                    jsonLine = l;
                }
            }
            for (int c = 0; c < jsonLine.get("values").size(); c++) {
                var v = jsonLine.get("values").get(c);
                // WebDriver reads a no-break space as a space.
                assertEquals(v.isNull() ? "–" : se.tertial.spec.CommonText.signed(v.decimalValue()).replace('\u00a0',
                        ' '), cells.get(c), "column " + c + " of KOST_LON: page = JSON");
            }
            assertTrue(cells.contains("−80 400"), cells.toString());
            // What changed since the version finance returned: the salaries, old → new.
            String changed = fin.driver.findElement(By.id("tabell-andrat-atersanda")).getText();
            assertTrue(changed.contains("Lön och arbetsgivaravgifter") && changed.contains("−80 000,5")
                    && changed.contains("−80 400"), changed);
            assertEquals("Godkänn version 2", fin.driver.findElement(By.id("godkann")).getText());
            fin.go(By.id("godkann"));
            fin.page("godkand");
            assertEquals("godkänd", fin.driver.findElement(By.id("granskningsstatus")).getText());
            assertTrue(fin.driver.findElements(By.id("godkann")).isEmpty(), "nothing more to approve");
            assertTrue(!fin.driver.findElements(By.id("ateroppna")).isEmpty(), "it may be reopened");

            ctl.open(base + "/enheter", "mina-enheter-godkand");
            assertTrue(ctl.driver.findElement(By.tagName("table")).getText().contains("godkänd"));
            ctl.open(base + "/enheter/FS-MED/2022-T2", "controller-trad");
            assertTrue(ctl.driver.findElements(By.id("godkann")).isEmpty(), "a controller does not decide");
            assertTrue(ctl.driver.findElement(By.id("siffror")).getText().contains("version 2"),
                    "but reads the figures of their own unit");
            assertEquals("godkänd", ctl.driver.findElement(By.id("granskningsstatus")).getText());

            fin.open(base + "/handelser?enhet=FS-MED", "handelser");
            String log = fin.driver.findElement(By.id("handelser")).getText();
            assertTrue(log.contains("Återsändning") && log.contains("Godkännande") && log.contains("Uppladdning"), log);
            // FS-KIR submits but is not approved: the approved-only report leaves it out and says so.
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-KIR", "2022-T2").valid().bytes())
                    .statusCode());
            fin.open(base + "/rapport/2022-T2", "rapport-alla");
            assertTrue(fin.driver.findElement(By.id("ej-godkanda")).getText().contains("FS-KIR"));
            // "Bokslut och prognos": a chart with an accessible name and the table it draws.
            var chart = fin.driver.findElement(By.cssSelector("#prognoshistorik ~ figure svg[role=img], "
                    + "section[aria-labelledby=prognoshistorik] svg[role=img]"));
            String chartName = chart.findElement(By.tagName("title")).getAttribute("textContent");
            assertTrue(chartName.startsWith("Prognosavvikelse per nämnd över tid"), chartName);
            assertEquals(chart.findElement(By.tagName("title")).getAttribute("id"), chart.getAttribute("aria-labelledby"));
            assertTrue(chart.findElements(By.tagName("polyline")).size() >= 1, "the FS line");
            // Nämndsavvikelser as bars around zero: named, each bar's value the table's figure.
            var bars = fin.driver.findElement(By.cssSelector("svg[aria-labelledby=diagram-namndsavvikelser]"));
            assertTrue(bars.findElement(By.tagName("title")).getAttribute("textContent")
                    .startsWith("Nämndsavvikelser per nämnd, Tertial 2 2022"));
            assertEquals(barValues(fin.driver.findElements(By.cssSelector("#namndsavvikelser tbody tr"))
                    .stream().filter(r -> !r.findElements(By.tagName("a")).isEmpty()).toList()), svgValues(bars));
                        fin.driver.executeScript("arguments[0].scrollIntoView()", chart);
            fin.page("rapport-prognoshistorik");
            String history = fin.driver.findElement(By.id("tabell-prognoshistorik")).getText();
            assertTrue(history.contains("Medicinsk vård") && history.contains("Prognos 2022 T2")
                    && history.contains("Totalt FS"), history);
            // Drill down: the nämnd, its units, a unit's lines with the controller's comment.
            fin.go(By.cssSelector("#namndsavvikelser a[href^='/rapport/2022-T2/namnd/FS']"));
            fin.page("rapport-namnd-fs");
            var unitBars = fin.driver.findElement(By.cssSelector("svg[aria-labelledby=diagram-tabell-enheter]"));
            assertTrue(unitBars.findElement(By.tagName("title")).getAttribute("textContent")
                    .startsWith("Enheterna i "));
            assertEquals(barValues(fin.driver.findElements(By.cssSelector("#tabell-enheter tbody tr[id^=enhet-]"))),
                    svgValues(unitBars));
                        String med = fin.driver.findElement(By.id("enhet-FS-MED")).getText();
            assertTrue(med.contains("godkänd") && med.contains("Vikarier under sommaren."), med);
            fin.go(By.cssSelector("#enhet-FS-MED a"));
            fin.page("rapport-enhet-fs-med");
            assertTrue(fin.driver.findElement(By.id("rad-siffror-resultat-KOST_LON")).getText()
                    .contains("Vikarier under sommaren."));
            fin.open(base + "/rapport/2022-T2", "rapport-igen");
            fin.go(By.id("endast-godkanda"));
            fin.page("rapport-godkanda");
            String note = fin.driver.findElement(By.id("ej-godkanda")).getText();
            assertTrue(note.startsWith("Endast godkända rapporter") && note.contains("FS-KIR") && !note.contains("FS-MED"),
                    note);

            assertEquals(List.of(), fin.violations());
            assertEquals(List.of(), ctl.violations());
        }
    }

    /** The period and forecast cells of the rows, in order, as the bars label them. */
    private static List<String> barValues(List<org.openqa.selenium.WebElement> rows) {
        List<String> out = new java.util.ArrayList<>();
        for (var row : rows) {
            var cells = row.findElements(By.cssSelector("td.num"));
            out.add(cells.get(0).getText());
            out.add(cells.get(1).getText());
        }
        return out;
    }

    /** The value at each bar's end, top to bottom. */
    private static List<String> svgValues(org.openqa.selenium.WebElement svg) {
        return svg.findElements(By.cssSelector("rect + text")).stream().map(t -> t.getAttribute("textContent"))
                .filter(t -> !t.isEmpty() && !t.equals("Periodavvikelse") && !t.equals("Prognosavvikelse")).toList();
    }
}
