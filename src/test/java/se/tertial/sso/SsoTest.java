package se.tertial.sso;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.AuditService;
import se.tertial.testkit.FakeProvider;
import se.tertial.testkit.TestServer;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in with the region's account against a provider the test controls (issue 27): the whole code flow with
 * PKCE through tertial's pages, the role and units from the claims, a user made, linked or refreshed; and every way
 * it must fail — another issuer or audience, an expired token, a token signed by a key the provider does not
 * publish, another nonce, a replayed or missing state, a code from another sign-in, no role, a deactivated user, too
 * many groups, a provider that is down — each a Swedish page, an audit event and no session. Two instances share
 * the sign-ins under way and the sessions.
 */
class SsoTest {
    @TempDir
    Path tmp;

    /** A browser without script: cookies kept per host, redirects followed by hand (the proxy tertial.test → one instance). */
    static final class Visitor {
        final HttpClient client;
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        TestServer via;

        Visitor(TestServer via) {
            this.via = via;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        /** The instance's address for a tertial.test address; anything else as it is. */
        URI route(String url) {
            URI u = URI.create(url.startsWith("/") ? "http://tertial.test" + url : url);
            if ("tertial.test".equals(u.getHost())) {
                return URI.create(via.uri("").toString().replaceAll("/$", "") + u.getRawPath()
                        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
            }
            return u;
        }

        HttpResponse<String> get(String url) throws Exception {
            return client.send(HttpRequest.newBuilder(route(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** Follows redirects from a start, at most ten, switching instances when asked. */
        HttpResponse<String> follow(String url) throws Exception {
            HttpResponse<String> r = get(url);
            for (int i = 0; i < 10 && r.statusCode() / 100 == 3; i++) {
                r = get(r.headers().firstValue("Location").orElseThrow());
            }
            return r;
        }
    }

    static HttpResponse<String> signIn(Visitor v) throws Exception {
        return v.follow("/logga-in/oidc/start?till=%2Fenheter");
    }

    static long audited(TestServer s, String kind) {
        return s.app().audit().list(s.app().users().require("admin"), new AuditService.Query(null, null, null, kind,
                null, null)).size();
    }

    @Test
    void aPersonSignsInWithTheRoleAndUnitsTheirClaimsGive() throws Exception {
        try (FakeProvider idp = new FakeProvider();
             TestServer s = TestServer.withSso(tmp.resolve("data"), idp.config("all"), true)) {
            idp.subject = "anna-sub";
            idp.claims = Map.of("preferred_username", "anna.andersson@region.test", "name", "Anna Andersson",
                    "email", "anna.andersson@region.test", "email_verified", true,
                    "roles", List.of("Controller"), "groups", List.of("tertial-enhet-FS-MED", "annat", "tertial-enhet-XX"));
            Visitor v = new Visitor(s);
            HttpResponse<String> login = v.get("/logga-in");
            assertTrue(login.body().contains("Logga in med regionens konto"), login.body());
            HttpResponse<String> page = signIn(v);
            assertEquals(200, page.statusCode(), page.body());
            assertTrue(page.body().contains("Inloggad som") && page.body().contains("anna.andersson@region.test"),
                    page.body());
            var user = s.app().users().require("anna.andersson@region.test");
            assertEquals("controller", user.role().dbValue());
            assertEquals(List.of("FS-MED"), user.units().stream().map(u -> u.value()).toList(),
                    "a group naming an unknown unit gives nothing");
            assertTrue(user.sso().subject().orElseThrow().endsWith("|anna-sub"));
            assertEquals("Anna Andersson", user.sso().displayName().orElseThrow());
            assertEquals("anna.andersson@region.test", user.email().orElseThrow());
            assertTrue(page.body().contains("Anna Andersson, anna.andersson@region.test"), "her name from the claims");
            assertEquals(1, audited(s, "sign_in"));
            assertEquals(1, audited(s, "user_created"));

            // A changed claim at the next sign-in changes the role, and the audit says so.
            idp.claims = Map.of("preferred_username", "anna.andersson@region.test", "roles", List.of("finance"));
            Visitor again = new Visitor(s);
            assertEquals(200, signIn(again).statusCode());
            assertEquals("finance", s.app().users().require("anna.andersson@region.test").role().dbValue());
            assertTrue(s.app().audit().list(s.app().users().require("admin"), new AuditService.Query(null, null,
                    null, "user_changed", null, null)).get(0).detail().orElseThrow().contains("ekonomi"));
            assertEquals(1, s.app().users().list().stream().filter(u -> u.name().startsWith("anna")).count(),
                    "the same person, found by their subject");
        }
    }

    @Test
    void everyWayATokenOrAStateCanBeWrongIsRefusedWithoutASession() throws Exception {
        try (FakeProvider idp = new FakeProvider();
             TestServer s = TestServer.withSso(tmp.resolve("data"), idp.config("all"), true)) {
            idp.claims = Map.of("preferred_username", "bertil@region.test", "roles", List.of("finance"));
            record Case(String name, Runnable wrong, String words) {}
            List<Case> cases = List.of(
                    new Case("issuer", () -> idp.issuerOverride = "https://annan.example", "giltigt intyg"),
                    new Case("audience", () -> idp.audienceOverride = "nagon-annan", "giltigt intyg"),
                    new Case("expired", () -> idp.expired = true, "giltigt intyg"),
                    new Case("other key", () -> idp.signWithOtherKey = true, "giltigt intyg"),
                    new Case("nonce", () -> idp.nonceOverride = "fel-nonce", "giltigt intyg"));
            long refusals = 0;
            for (Case c : cases) {
                idp.issuerOverride = null;
                idp.audienceOverride = null;
                idp.expired = false;
                idp.signWithOtherKey = false;
                idp.nonceOverride = null;
                c.wrong().run();
                Visitor v = new Visitor(s);
                HttpResponse<String> r = signIn(v);
                assertEquals(403, r.statusCode(), c.name());
                assertTrue(r.body().contains(c.words()), c.name() + ": " + r.body());
                assertTrue(v.get("/enheter").statusCode() / 100 == 3, c.name() + ": no session");
                assertEquals(++refusals, audited(s, "sign_in_failed"), c.name());
            }
            idp.nonceOverride = null;
            assertFalse(s.app().users().list().stream().anyMatch(u -> u.name().startsWith("bertil")));

            // The state: replayed, missing, or from another browser.
            Visitor v = new Visitor(s);
            HttpResponse<String> start = v.get("/logga-in/oidc/start");
            HttpResponse<String> atProvider = v.get(start.headers().firstValue("Location").orElseThrow());
            String callback = atProvider.headers().firstValue("Location").orElseThrow();
            Visitor stranger = new Visitor(s);
            HttpResponse<String> foreign = stranger.follow(callback);
            assertEquals(400, foreign.statusCode(), "another browser's sign-in");
            assertEquals(200, v.follow(callback).statusCode(), "the browser that began it still can");
            HttpResponse<String> replay = v.follow(callback);
            assertEquals(400, replay.statusCode(), "taken once: " + replay.body());
            assertTrue(replay.body().contains("Börja om"), replay.body());
            v = new Visitor(s);
            assertEquals(400, v.follow("/logga-in/oidc?code=abc").statusCode(), "no state");
            // hostile input to the callback: each a 4xx in bounded time
            for (String q : List.of("state=" + "x".repeat(5000) + "&code=y", "code=" + "c".repeat(5000) + "&state=s",
                    "error=%0D%0Ainjected&state=s", "state=%E2%80%AE&code=%00")) {
                long t0 = System.nanoTime();
                int status = v.follow("/logga-in/oidc?" + q).statusCode();
                assertTrue(status >= 400 && status < 500, q.substring(0, 20) + " → " + status);
                assertTrue((System.nanoTime() - t0) / 1e9 < 5);
            }

            // A code from another sign-in (its PKCE verifier does not match): the provider refuses it.
            Visitor w = new Visitor(s);
            HttpResponse<String> first = w.get("/logga-in/oidc/start");
            String firstCallback = w.get(first.headers().firstValue("Location").orElseThrow()).headers()
                    .firstValue("Location").orElseThrow();
            HttpResponse<String> second = w.get("/logga-in/oidc/start");
            String secondCallback = w.get(second.headers().firstValue("Location").orElseThrow()).headers()
                    .firstValue("Location").orElseThrow();
            String code = firstCallback.replaceAll(".*code=([^&]+).*", "$1");
            String otherState = secondCallback.replaceAll(".*state=([^&]+).*", "$1");
            HttpResponse<String> mixed = w.follow("/logga-in/oidc?code=" + code + "&state=" + otherState);
            assertEquals(403, mixed.statusCode(), mixed.body());
            assertTrue(mixed.body().contains("redan använts eller gått ut"), mixed.body());

            // The provider down when the browser comes back: refused within seconds, no thread stuck.
            Visitor late = new Visitor(s);
            String lateCallback = late.get(late.get("/logga-in/oidc/start").headers().firstValue("Location")
                    .orElseThrow()).headers().firstValue("Location").orElseThrow();
            idp.close();
            long t0 = System.nanoTime();
            HttpResponse<String> down = late.follow(lateCallback);
            assertEquals(502, down.statusCode(), down.body());
            assertTrue(down.body().contains("svarar inte just nu"), down.body());
            assertTrue((System.nanoTime() - t0) / 1e9 < 15, "answered within seconds");
            assertTrue(late.get("/enheter").statusCode() / 100 == 3, "no session from any of it");
        }
    }

    @Test
    void noRoleTooManyGroupsOrDeactivatedStaysOut() throws Exception {
        try (FakeProvider idp = new FakeProvider();
             TestServer s = TestServer.withSso(tmp.resolve("data"), idp.config("all"), true)) {
            idp.claims = Map.of("preferred_username", "cecilia@region.test", "roles", List.of("gast"));
            HttpResponse<String> none = signIn(new Visitor(s));
            assertEquals(403, none.statusCode());
            assertTrue(none.body().contains("har ingen roll i tertial"), none.body());
            idp.claims = Map.of("preferred_username", "cecilia@region.test", "roles", List.of("controller"),
                    "_claim_names", Map.of("groups", "src1"));
            HttpResponse<String> overage = signIn(new Visitor(s));
            assertEquals(403, overage.statusCode());
            assertTrue(overage.body().contains("fler grupper"), overage.body());
            assertEquals(2, audited(s, "sign_in_failed"));
            // linked by the administrator's expected sign-in name, then deactivated in tertial
            s.app().users().add("cecilia", "controller", List.of("FS-KIR"));
            new se.tertial.store.SsoRepository(s.app().database()).setLogin(s.app().users().require("cecilia"),
                    "Cecilia@Region.test");
            idp.claims = Map.of("preferred_username", "cecilia@region.test", "roles", List.of("controller"),
                    "groups", List.of("tertial-enhet-FS-MED"));
            assertEquals(200, signIn(new Visitor(s)).statusCode());
            var cecilia = s.app().users().require("cecilia");
            assertEquals(java.util.Set.of("FS-KIR", "FS-MED"), cecilia.units().stream().map(u -> u.value())
                    .collect(java.util.stream.Collectors.toSet()), "the administrator's unit and the group's");
            s.app().users().setActive(se.tertial.app.Actor.cli(s.app().users().require("admin")), "cecilia", false);
            HttpResponse<String> out = signIn(new Visitor(s));
            assertEquals(403, out.statusCode());
            assertTrue(out.body().contains("inaktiverat"), out.body());
        }
    }

    @Test
    void passwordsOnlyForTheAdministratorWhenTheRegionSaysSo() throws Exception {
        try (FakeProvider idp = new FakeProvider();
             TestServer s = TestServer.withSso(tmp.resolve("data"), idp.config("admin-only"), true)) {
            se.tertial.testkit.WebSession w = new se.tertial.testkit.WebSession(s);
            String oneTime = s.app().auth().setOneTimePassword(s.app().users().require("ekonomi"));
            var refused = w.login("ekonomi", oneTime);
            assertEquals(401, refused.statusCode());
            assertTrue(refused.body().contains("bara av administratören"), refused.body());
            String adminOnce = s.app().auth().setOneTimePassword(s.app().users().require("admin"));
            assertEquals(303, new se.tertial.testkit.WebSession(s).login("admin", adminOnce).statusCode());
        }
    }

    @Test
    void aSignInBegunAtOneInstanceEndsAtTheOtherAndItsSessionWorksAtBoth() throws Exception {
        Path data = tmp.resolve("data");
        try (FakeProvider idp = new FakeProvider();
             TestServer a = TestServer.withSso(data, idp.config("all"), true);
             TestServer b = TestServer.withSso(data, idp.config("all"), false)) {
            idp.claims = Map.of("preferred_username", "david@region.test", "roles", List.of("finance"));
            Visitor v = new Visitor(a);
            HttpResponse<String> start = v.get("/logga-in/oidc/start");
            String callback = v.get(start.headers().firstValue("Location").orElseThrow()).headers()
                    .firstValue("Location").orElseThrow();
            v.via = b;
            HttpResponse<String> landed = v.follow(callback);
            assertEquals(200, landed.statusCode(), landed.body());
            // the cookie is the browser's for tertial.test; both instances know the session
            v.via = a;
            assertEquals(200, v.get("/perioder").statusCode());
            v.via = b;
            assertEquals(200, v.get("/perioder").statusCode());
        }
    }
}
