package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.store.Checkpoint;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestServer;
import se.tertial.testkit.TestSpecs;
import se.tertial.workbook.Prefill;
import se.tertial.workbook.WorkbookFormat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who may do what, hostile files, size limits, locked periods, old template versions, failed transactions. */
class UploadSafetyTest {
    @TempDir
    Path tmp;

    @Test
    void requiresAValidTokenAndTheRightRole() {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            byte[] med = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
            assertEquals(401, s.upload(null, med).statusCode());
            assertEquals(401, s.upload("tt_fel", med).statusCode());
            assertEquals(401, s.get("/api/organisation", null).statusCode());
            assertTrue(TestServer.json(s.get("/api/periods", null)).get("message").asText().startsWith("Inloggning krävs"));
            assertEquals(403, s.upload(s.finance, med).statusCode(), "finance reads, does not upload");
            assertEquals(403, s.post("/api/periods", "{\"code\":\"2022-T3\",\"deadline\":\"2023-02-01\"}", s.controller)
                    .statusCode());
            assertEquals(403, s.post("/api/periods/2022-T2/lock", "", s.controller).statusCode());
            assertEquals(403, s.get("/api/templates/FS-PRIV/2022-T2.xlsx", s.controller).statusCode());
            assertEquals(200, s.get("/api/templates/FS-MED/2022-T2.xlsx", s.controller).statusCode());
            assertEquals(403, s.get("/api/templates/2022-T2.zip", s.controller).statusCode());
            assertEquals(403, s.get("/api/users", s.finance).statusCode());
            assertEquals(0, s.count("upload"), "refused before anything was read");
        }
    }

    @Test
    void aControllerUploadingForAnotherUnitGetsForbiddenAndTheAttemptIsLogged() {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            HttpResponse<byte[]> r = s.upload(s.controller, FilledTemplate.of("FS-PRIV", "2022-T2").valid().bytes());
            assertEquals(403, r.statusCode());
            assertEquals("unit_not_allowed", TestServer.json(r).get("errors").get(0).get("rule").asText());
            JsonNode logged = TestServer.json(s.get("/api/submissions?period=2022-T2", s.admin));
            assertEquals(1, logged.size());
            assertEquals("forbidden", logged.get(0).get("status").asText());
            assertEquals("FS-PRIV", logged.get(0).get("unit").asText());
            assertEquals("controller.fs", logged.get(0).get("uploadedBy").asText());
            assertEquals(0, s.count("submission"));
            assertEquals(1, TestServer.json(s.get("/api/submissions", s.controller)).size(),
                    "the uploader sees their own attempt");
        }
    }

    @Test
    void refusesHostileFilesWithClearSwedishErrorsAndKeepsTheirBytes() throws Exception {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            byte[] valid = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
            assertRefused(s, Arrays.copyOf(valid, valid.length - 200), "unreadable_file", "Filen är skadad");
            assertRefused(s, "Enhet;Utfall\nFS-MED;100\n".getBytes(StandardCharsets.UTF_8), "not_a_workbook",
                    "Filen är inte en Excel-arbetsbok");
            assertRefused(s, se.tertial.testkit.Zips.withEntry(valid, "xl/vbaProject.bin", new byte[] {1, 2, 3}), "macro_workbook", "Arbetsboken innehåller makron");
            assertEquals(3, s.count("upload"));
            assertEquals(0, s.count("submission"));
        }
    }

    @Test
    void refusesABodyOverTheLimitBeforeParsingIt() {
        try (TestServer s = new TestServer(tmp, 64 * 1024, Checkpoint.NONE)) {
            s.createPeriod("2022-T2");
            byte[] big = new byte[512 * 1024];
            Arrays.fill(big, (byte) 'x');
            String boundary = "b0undary";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.xlsx\""
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(big);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] bytes = body.toByteArray();
            // Refused by its Content-Length, before a byte of the body is read. The server answers and closes
            // without reading the 512 kB; a client still sending may then see the connection reset before it reads
            // the answer (a race of the transport, which made this test fail now and then). So: asked again when
            // no answer came, and the answer, once one comes, must be the refusal.
            HttpResponse<byte[]> r = null;
            for (int attempt = 0; attempt < 5 && r == null; attempt++) {
                try {
                    r = s.upload(s.controller, big);
                } catch (java.io.UncheckedIOException e) {
                    // closed under the client before it read the answer: try again
                }
            }
            assertTrue(r != null, "no answer in five attempts");
            assertEquals(413, r.statusCode());
            assertTrue(TestServer.json(r).get("message").asText().contains("för stor"));
            // Chunked, without a Content-Length: the multipart limit stops it.
            HttpResponse<byte[]> chunked = s.send(HttpRequest.newBuilder(s.uri("/api/submissions"))
                    .header("Authorization", "Bearer " + s.controller)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build());
            assertTrue(chunked.statusCode() == 413, "chunked upload over the limit: " + chunked.statusCode()
                    + " " + new String(chunked.body()));
            assertEquals(0, s.count("upload"));
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes())
                    .statusCode(), "a normal workbook still fits");
        }
    }

    @Test
    void refusesUploadsToALockedPeriodUntilItIsReopened() {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            byte[] med = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
            assertEquals("locked", TestServer.json(s.post("/api/periods/2022-T2/lock", "")).get("state").asText());
            HttpResponse<byte[]> r = s.upload(s.controller, med);
            assertEquals(422, r.statusCode());
            JsonNode e = TestServer.json(r).get("errors").get(0);
            assertEquals("period_locked", e.get("rule").asText());
            assertTrue(e.get("message").asText().contains("Perioden 2022-T2 är låst"));
            assertEquals("open", TestServer.json(s.post("/api/periods/2022-T2/unlock", "")).get("state").asText());
            assertEquals(201, s.upload(s.controller, med).statusCode());
            assertEquals(404, s.post("/api/periods/2030-T1/lock", "").statusCode());
        }
    }

    @Test
    void readsAWorkbookMadeFromAnOlderTemplateVersion() throws Exception {
        Path specs = TestSpecs.copyTo(tmp.resolve("specs"));
        Files.copy(specs.resolve("resultat.v1.json"), specs.resolve("resultat.v2.json"));
        TestSpecs.edit(specs, "resultat.v2.json", root -> {
            root.put("version", 2);
            root.withArray("lines").insertObject(0).put("code", "INT_NY").put("label", "Nya intäkter")
                    .put("kind", "input").put("sign", "+");
        });
        try (TestServer s = new TestServer(specs, tmp.resolve("data"), 20L << 20, Checkpoint.NONE)) {
            s.createPeriod("2022-T2");
            byte[] fromV1 = FilledTemplate.of(TestSpecs.catalog(), "FS-MED", "2022-T2", WorkbookFormat.XLSX,
                    Prefill.none()).valid().bytes();
            HttpResponse<byte[]> r = s.upload(s.controller, fromV1);
            assertEquals(201, r.statusCode(), new String(r.body()));
            assertEquals("resultat:1", s.app().database().read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT templates FROM submission")) {
                    rs.next();
                    return rs.getString(1);
                }
            }));
            try (var wb = se.tertial.testkit.Sheets.open(s.get("/api/templates/FS-MED/2022-T2.xlsx").body())) {
                assertEquals("INT_NY", wb.getSheet("Resultat").getRow(2).getCell(0).getStringCellValue(),
                        "new templates come from v2");
            }
        }
    }

    @Test
    void aFailureInsideTheUploadTransactionLeavesNoRows() {
        for (String point : List.of("upload-recorded", "version-created", "facts-stored")) {
            Path dir = tmp.resolve(point);
            try (TestServer s = new TestServer(TestSpecs.DIR, dir, 20L << 20, name -> {
                if (name.equals(point)) {
                    throw new IllegalStateException("injected failure at " + name);
                }
            })) {
                s.createPeriod("2022-T2");
                HttpResponse<byte[]> r = s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes());
                assertEquals(500, r.statusCode(), point);
                assertTrue(TestServer.json(r).get("message").asText().startsWith("Ett oväntat fel"));
                for (String table : List.of("upload", "finding", "submission", "fact", "line_comment")) {
                    assertEquals(0, s.count(table), table + " after a failure at " + point);
                }
                assertEquals(0, s.app().database().activeConnections());
            }
        }
    }

    private static void assertRefused(TestServer s, byte[] bytes, String rule, String message) {
        HttpResponse<byte[]> r = s.upload(s.controller, bytes);
        assertEquals(422, r.statusCode(), rule);
        JsonNode e = TestServer.json(r).get("errors").get(0);
        assertEquals(rule, e.get("rule").asText());
        assertTrue(e.get("message").asText().startsWith(message), e.get("message").asText());
        long id = TestServer.json(r).get("id").asLong();
        assertEquals(bytes.length, s.get("/api/submissions/" + id + "/original", s.controller).body().length);
    }

}
