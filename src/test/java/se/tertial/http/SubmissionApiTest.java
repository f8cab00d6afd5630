package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.ReceivedFile;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestServer;
import se.tertial.workbook.WorkbookFormat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uploads over real HTTP into a real SQLite file: acceptance, stored facts, versions, idempotency, status. */
class SubmissionApiTest {
    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(tmp);
        server.createPeriod("2022-T2");
    }

    @AfterEach
    void stop() {
        assertEquals(0, server.app().database().activeConnections(), "a connection was left open");
        server.close();
    }

    @Test
    void acceptsAValidUploadAndStoresItsFactsCommentsAndOriginal() {
        byte[] bytes = FilledTemplate.of("FS-MED", "2022-T2").valid()
                .setText("Resultat", "KOST_LON", "KOMMENTAR", "Lönerevision i april.").bytes();
        HttpResponse<byte[]> r = server.upload(server.controller, bytes);
        assertEquals(201, r.statusCode(), new String(r.body()));
        JsonNode body = TestServer.json(r);
        assertEquals("accepted", body.get("status").asText());
        assertEquals("FS-MED", body.get("unit").asText());
        assertEquals("2022-T2", body.get("period").asText());
        assertEquals(1, body.get("version").asInt());
        assertEquals(0, body.get("warnings").size());
        long id = body.get("id").asLong();

        assertEquals(-80_000_500L, fact("FS-MED", "KOST_LON", "UTFALL"));
        assertEquals(-77_000_500L, fact("FS-MED", "SUM_VNK", "UTFALL"));
        assertEquals(-200_500L, fact("FS-MED", "SUM_VNK", "AVV_PERIOD"));
        assertEquals("Lönerevision i april.", server.app().database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT text FROM line_comment WHERE line = 'KOST_LON'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }));
        JsonNode detail = TestServer.json(server.get("/api/submissions/" + id, server.controller));
        assertEquals(ReceivedFile.sha256(bytes), detail.get("sha256").asText());
        assertEquals(bytes.length, detail.get("size").asLong());
        assertEquals("controller.fs", detail.get("uploadedBy").asText());
        assertEquals("ifylld mall.xlsx", detail.get("fileName").asText());
        assertTrue(detail.get("current").asBoolean());
        assertArrayEquals(bytes, server.get("/api/submissions/" + id + "/original").body());
    }

    @Test
    void aByteIdenticalReUploadCreatesNoNewVersionAndSaysSo() {
        byte[] bytes = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
        assertEquals(201, server.upload(server.controller, bytes).statusCode());
        HttpResponse<byte[]> again = server.upload(server.controller, bytes);
        assertEquals(200, again.statusCode());
        JsonNode body = TestServer.json(again);
        assertEquals("unchanged", body.get("status").asText());
        assertTrue(body.get("unchanged").asBoolean());
        assertEquals(1, body.get("version").asInt());
        assertEquals(1, server.count("submission"));
        assertEquals(2, server.count("upload"), "both attempts are recorded");
    }

    @Test
    void anotherAcceptedUploadBecomesTheCurrentVersionAndTheEarlierOneStays() {
        byte[] first = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
        byte[] second = FilledTemplate.of("FS-MED", "2022-T2").valid().set("Resultat", "KOST_LON", "UTFALL", "-80100")
                .bytes();
        long id1 = TestServer.json(server.upload(server.controller, first)).get("id").asLong();
        JsonNode v2 = TestServer.json(server.upload(server.controller, second));
        assertEquals(2, v2.get("version").asInt());
        assertEquals(-80_100_000L, fact("FS-MED", "KOST_LON", "UTFALL"), "current version's fact");
        JsonNode list = TestServer.json(server.get("/api/submissions?period=2022-T2&unit=FS-MED"));
        assertEquals(2, list.size());
        assertEquals(2, list.get(0).get("version").asInt());
        assertTrue(list.get(0).get("current").asBoolean());
        assertEquals(1, list.get(1).get("version").asInt());
        assertFalse(list.get(1).get("current").asBoolean());
        assertArrayEquals(first, server.get("/api/submissions/" + id1 + "/original").body());
        assertEquals(2 * factsPerVersion(), server.count("fact"), "the earlier version's facts stay");
        // Re-uploading the first file makes it current again, as version 3.
        assertEquals(3, TestServer.json(server.upload(server.controller, first)).get("version").asInt());
    }

    @Test
    void aRejectedUploadIsRecordedButChangesNothingStored() {
        assertEquals(201, server.upload(server.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes())
                .statusCode());
        HttpResponse<byte[]> r = server.upload(server.controller, FilledTemplate.of("FS-MED", "2022-T2").valid()
                .setText("Resultat", "KOST_LON", "UTFALL", "okänt").bytes());
        assertEquals(422, r.statusCode());
        JsonNode body = TestServer.json(r);
        assertEquals("rejected", body.get("status").asText());
        JsonNode error = body.get("errors").get(0);
        assertEquals("Resultat", error.get("sheet").asText());
        assertEquals("C9", error.get("cell").asText());
        assertEquals("KOST_LON", error.get("line").asText());
        assertEquals("UTFALL", error.get("column").asText());
        assertEquals("not_a_number", error.get("rule").asText());
        assertEquals("error", error.get("severity").asText());
        assertTrue(error.get("message").asText().startsWith("Blad Resultat, cell C9"));
        assertEquals(-80_000_500L, fact("FS-MED", "KOST_LON", "UTFALL"), "version 1 is still current");
        assertEquals(1, server.count("submission"));
        JsonNode detail = TestServer.json(server.get("/api/submissions/" + body.get("id").asLong()));
        assertEquals("rejected", detail.get("status").asText());
        assertEquals("not_a_number", detail.get("errors").get(0).get("rule").asText());
    }

    @Test
    void statusShowsEveryUnitsLatestAttemptAndCurrentVersion() {
        server.upload(server.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes());
        server.upload(server.controller, FilledTemplate.of("FS-KIR", "2022-T2").valid()
                .setText("Resultat", "AVSKR", "UTFALL", "x").bytes());
        server.upload(server.controller, FilledTemplate.of("FS-PRIV", "2022-T2").valid().bytes()); // forbidden
        JsonNode status = TestServer.json(server.get("/api/periods/2022-T2/status"));
        assertEquals(20, status.size());
        assertEquals("FS-PRIV", status.get(0).get("unit").asText());
        assertEquals("missing", status.get(0).get("status").asText(), "another unit's forbidden try does not count");
        JsonNode med = find(status, "FS-MED");
        assertEquals("accepted", med.get("status").asText());
        assertEquals(1, med.get("currentVersion").asInt());
        assertEquals("controller.fs", med.get("uploadedBy").asText());
        assertFalse(med.get("uploadedAt").isNull());
        assertEquals("rejected", find(status, "FS-KIR").get("status").asText());
        assertTrue(find(status, "FS-KIR").get("currentVersion").isNull());
        JsonNode mine = TestServer.json(server.get("/api/periods/2022-T2/status", server.controller));
        assertEquals(2, mine.size(), "a controller sees their own units");
    }

    @Test
    void acceptsTheLegacyXlsFormat() {
        HttpResponse<byte[]> r = server.upload("/api/submissions", server.admin, "rso.xls",
                FilledTemplate.of("RSO-FINANS", "2022-T2", WorkbookFormat.XLS).valid().bytes());
        assertEquals(201, r.statusCode(), new String(r.body()));
        assertEquals(6_500_000_250L, fact("RSO-FINANS", "SUM_TILLG", "UB"));
    }

    @Test
    void tenConcurrentUploadsForDifferentUnitsAreAllStored() throws Exception {
        List<String> units = List.of("FS-PRIV", "FS-BRALIV", "FS-FTV", "FS-MED", "FS-KIR", "FS-PRD", "FS-CENTRAL",
                "ANA-UK", "TIM-LT", "RF");
        List<byte[]> files = units.stream().map(u -> FilledTemplate.of(u, "2022-T2").valid().bytes()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<HttpResponse<byte[]>>> results = new ArrayList<>();
            for (byte[] f : files) {
                results.add(pool.submit(() -> server.upload(server.admin, f)));
            }
            for (Future<HttpResponse<byte[]>> f : results) {
                HttpResponse<byte[]> r = f.get();
                assertEquals(201, r.statusCode(), new String(r.body()));
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(10, server.count("submission"));
        assertEquals(10 * factsPerVersion(), server.count("fact"));
        JsonNode status = TestServer.json(server.get("/api/periods/2022-T2/status"));
        for (String u : units) {
            assertEquals("accepted", find(status, u).get("status").asText(), u);
        }
    }

    private long factsPerVersion() {
        return server.app().database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COUNT(*) FROM fact WHERE submission_id = (SELECT MIN(id) FROM submission)");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private long fact(String unit, String line, String column) {
        return server.app().database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT f.amount_kr FROM fact f JOIN submission s "
                    + "ON s.id = f.submission_id WHERE s.unit = ? AND s.is_current = 1 AND f.line = ? AND f.col = ?")) {
                ps.setString(1, unit);
                ps.setString(2, line);
                ps.setString(3, column);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new AssertionError("no fact " + unit + " " + line + " " + column);
                    }
                    return rs.getLong(1);
                }
            }
        });
    }

    private static JsonNode find(JsonNode array, String unit) {
        for (JsonNode n : array) {
            if (n.get("unit").asText().equals(unit)) {
                return n;
            }
        }
        throw new AssertionError("no unit " + unit);
    }
}
