package se.tertial.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import se.tertial.testkit.Browser;
import se.tertial.testkit.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator in Chromium: the first start's one-time password, a new user with a one-time password that
 * must be changed, a key made and revoked (the API refuses it at once), and a deactivation that ends the user's
 * open session.
 */
class AdminJourneyTest {
    @TempDir
    Path tmp;

    private static String shownOnce(Browser b, String pattern) {
        String notice = b.driver.findElement(By.id("besked")).getText();
        Matcher m = Pattern.compile(pattern).matcher(notice);
        assertTrue(m.find(), notice);
        return m.group(1);
    }

    private static void signIn(Browser b, String base, String name, String password) {
        b.open(base + "/logga-in", "logga-in-" + name);
        b.driver.findElement(By.id("namn")).sendKeys(name);
        b.driver.findElement(By.id("losenord")).sendKeys(password);
        b.go(By.cssSelector("form.form button[type=submit]"));
    }

    private static void choosePassword(Browser b, String oneTime, String password) {
        b.page("byt-losenord");
        b.driver.findElement(By.id("nuvarande")).sendKeys(oneTime);
        b.driver.findElement(By.id("nytt")).sendKeys(password);
        b.driver.findElement(By.id("upprepa")).sendKeys(password);
        b.go(By.cssSelector("form.form button[type=submit]"));
    }

    @Test
    void theAdministratorManagesPeopleAndKeys() throws Exception {
        Path data = tmp.resolve("data");
        try (TestServer s = new TestServer(data);
             Browser admin = new Browser(Files.createDirectories(tmp.resolve("dl-admin")), "admin");
             Browser anna = new Browser(Files.createDirectories(tmp.resolve("dl-anna")), "admin-anna")) {
            String base = s.uri("").toString();
            String first = s.app().auth().bootstrapAdminPassword(data).orElseThrow();
            assertEquals(first, Files.readString(data.resolve("admin-password.txt")).strip());
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(data.resolve("admin-password.txt"))));
            admin.signInFirstTime(base, "admin", first, "administratörens lösenord");

            admin.open(base + "/anvandare", "anvandare");
            admin.driver.findElement(By.id("namn")).sendKeys("anna");
            admin.driver.findElement(By.id("enheter")).sendKeys("FS-OKAND");
            admin.go(By.cssSelector("form[action='/anvandare'] button"));
            admin.page("anvandare-fel");
            assertTrue(admin.driver.findElement(By.id("fel")).getText().contains("FS-OKAND"));
            assertEquals("anna", admin.driver.findElement(By.id("namn")).getAttribute("value"),
                    "a refused form keeps what was typed");
            assertEquals("FS-OKAND", admin.driver.findElement(By.id("enheter")).getAttribute("value"));
            admin.driver.findElement(By.id("enheter")).clear();
            admin.driver.findElement(By.id("enheter")).sendKeys("FS-MED");
            admin.go(By.cssSelector("form[action='/anvandare'] button"));
            admin.page("anvandare-skapad");
            String annasOneTime = shownOnce(admin, "Engångslösenord \\(visas bara nu\\): (\\S+)");
            assertTrue(s.app().users().keys("anna").isEmpty(), "no key nobody asked for");

            signIn(anna, base, "anna", annasOneTime);
            assertTrue(anna.driver.getCurrentUrl().endsWith("/losenord"), "a one-time password must be changed");
            anna.open(base + "/enheter", "anna-enheter-fore");
            assertTrue(anna.driver.getCurrentUrl().endsWith("/losenord"), "nothing else before that");
            choosePassword(anna, annasOneTime, "annas alldeles egna lösenord");
            anna.page("anna-enheter");
            assertEquals("Mina enheter", anna.driver.findElement(By.tagName("h1")).getText());

