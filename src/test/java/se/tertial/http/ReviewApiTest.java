package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestServer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review round over HTTP (issue 11): approve, return with a message, upload after return, approve, an upload
 * after approval refused, reopen, upload accepted; a controller may not decide and never sees another unit's
 * thread; a stale version and a locked period are refused.
 */
class ReviewApiTest {
    @TempDir
    Path tmp;

    private static final String BASE = "/api/periods/2022-T2/units/FS-MED/";

    /** A refusal for a unit one may not address says only that: not that its report is approved, nor locked. */
    @Test
    void anotherUnitsFileIsRefusedWithoutItsReviewState() {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.createPeriod("2022-T2");
            String other = s.app().users().add("controller.rs", "controller", List.of("RS-IT")).token();
            assertEquals(201, s.upload(s.controller, valid("80000").bytes()).statusCode());
            assertEquals(200, s.post(BASE + "approve", "{\"version\":1}", s.finance).statusCode());

            HttpResponse<byte[]> refused = s.upload(other, valid("80000").bytes());
            assertEquals(403, refused.statusCode(), body(refused));
            String text = body(refused);
            assertTrue(text.contains("unit_not_allowed") && text.contains("behörighet"), text);
            assertFalse(text.contains("godkänd") || text.contains("review_approved"), text);

            s.post("/api/periods/2022-T2/lock", "", s.finance);
            String locked = body(s.upload(other, valid("80000").bytes()));
            assertFalse(locked.contains("låst") || locked.contains("period_locked"), locked);
        }
    }

    @Test
    void aWholeRoundForOneUnit() {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.createPeriod("2022-T2");
            String other = s.app().users().add("controller.rs", "controller", List.of("RS-IT")).token();

            HttpResponse<byte[]> v1 = s.upload(s.controller, valid("80000").bytes(), "Första versionen.");
            assertEquals(201, v1.statusCode(), body(v1));
            JsonNode review = json(s.get(BASE + "review", s.controller));
            assertEquals("inlamnad", review.get("state").asText());
            assertEquals("inlämnad", review.get("label").asText());
            assertEquals("Första versionen.", review.get("thread").get(0).get("message").asText());

            // A controller does not decide, not even on their own unit.
            assertEquals(403, s.post(BASE + "approve", "{\"version\":1}", s.controller).statusCode());
            // Returning needs a message and the version read.
            HttpResponse<byte[]> noMessage = s.post(BASE + "return", "{\"version\":1}", s.finance);
            assertEquals(400, noMessage.statusCode());
            assertTrue(body(noMessage).contains("meddelande"), body(noMessage));
            assertEquals(400, s.post(BASE + "approve", "{}", s.finance).statusCode(), "version required");
            HttpResponse<byte[]> returned = s.post(BASE + "return",
                    "{\"version\":1,\"message\":\"Förklara lönekostnaderna.\"}", s.finance);
            assertEquals(200, returned.statusCode(), body(returned));
            assertEquals("atersand", json(returned).get("state").asText());
            assertEquals(409, s.post(BASE + "approve", "{\"version\":1}", s.finance).statusCode(),
                    "a returned report waits for a new version");

            HttpResponse<byte[]> v2 = s.upload(s.controller, valid("80500").bytes(), "Rättat: inhyrd personal.");
            assertEquals(201, v2.statusCode(), body(v2));
            assertEquals(2, json(v2).get("version").asInt());
            assertEquals("inlamnad", json(s.get(BASE + "review", s.finance)).get("state").asText());

            HttpResponse<byte[]> stale = s.post(BASE + "approve", "{\"version\":1}", s.finance);
            assertEquals(409, stale.statusCode());
            assertTrue(body(stale).contains("version 2"), body(stale));
            HttpResponse<byte[]> approved = s.post(BASE + "approve", "{\"version\":2,\"message\":\"Tack!\"}",
                    s.finance);
            assertEquals(200, approved.statusCode(), body(approved));
            assertEquals("godkand", json(approved).get("state").asText());
            assertEquals(2, json(approved).get("version").asInt());

            String factsApproved = s.currentFacts("FS-MED", "2022-T2");
            HttpResponse<byte[]> refused = s.upload(s.controller, valid("81000").bytes());
            assertEquals(422, refused.statusCode(), body(refused));
            JsonNode error = json(refused).get("errors").get(0);
            assertEquals("review_approved", error.get("rule").asText());
            assertTrue(error.get("message").asText().contains("godkänd"), error.toString());
            assertEquals(factsApproved, s.currentFacts("FS-MED", "2022-T2"), "the approved version stays");
            assertEquals("godkand", json(s.get(BASE + "review", s.finance)).get("state").asText());

            assertEquals(409, s.post(BASE + "approve", "{\"version\":2}", s.finance).statusCode(), "twice");
            HttpResponse<byte[]> reopened = s.post(BASE + "reopen", "{\"message\":\"Ny prognos behövs.\"}", s.finance);
            assertEquals(200, reopened.statusCode(), body(reopened));
            assertEquals("ateroppnad", json(reopened).get("state").asText());
            HttpResponse<byte[]> v3 = s.upload(s.controller, valid("81000").bytes());
            assertEquals(201, v3.statusCode(), body(v3));
            assertEquals(3, json(v3).get("version").asInt());

            JsonNode thread = json(s.get(BASE + "review", s.controller)).get("thread");
            List<String> actions = new ArrayList<>();
            thread.forEach(m -> actions.add(m.get("action").asText() + " v" + m.get("version").asInt()));
            assertEquals(List.of("submitted v1", "returned v1", "submitted v2", "approved v2", "reopened v2",
                    "submitted v3"), actions);
            assertEquals("Förklara lönekostnaderna.", thread.get(1).get("message").asText());
            assertEquals("ekonomi", thread.get(1).get("author").asText());
            assertEquals("Rättat: inhyrd personal.", thread.get(2).get("message").asText());

            // Another unit's controller sees neither the thread nor the unit on the status board.
            assertEquals(403, s.get(BASE + "review", other).statusCode());
            JsonNode board = json(s.get("/api/periods/2022-T2/status", other));
            assertEquals(1, board.size());
            assertEquals("RS-IT", board.get(0).get("unit").asText());
            assertEquals("saknas", board.get(0).get("review").asText());
            JsonNode fsMed = null;
            for (JsonNode u : json(s.get("/api/periods/2022-T2/status", s.finance))) {
                if (u.get("unit").asText().equals("FS-MED")) {
                    fsMed = u;
                }
            }
            assertEquals("inlamnad", fsMed.get("review").asText());
            assertEquals(6, fsMed.get("thread").size());

            // A locked period freezes the round.
            assertEquals(200, s.post("/api/periods/2022-T2/lock", "", s.finance).statusCode());
            HttpResponse<byte[]> locked = s.post(BASE + "approve", "{\"version\":3}", s.finance);
            assertEquals(409, locked.statusCode());
            assertTrue(body(locked).contains("låst"), body(locked));
        }
    }

    @Test
    void nothingToDecideBeforeAnUploadAndUnknownUnitsAreNotFound() {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.createPeriod("2022-T2");
            HttpResponse<byte[]> r = s.post(BASE + "approve", "{\"version\":1}", s.finance);
            assertEquals(409, r.statusCode(), body(r));
            assertTrue(body(r).contains("inte lämnat"), body(r));
            assertEquals("saknas", json(s.get(BASE + "review", s.finance)).get("state").asText());
            assertEquals(404, s.post("/api/periods/2022-T2/units/XX-NONE/approve", "{\"version\":1}", s.finance)
                    .statusCode());
            assertEquals(404, s.post("/api/periods/2030-T2/units/FS-MED/approve", "{\"version\":1}", s.finance)
                    .statusCode());
        }
    }

    private static FilledTemplate valid(String lon) {
        return FilledTemplate.of("FS-MED", "2022-T2").valid().set("Resultat", "KOST_LON", "UTFALL", "-" + lon);
    }

    private static JsonNode json(HttpResponse<byte[]> r) {
        return TestServer.json(r);
    }

    private static String body(HttpResponse<byte[]> r) {
        return new String(r.body(), StandardCharsets.UTF_8);
    }
}
