package se.tertial.sso;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import se.tertial.testkit.Browser;
import se.tertial.testkit.CertifiedProvider;
import se.tertial.testkit.TestServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in with the region's account in Chromium against a certified provider (npm oidc-provider, issue 27):
 * "Logga in med regionens konto", the provider's own form and consent, back in tertial as a controller of the unit
 * the group names; signing out ends tertial's session and the provider's (the next sign-in asks for the password
 * again); a person whose claims give no role lands on a Swedish refusal without a session. axe on tertial's pages.
 */
class SsoJourneyTest {
    @TempDir
    Path tmp;

    private static void atProvider(Browser b, String login) {
        b.driver.findElement(By.name("login")).sendKeys(login);
        b.driver.findElement(By.name("password")).sendKeys("valfritt");
        b.go(By.cssSelector("button[type=submit]"));
        // consent: "Continue"
        b.go(By.cssSelector("button[type=submit]"));
    }

    @Test
    void aControllerSignsInWithTheRegionsAccountAndOutOfBoth() throws Exception {
        int port = TestServer.freePort();
        String base = "http://127.0.0.1:" + port;
        try (CertifiedProvider idp = new CertifiedProvider(base);
             TestServer s = TestServer.withSso(tmp.resolve("data"), idp.config(), port);
             Browser b = new Browser(Files.createDirectories(tmp.resolve("dl")), "sso")) {
            s.createPeriod("2022-T2");
            b.open(base + "/logga-in", "logga-in");
            assertEquals("Logga in med regionens konto", b.driver.findElement(By.id("logga-in-sso")).getText());
            b.go(By.id("logga-in-sso"));
            assertTrue(b.driver.getCurrentUrl().startsWith(idp.issuer()), b.driver.getCurrentUrl());
            atProvider(b, "anna");
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().startsWith(base + "/enheter"));
            b.page("mina-enheter");
            assertTrue(b.driver.getPageSource().contains("anna@region.test"), "signed in as anna");
            assertTrue(b.driver.getPageSource().contains("Medicinsk vård"), "the unit her group names");
            assertFalse(b.driver.getPageSource().contains("Kirurgisk vård"));
            var anna = s.app().users().require("anna@region.test");
            assertEquals("controller", anna.role().dbValue());
            assertEquals(List.of("FS-MED"), anna.units().stream().map(u -> u.value()).toList());

            b.go(By.cssSelector("form[action='/logga-ut'] button"));
            assertTrue(b.driver.getCurrentUrl().startsWith(idp.issuer()), "on to the provider's sign-out");
            b.go(By.cssSelector("button[type=submit][value=yes], button[name=logout]"));
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().startsWith(base + "/logga-in"));
            b.page("utloggad");
            b.driver.get(base + "/enheter");
            assertTrue(b.driver.getCurrentUrl().startsWith(base + "/logga-in"), "tertial's session has ended");
            b.go(By.id("logga-in-sso"));
            assertFalse(b.driver.findElements(By.name("login")).isEmpty(), "the provider asks again: its session ended");

            atProvider(b, "gustav");
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver, Duration.ofSeconds(15))
                    .until(d -> d.getCurrentUrl().startsWith(base + "/logga-in/oidc"));
            b.page("ingen-roll");
            assertTrue(b.driver.findElement(By.id("fel")).getText().contains("har ingen roll i tertial"));
            b.driver.get(base + "/enheter");
            assertTrue(b.driver.getCurrentUrl().startsWith(base + "/logga-in"), "no session for gustav");
            assertEquals(List.of(), b.violations());
        }
    }
}
