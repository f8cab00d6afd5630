package se.tertial.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import se.tertial.testkit.Browser;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestServer;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Hämta data till Excel" in Chromium (issue 26): a controller reads the feed's address and the steps in Swedish,
 * makes a key named Excel (shown once, audited), and that key reads the feed — their own units only.
 */
class ExcelPageTest {
    @TempDir
    Path tmp;

    @Test
    void aControllerMakesAKeyForExcelAndItReadsTheirUnitsOnly() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"));
             Browser ctl = new Browser(Files.createDirectories(tmp.resolve("dl")), "excel")) {
            s.createPeriod("2022-T2");
            for (String unit : List.of("FS-MED", "RS-IT")) {
                assertEquals(201, s.upload(s.admin, FilledTemplate.of(unit, "2022-T2").valid().bytes()).statusCode());
            }
            String base = s.uri("").toString().replaceAll("/$", "");
            ctl.signInFirstTime(base, "controller.fs", s.app().auth().setOneTimePassword(
                    s.app().users().require("controller.fs")), "controllerns eget lösenord");
            ctl.go(By.linkText("Till Excel"));
            ctl.page("excel");
            assertEquals(base + "/odata/", ctl.driver.findElement(By.id("flodets-adress")).getText());
            String steps = ctl.driver.findElement(By.cssSelector("ol.steps")).getText();
            assertTrue(steps.contains("Data → Hämta data → Från annan källa → Från OData-feed")
                    && steps.contains("Grundläggande"), steps);
            assertFalse(ctl.driver.getPageSource().contains("Namndsavvikelser"), "not for a controller");
            ctl.go(By.id("skapa-nyckel"));
            ctl.page("excel-nyckel");
            String key = ctl.driver.findElement(By.id("ny-nyckel")).getText();
            assertTrue(key.length() > 20, key);
            assertTrue(s.app().users().keys("controller.fs").stream().anyMatch(k -> k.name().equals("Excel")));
            ctl.open(base + "/excel", "excel-igen");
            assertFalse(ctl.driver.getPageSource().contains(key), "shown once");

            var r = s.send(HttpRequest.newBuilder(URI.create(base + "/odata/Fakta?$select=Enhet")).header(
                    "Authorization", "Basic " + Base64.getEncoder().encodeToString(("anna:" + key)
                            .getBytes(StandardCharsets.UTF_8))).GET().build());
            assertEquals(200, r.statusCode());
            var rows = TestServer.json(r).get("value");
            assertTrue(rows.size() > 50);
            rows.forEach(row -> assertEquals("FS-MED", row.get("Enhet").asText()));
            assertEquals(List.of(), ctl.violations());
        }
    }
}
