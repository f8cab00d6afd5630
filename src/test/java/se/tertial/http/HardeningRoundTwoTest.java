package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestServer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 28's smaller findings over HTTP: JSON is read strictly (no text or number where a boolean or a whole number
 * belongs; the refusal names the field and shows the route's own body), user names are unique without regard to
 * case, direction controls are taken out of messages and file names, and the feed refuses a query too long or too
 * deep before any parser runs.
 */
class HardeningRoundTwoTest {
    @TempDir
    Path tmp;

    private static String message(HttpResponse<byte[]> r) {
        return TestServer.json(r).get("message").asText();
    }

    @Test
    void jsonIsReadStrictlyAndTheRefusalNamesTheFieldAndTheBody() {
        try (TestServer s = new TestServer(tmp)) {
            for (String body : new String[] {"{\"active\":\"false\"}", "{\"active\":0}"}) {
                HttpResponse<byte[]> r = s.patch("/api/users/controller.fs", body, s.admin);
                assertEquals(400, r.statusCode(), body);
                assertTrue(message(r).contains("\"active\"") && message(r).contains("notifySubmissions"),
                        message(r));
            }
            assertTrue(s.app().users().require("controller.fs").active(), "nothing changed");
            s.createPeriod("2022-T2");
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes())
                    .statusCode());
            HttpResponse<byte[]> approve = s.post("/api/periods/2022-T2/units/FS-MED/approve", "{\"version\":\"1\"}");
            assertEquals(400, approve.statusCode());
            assertTrue(message(approve).contains("\"version\"") && message(approve).contains("\"version\": 3"),
                    message(approve));
            assertEquals(0, s.app().reviews().approvedUnits(se.tertial.spec.PeriodCode.parse("2022-T2")).size());
            HttpResponse<byte[]> deadline = s.post("/api/periods/2022-T2/deadline", "inte json");
            assertEquals(400, deadline.statusCode());
            assertTrue(message(deadline).contains("{\"deadline\": \"2022-09-16\"}"), message(deadline));
            assertEquals(400, s.post("/api/users", "{\"name\":7,\"role\":\"finance\"}", s.admin).statusCode());
        }
    }

    @Test
    void userNamesAreUniqueWithoutRegardToCase() {
        try (TestServer s = new TestServer(tmp)) {
            HttpResponse<byte[]> r = s.post("/api/users", "{\"name\":\"ADMIN\",\"role\":\"finance\"}", s.admin);
            assertEquals(409, r.statusCode());
            assertEquals(409, s.post("/api/users", "{\"name\":\"Ekonomi\",\"role\":\"finance\"}", s.admin)
                    .statusCode());
            assertFalse(s.app().users().list().stream().anyMatch(u -> u.name().equals("ADMIN")));
        }
    }

    @Test
    void directionControlsAreTakenOutOfMessagesAndFileNames() {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            byte[] file = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
            HttpResponse<byte[]> r = s.upload(s.controller, file, "Se rad\u202E 12\u2066 nedan");
            assertEquals(201, r.statusCode());
            String thread = new String(s.get("/api/periods/2022-T2/units/FS-MED/review", s.finance).body(),
                    StandardCharsets.UTF_8);
            assertTrue(thread.contains("Se rad 12 nedan"), thread);
            HttpResponse<byte[]> named = s.upload("/api/submissions", s.controller, "rapport\u202Exslx.exe.xlsx",
                    FilledTemplate.of("FS-MED", "2022-T2").valid().set("Resultat", "INT_OVRIGA", "UTFALL", "1").bytes());
            assertTrue(named.statusCode() < 300, new String(named.body(), StandardCharsets.UTF_8));
            JsonNode list = TestServer.json(s.get("/api/submissions?period=2022-T2&unit=FS-MED", s.finance));
            String names = list.toString();
            assertFalse(names.contains("\\u202e") || names.contains("\u202E"), names);
            assertTrue(names.contains("rapportxslx.exe.xlsx"), names);
        }
    }

    @Test
    void theFeedRefusesAQueryTooLongOrTooDeepInBoundedTime() {
        try (TestServer s = new TestServer(tmp)) {
            String deep = "(".repeat(2000) + "Ar eq 2022" + ")".repeat(2000);
            String[] queries = {"$filter=" + deep, "$filter=" + "Ar%20eq%202022%20or%20".repeat(400) + "Ar%20eq%201",
                    "$top=99999999999999999999", "$filter=Okand%20eq%201", "$filter=Ar%20eq", "$orderby=%28%28"};
            for (String q : queries) {
                long t0 = System.nanoTime();
                int status = se.tertial.feed.FeedTestAccess.get(s, "/odata/Fakta?" + q.replace("(", "%28")
                        .replace(")", "%29").replace(" ", "%20"), s.finance).statusCode();
                assertTrue(status >= 400 && status < 500, q.substring(0, Math.min(40, q.length())) + " → " + status);
                assertTrue((System.nanoTime() - t0) / 1e9 < 5, "bounded time");
            }
        }
    }
}
