package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log (issue 11): every action writes exactly one event naming who (user and key), from where, what and
 * on which unit, period, version and upload; nothing changes it, neither a route nor SQL; finance and admin list it
 * with filters and download it as an .xlsx holding the same rows.
 */
class AuditLogTest {
    @TempDir
    Path tmp;

    private static final String KEY = "nyckel: första nyckeln";

    @Test
    void everyActionWritesExactlyOneEventWithItsActorAndObject() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            Log log = new Log(s);
            JsonNode e = log.one(() -> s.post("/api/periods", "{\"code\":\"2022-T2\",\"deadline\":\"2022-09-09\"}"),
                    201, "period_created");
            expect(e, "ekonomi", KEY, null, "2022-T2");
            assertEquals("127.0.0.1", e.get("address").asText());

            e = log.one(() -> s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes()), 201,
                    "upload");
            expect(e, "controller.fs", KEY, "FS-MED", "2022-T2");
            assertEquals(1, e.get("version").asInt());
            assertEquals("accepted", e.get("detail").asText());
            long upload = e.get("uploadId").asLong();
            e = log.one(() -> s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid()
                    .setText("Resultat", "KOST_LON", "UTFALL", "ca 80 miljoner").bytes()), 422, "upload");
            assertEquals("rejected", e.get("detail").asText());

            e = log.one(() -> s.post("/api/periods/2022-T2/units/FS-MED/approve", "{\"version\":1,\"message\":\"Bra.\"}",
                    s.finance), 200, "approve");
            expect(e, "ekonomi", KEY, "FS-MED", "2022-T2");
            assertEquals(1, e.get("version").asInt());
            assertEquals("Bra.", e.get("detail").asText());
            log.one(() -> s.post("/api/periods/2022-T2/units/FS-MED/reopen", "", s.finance), 200, "reopen");
            log.one(() -> s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid()
                    .set("Resultat", "KOST_LON", "UTFALL", "-80600").bytes()), 201, "upload");
            e = log.one(() -> s.post("/api/periods/2022-T2/units/FS-MED/return",
                    "{\"version\":2,\"message\":\"Förklara.\"}", s.finance), 200, "return");
            assertEquals(2, e.get("version").asInt());
            // A refused decision changes nothing and is not an event.
            log.none(() -> s.post("/api/periods/2022-T2/units/FS-MED/approve", "{\"version\":2}", s.finance), 409);

            log.one(() -> s.post("/api/periods/2022-T2/lock", "", s.finance), 200, "lock");
            log.one(() -> s.post("/api/periods/2022-T2/unlock", "", s.finance), 200, "unlock");

            HttpResponse<byte[]> template = s.get("/api/budget/2022/template.xlsx");
            e = log.one(() -> s.upload("/api/budget/2022", s.finance, "budget.xlsx", template.body()), -1,
                    "budget_loaded");
            assertTrue(e.get("detail").asText().startsWith("2022: "), e.toString());

            e = log.one(() -> s.post("/api/users", "{\"name\":\"anna\",\"role\":\"controller\",\"units\":[\"RS-IT\"]}",
                    s.admin), 201, "user_created");
            expect(e, "admin", KEY, null, null);
            assertTrue(e.get("detail").asText().contains("anna"), e.toString());
            log.one(() -> s.patch("/api/users/anna", "{\"email\":\"anna@region.example\"}", s.admin), 200,
                    "user_changed");
            e = log.one(() -> s.post("/api/users/anna/keys", "{\"name\":\"skript\"}", s.admin), 201, "key_created");
            long key = TestServer.json(s.get("/api/users/anna/keys", s.admin)).get(1).get("id").asLong();
            assertTrue(e.get("detail").asText().contains("skript"));
            log.one(() -> s.delete("/api/users/anna/keys/" + key, s.admin), 204, "key_revoked");
            log.one(() -> s.patch("/api/users/anna", "{\"active\":false}", s.admin), 200, "user_deactivated");

            e = log.one(() -> s.get("/api/submissions/" + upload + "/original", s.controller), 200,
                    "download_original");
            assertEquals(upload, e.get("uploadId").asLong());
            assertEquals("FS-MED", e.get("unit").asText());
            log.one(() -> s.get("/api/submissions/" + upload + "/annotated.xlsx", s.finance), 200,
                    "download_annotated");
            e = log.one(() -> s.get("/api/reports/2022-T2/konsolidering.xlsx", s.finance), 200, "download_report");
            assertEquals("2022-T2", e.get("period").asText());

            // Signing in on the pages, right and wrong.
            String password = s.app().auth().setOneTimePassword(s.app().users().require("ekonomi"));
            e = log.oneAfter(() -> s.app().auth().login("ekonomi", password, "10.1.2.3"), "sign_in");
            assertEquals("webb", e.get("via").asText());
            assertEquals("10.1.2.3", e.get("address").asText());
            e = log.oneAfter(() -> {
                assertThrows(se.tertial.app.TertialException.Invalid.class,
                        () -> s.app().auth().login("ekonomi", "fel-lösenord-1", "10.9.9.9"));
                return null;
            }, "sign_in_failed");
            expect(e, "ekonomi", "webb", null, null);
            assertEquals("10.9.9.9", e.get("address").asText());

            // A controller does not read the log; finance filters it.
            assertEquals(403, s.get("/api/audit", s.controller).statusCode());
            JsonNode uploads = TestServer.json(s.get("/api/audit?unit=FS-MED&kind=upload", s.finance));
            assertEquals(3, uploads.size());
            JsonNode byAdmin = TestServer.json(s.get("/api/audit?user=admin", s.finance));
            byAdmin.forEach(x -> assertEquals("admin", x.get("actor").asText()));
            assertEquals(5, byAdmin.size(), "created, e-mail, key, revoked, deactivated");
            assertEquals(0, TestServer.json(s.get("/api/audit?from=2000-01-01&to=2000-12-31", s.finance)).size());
            assertEquals(log.all().size(), TestServer.json(s.get("/api/audit?from=2000-01-01", s.finance)).size());
            assertEquals(400, s.get("/api/audit?kind=nonsense", s.finance).statusCode());
            assertEquals(400, s.get("/api/audit?from=igår", s.finance).statusCode());
        }
    }

    @Test
    void theLogCannotBeChangedAndItsXlsxHoldsTheSameRows() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.createPeriod("2022-T2");
            s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes());
            JsonNode before = TestServer.json(s.get("/api/audit", s.admin));
            assertTrue(before.size() >= 2, before.toString());
            long first = before.get(0).get("id").asLong();
            for (HttpResponse<byte[]> r : List.of(s.delete("/api/audit", s.admin),
                    s.delete("/api/audit/" + first, s.admin), s.put("/api/audit/" + first, "{}", s.admin),
                    s.patch("/api/audit/" + first, "{\"actor\":\"x\"}", s.admin), s.post("/api/audit", "{}", s.admin))) {
                assertTrue(r.statusCode() == 404 || r.statusCode() == 405, r.statusCode() + " "
                        + new String(r.body(), StandardCharsets.UTF_8));
            }
            // Not even SQL: the database refuses to update or delete an event.
            List<String> changes = new ArrayList<>(List.of("UPDATE audit_event SET actor = 'x'",
                    "DELETE FROM audit_event"));
            if (se.tertial.testkit.TestStores.postgres()) {
                changes.add("TRUNCATE audit_event");
            }
            for (String sql : changes) {
                Exception refused = assertThrows(Exception.class, () -> s.app().database().write(c -> {
                    try (var st = c.createStatement()) {
                        return st.executeUpdate(sql);
                    }
                }));
                assertTrue(String.valueOf(refused.getMessage()).contains("append-only")
                        || String.valueOf(refused.getCause()).contains("append-only"), refused.toString());
            }
            JsonNode after = TestServer.json(s.get("/api/audit", s.admin));
            assertEquals(before.toString(), after.toString(), "nothing changed, nothing added by reading the log");

            HttpResponse<byte[]> xlsx = s.get("/api/audit.xlsx", s.finance);
            assertEquals(200, xlsx.statusCode());
            JsonNode now = TestServer.json(s.get("/api/audit", s.finance));
            try (Workbook wb = Sheets.open(xlsx.body())) {
                Sheet sheet = wb.getSheetAt(0);
                List<Long> ids = new ArrayList<>();
                List<String> kinds = new ArrayList<>();
                for (Row row : sheet) {
                    if (row.getRowNum() >= 3) {
                        ids.add((long) row.getCell(0).getNumericCellValue());
                        kinds.add(row.getCell(5).getStringCellValue());
                    }
                }
                List<Long> expected = new ArrayList<>();
                List<String> expectedKinds = new ArrayList<>();
                now.forEach(x -> {
                    if (x.get("id").asLong() <= ids.get(ids.size() - 1)) {
                        expected.add(x.get("id").asLong());
                        expectedKinds.add(x.get("kindLabel").asText());
                    }
                });
                assertEquals(expected, ids);
                assertEquals(expectedKinds, kinds);
                assertTrue(kinds.contains("Uppladdning"), kinds.toString());
                // Times are dates in Swedish form, an empty field is a blank cell, the outcome is in words.
                Row firstEvent = sheet.getRow(3);
                assertEquals(org.apache.poi.ss.usermodel.CellType.NUMERIC, firstEvent.getCell(1).getCellType());
                assertTrue(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(firstEvent.getCell(1)));
                assertEquals("yyyy-mm-dd hh:mm:ss", firstEvent.getCell(1).getCellStyle().getDataFormatString());
                for (Row row : sheet) {
                    for (var cell : row) {
                        assertTrue(cell.getCellType() != org.apache.poi.ss.usermodel.CellType.STRING
                                || !cell.getStringCellValue().isEmpty(), "no empty strings: " + cell.getAddress());
                    }
                }
                assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().endsWith("(alla händelser)"));
            }
            try (Workbook wb = Sheets.open(s.get("/api/audit.xlsx?period=2022-T2", s.finance).body())) {
                Sheet sheet = wb.getSheetAt(0);
                assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().endsWith("(urval: period 2022-T2)"),
                        "a filtered export says its filter: " + sheet.getRow(0).getCell(0));
                assertTrue(sheet.getHeader().getCenter().contains("urval: period 2022-T2"));
                assertEquals(2, sheet.getRepeatingRows().getFirstRow(), "the heading row on every printed page");
            }
        }
    }

    private static void expect(JsonNode e, String actor, String via, String unit, String period) {
        assertEquals(actor, e.get("actor").asText(), e.toString());
        assertEquals(via, e.get("via").asText(), e.toString());
        if (unit != null) {
            assertEquals(unit, e.get("unit").asText(), e.toString());
        }
        if (period != null) {
            assertEquals(period, e.get("period").asText(), e.toString());
        }
    }

    /** Reads the log directly from the store, so reading it is not itself an event. */
    private static final class Log {
        private final TestServer s;

        Log(TestServer s) {
            this.s = s;
        }

        List<se.tertial.store.AuditEvent> all() {
            return new se.tertial.store.AuditRepository(s.app().database()).list(
                    se.tertial.store.AuditRepository.Filter.all());
        }

        JsonNode one(Supplier<HttpResponse<byte[]>> action, int status, String kind) {
            return oneAfter(() -> {
                HttpResponse<byte[]> r = action.get();
                if (status > 0) {
                    assertEquals(status, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
                }
                return r;
            }, kind);
        }

        JsonNode oneAfter(Supplier<?> action, String kind) {
            int before = all().size();
            action.get();
            List<se.tertial.store.AuditEvent> after = all();
            assertEquals(before + 1, after.size(), "exactly one event for " + kind + ": " + after.subList(before,
                    after.size()));
            se.tertial.store.AuditEvent e = after.get(after.size() - 1);
            assertEquals(kind, e.kind());
            return se.tertial.http.HttpApi.mapper().valueToTree(JsonViews.audit(e));
        }

        void none(Supplier<HttpResponse<byte[]>> action, int status) {
            int before = all().size();
            assertEquals(status, action.get().statusCode());
            assertEquals(before, all().size());
        }
    }
}
