package se.tertial.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestServer;
import se.tertial.testkit.WebSession;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages' defences over real HTTP: sessions, CSRF, throttling, escaping, units, headers, deactivation. */
class WebSecurityTest {
    @TempDir
    Path tmp;

    private static String signIn(TestServer s, WebSession w, String user) {
        String password = "ett långt lösenord för " + user;
        var u = s.app().users().require(user);
        String oneTime = s.app().auth().setOneTimePassword(u);
        HttpResponse<String> r = w.login(user, oneTime);
        assertEquals(303, r.statusCode());
        assertEquals("/losenord", r.headers().firstValue("Location").orElseThrow());
        String csrf = WebSession.csrf(w.get("/losenord"));
        HttpResponse<String> changed = w.post("/losenord", Map.of("_csrf", csrf, "nuvarande", oneTime, "nytt",
                password, "upprepa", password));
        assertEquals(303, changed.statusCode(), changed.body());
        return password;
    }

    @Test
    void theSessionCookieIsHttpOnlyLaxAndRotatedAtEverySignIn() {
        try (TestServer s = new TestServer(tmp)) {
            WebSession w = new WebSession(s);
            String password = signIn(s, w, "controller.fs");
            String first = w.cookie("tertial_session");
            HttpResponse<String> again = w.login("controller.fs", password);
            assertEquals(303, again.statusCode(), again.body());
            String header = again.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("tertial_session=")).findFirst().orElseThrow(() -> new AssertionError(
                            again.headers().map().toString()));
            assertTrue(header.contains("HttpOnly") && header.contains("SameSite=Lax") && header.contains("Path=/"),
                    header);
            assertFalse(header.contains("Secure"), "plain http in the test: no Secure flag");
            assertFalse(first.equals(w.cookie("tertial_session")), "a new session id at sign-in");
            assertEquals(1L, s.count("web_session"), "the browser's old session ended");
        }
    }

    @Test
    void behindHttpsTheSessionCookieIsSecure() throws Exception {
        try (TestServer s = new TestServer(tmp, "https://tertial.region.se")) {
            String oneTime = s.app().auth().setOneTimePassword(s.app().users().require("ekonomi"));
            var client = java.net.http.HttpClient.newHttpClient();
            var form = client.send(java.net.http.HttpRequest.newBuilder(s.uri("/logga-in")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String loginCookie = form.headers().allValues("Set-Cookie").get(0);
            assertTrue(loginCookie.contains("Secure"), loginCookie);
            String token = WebSession.csrf(form);
            String body = "_csrf=" + token + "&namn=ekonomi&losenord=" + java.net.URLEncoder.encode(oneTime,
                    java.nio.charset.StandardCharsets.UTF_8) + "&till=/";
            // The TLS proxy in front forwards plain HTTP; the browser sent its cookie over https.
            var r = client.send(java.net.http.HttpRequest.newBuilder(s.uri("/logga-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "tertial_login=" + token)
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(303, r.statusCode(), r.body());
            String header = r.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("tertial_session=")).findFirst().orElseThrow();
            assertTrue(header.contains("Secure") && header.contains("HttpOnly") && header.contains("SameSite=Lax"),
                    header);
        }
    }

    @Test
    void aPostWithoutOrWithAWrongCsrfTokenIs403WithASwedishMessage() {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            WebSession w = new WebSession(s);
            signIn(s, w, "controller.fs");
            byte[] file = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
            HttpResponse<String> none = w.upload("/inlamning", null, "mall.xlsx", file);
            assertEquals(403, none.statusCode());
            assertTrue(none.body().contains("Formuläret kunde inte tas emot"), none.body());
            assertTrue(none.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertEquals(403, w.upload("/inlamning", "tt_fel", "mall.xlsx", file).statusCode());
            assertEquals(403, w.post("/logga-ut", Map.of()).statusCode());
            assertEquals(0, s.count("upload"), "nothing was read");
            String csrf = WebSession.csrf(w.get("/enheter"));
            HttpResponse<String> noFile = w.post("/inlamning", Map.of("_csrf", csrf));
            assertEquals(400, noFile.statusCode());
            assertTrue(noFile.body().contains("Ingen fil valdes"), noFile.body());
            assertEquals(200, w.upload("/inlamning", csrf, "mall.xlsx", file).statusCode());
            assertEquals(1, s.count("submission"));
            // Without a session: the sign-in form, not the page.
            HttpResponse<String> anonymous = new WebSession(s).get("/enheter");
            assertEquals(303, anonymous.statusCode());
            assertTrue(anonymous.headers().firstValue("Location").orElseThrow().startsWith("/logga-in"));
        }
    }

    @Test
    void failedSignInsAreThrottledWithTheSameAnswerForUnknownUsers() {
        try (TestServer s = new TestServer(tmp)) {
            WebSession w = new WebSession(s);
            HttpResponse<String> unknown = w.login("ingen.alls", "fel lösenord");
            HttpResponse<String> wrong = w.login("controller.fs", "fel lösenord");
            assertEquals(401, unknown.statusCode());
            assertEquals(401, wrong.statusCode());
            assertTrue(unknown.body().contains("Fel användarnamn eller lösenord."));
            assertTrue(wrong.body().contains("Fel användarnamn eller lösenord."));
            for (int i = 0; i < 3; i++) {
                assertEquals(401, w.login("controller.fs", "fel " + i).statusCode());
            }
            HttpResponse<String> throttled = w.login("controller.fs", "fel igen");
            assertEquals(429, throttled.statusCode(), "after five failures each attempt waits");
            assertTrue(throttled.headers().firstValue("Retry-After").isPresent());
            assertTrue(throttled.body().contains("För många förfrågningar"));
        }
    }

    @Test
    void userTextIsShownAsTextAndOtherUnitsStayClosed() {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            WebSession w = new WebSession(s);
            signIn(s, w, "controller.fs");
            String csrf = WebSession.csrf(w.get("/enheter"));
            String evil = "<script>alert(1)</script>\\\"><img src=x onerror=alert(2)>.xlsx";
            byte[] file = FilledTemplate.of("FS-MED", "2022-T2").valid().setText("Resultat", "KOST_LOKAL", "UTFALL",
                    "<script>alert(3)</script>").bytes();
            HttpResponse<String> r = w.upload("/inlamning", csrf, evil, file);
            assertEquals(422, r.statusCode());
            assertFalse(r.body().contains("<script>alert"), "never as markup");
            assertFalse(r.body().contains("<img src=x"), "never as markup");
            assertTrue(r.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;"), r.body());
            assertTrue(r.body().contains("&lt;script&gt;alert(3)&lt;/script&gt;"));
            // Another unit, by URL and by submission id.
            for (String path : List.of("/enheter/FS-PRIV/2022-T2", "/enheter/FS-PRIV/2022-T2/mall.xlsx")) {
                HttpResponse<String> other = w.get(path);
                assertEquals(403, other.statusCode(), path);
                assertTrue(other.body().contains("FS-PRIV") && !other.body().contains("Privata vårdgivare"), path);
            }
            byte[] priv = FilledTemplate.of("FS-PRIV", "2022-T2").valid().bytes();
            s.upload(s.admin, priv);
            long privId = TestServer.json(s.get("/api/submissions?unit=FS-PRIV", s.admin)).get(0).get("id").asLong();
            HttpResponse<String> detail = w.get("/inlamningar/" + privId);
            assertEquals(403, detail.statusCode());
            assertFalse(detail.body().contains("FS-PRIV 2022-T2"));
            assertEquals(403, w.get("/inlamningar/" + privId + "/original").statusCode());
        }
    }

    @Test
    void everyPageCarriesTheSecurityHeadersAndErrorsArePages() {
        try (TestServer s = new TestServer(tmp)) {
            WebSession w = new WebSession(s);
            for (String path : List.of("/logga-in", "/finns-inte")) {
                HttpResponse<String> r = w.get(path);
                String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
                assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'")
                        && !csp.contains("unsafe-inline"), csp);
                assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElseThrow());
                assertEquals("same-origin", r.headers().firstValue("Referrer-Policy").orElseThrow());
            }
            HttpResponse<String> missing = w.get("/finns-inte");
            assertEquals(404, missing.statusCode());
            assertTrue(missing.body().contains("<html lang=\"sv\">") && missing.body().contains("finns inte"),
                    missing.body());
            assertTrue(s.get("/api/finns-inte").headers().firstValue("Content-Type").orElse("").contains("json"),
                    "the API still answers JSON");
            HttpResponse<String> css = w.get("/static/tertial.css");
            assertEquals(200, css.statusCode());
            assertTrue(css.headers().firstValue("Cache-Control").orElse("").contains("max-age"));
            assertTrue(css.headers().firstValue("Content-Type").orElse("").startsWith("text/css"));
            assertTrue(css.body().contains("{"), "the style sheet itself");
            String etag = css.headers().firstValue("ETag").orElseThrow();
            try {
                HttpResponse<String> again = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                        .newBuilder(s.uri("/static/tertial.css")).header("If-None-Match", etag).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(304, again.statusCode(), "unchanged: not sent again");
            } catch (java.io.IOException | InterruptedException e) {
                throw new AssertionError(e);
            }
            assertEquals(200, w.get("/static/tertial.js").statusCode());
            assertEquals(404, w.get("/static/annan.css").statusCode());
            assertEquals(404, w.get("/static/../db/sqlite/V1__periods_submissions_facts.sql").statusCode());
        }
    }

    @Test
    void aDeactivatedUsersSessionAndKeysStopAtOnce() {
        try (TestServer s = new TestServer(tmp)) {
            WebSession w = new WebSession(s);
            signIn(s, w, "controller.fs");
            assertEquals(200, w.get("/enheter").statusCode());
            assertEquals(200, s.get("/api/me", s.controller).statusCode());
            s.app().users().setActive("controller.fs", false);
            assertEquals(303, w.get("/enheter").statusCode(), "signed out");
            assertEquals(401, s.get("/api/me", s.controller).statusCode(), "the key stops too");
            assertEquals(401, w.login("controller.fs", "ett långt lösenord för controller.fs").statusCode());
            s.app().users().setActive("controller.fs", true);
            assertEquals(200, s.get("/api/me", s.controller).statusCode());
        }
    }
}