            // The admin moves anna from FS-MED to FS-KIR: her next page shows the new unit, the old one is closed.
            s.app().periods().create("2022-T2", "2022-09-09");
            anna.open(base + "/enheter", "anna-enheter-med");
            assertTrue(anna.driver.getPageSource().contains("FS-MED"));
            admin.open(base + "/anvandare/anna", "anna");
            assertTrue(admin.driver.getPageSource().contains("Inga nycklar."));
            assertTrue(admin.driver.getPageSource().contains("E-post är inte inställd"));
            assertEquals("FS-MED", admin.driver.findElement(By.id("enheter")).getAttribute("value"));
            admin.driver.findElement(By.id("enheter")).clear();
            admin.driver.findElement(By.id("enheter")).sendKeys("FS-KIR");
            admin.go(By.cssSelector("form[action='/anvandare/anna/roll'] button"));
            admin.page("anna-ny-enhet");
            assertTrue(shownOnce(admin, "(Ändringen är sparad: anna är controller för FS-KIR)").length() > 0);
            anna.open(base + "/enheter", "anna-enheter-kir");
            assertTrue(anna.driver.getPageSource().contains("FS-KIR"));
            assertTrue(!anna.driver.getPageSource().contains("FS-MED"), "the old unit is gone at once");
            anna.driver.get(base + "/enheter/FS-MED/2022-T2");
            assertTrue(anna.driver.findElement(By.tagName("h1")).getText().contains("Du saknar behörighet"));
            assertTrue(s.app().audit().list(s.app().users().require("admin"), new se.tertial.app.AuditService.Query(
                    null, null, null, "user_changed", null, null)).stream().anyMatch(e -> e.detail().orElse("")
                    .contains("FS-MED → controller: FS-KIR")), "audited with before and after");
            admin.driver.findElement(By.id("epost")).sendKeys("anna@region.se");
            admin.go(By.cssSelector("form[action='/anvandare/anna/epost'] button"));
            admin.page("anna-epost");
            assertTrue(shownOnce(admin, "(E-postadressen anna@region.se är sparad.)").length() > 0);
            admin.driver.findElement(By.id("nyckelnamn")).sendKeys("inläsningsskript");
            admin.go(By.cssSelector("form[action='/anvandare/anna/nycklar'] button"));
            admin.page("anna-ny-nyckel");
            String key = shownOnce(admin, "spara den säkert\\): (tt_\\S+)");
            assertEquals(200, s.get("/api/me", key).statusCode());
            admin.go(By.cssSelector("form[action$='/aterkalla'] button"));
            admin.page("anna-nyckel-bekrafta");
            assertEquals(200, s.get("/api/me", key).statusCode(), "nothing happens before the confirmation");
            assertTrue(admin.driver.getPageSource().contains("inläsningsskript"), "the question names the key");
            admin.go(By.cssSelector("form[action$='/aterkalla'] button"));
            admin.page("anna-nyckel-aterkallad");
            assertEquals(401, s.get("/api/me", key).statusCode(), "a revoked key is refused at once");
            assertTrue(shownOnce(admin, "(är återkallad)").length() > 0);

            admin.go(By.cssSelector("form[action='/anvandare/anna/inaktivera'] button"));
            admin.page("anna-inaktivera-bekrafta");
            assertTrue(admin.driver.getPageSource().contains("Vill du inaktivera anna?"));
            anna.open(base + "/enheter", "anna-fortfarande-inloggad");
            assertTrue(anna.driver.getCurrentUrl().endsWith("/enheter"), "still signed in before the confirmation");
            admin.go(By.cssSelector("form[action='/anvandare/anna/inaktivera'] button"));
            admin.page("anna-inaktiverad");
            assertTrue(shownOnce(admin, "(anna är inaktiverad)").length() > 0);
            anna.driver.get(base + "/enheter");
            assertTrue(anna.driver.getCurrentUrl().contains("/logga-in"), "her open session ended");
            assertEquals(List.of(), admin.violations());
            assertEquals(List.of(), anna.violations());
        }
    }
}
