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
            admin.driver.findElement(By.id("enheter")).sendKeys("FS-MED");
            admin.go(By.cssSelector("form[action='/anvandare'] button"));
            admin.page("anvandare-skapad");
            String annasOneTime = shownOnce(admin, "Engångslösenord \\(visas bara nu\\): (\\S+)");

            signIn(anna, base, "anna", annasOneTime);
            assertTrue(anna.driver.getCurrentUrl().endsWith("/losenord"), "a one-time password must be changed");
            anna.open(base + "/enheter", "anna-enheter-fore");
            assertTrue(anna.driver.getCurrentUrl().endsWith("/losenord"), "nothing else before that");
            choosePassword(anna, annasOneTime, "annas alldeles egna lösenord");
            anna.page("anna-enheter");
            assertEquals("Mina enheter", anna.driver.findElement(By.tagName("h1")).getText());

            admin.open(base + "/anvandare/anna", "anna");
            admin.driver.findElement(By.id("nyckelnamn")).sendKeys("inläsningsskript");
            admin.go(By.cssSelector("form[action='/anvandare/anna/nycklar'] button"));
            admin.page("anna-ny-nyckel");
            String key = shownOnce(admin, "spara den säkert\\): (tt_\\S+)");
            assertEquals(200, s.get("/api/me", key).statusCode());
            admin.go(By.cssSelector("form[action$='/aterkalla'] button"));
            admin.page("anna-nyckel-aterkallad");
            assertEquals(401, s.get("/api/me", key).statusCode(), "a revoked key is refused at once");

            admin.go(By.cssSelector("form[action='/anvandare/anna/inaktivera'] button"));
            admin.page("anna-inaktiverad");
            assertTrue(admin.driver.getPageSource().contains("inaktiverad"));
            anna.driver.get(base + "/enheter");
            assertTrue(anna.driver.getCurrentUrl().contains("/logga-in"), "her open session ended");
            assertEquals(List.of(), admin.violations());
            assertEquals(List.of(), anna.violations());
        }
    }
}
