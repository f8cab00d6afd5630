package se.tertial.web;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.AuditService;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;
import se.tertial.testkit.WebSession;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The status board over HTTP (issue 25): filter by nämnd and review state, search, sort by a column; the same
 * selection as .xlsx; approving several clean units with one confirmation (a unit with warnings is not offered and
 * is refused if forged in); moving the deadline (audited, not for a locked period); refusals in Swedish that change
 * nothing; a controller gets none of it.
 */
class StatusBoardTest {
    @TempDir
    Path tmp;

    private static final Pattern ROW = Pattern.compile("<th scope=\"row\">[^<]*<span class=\"code\">([A-Z-]+)</span>");

    static List<String> units(HttpResponse<String> page) {
        List<String> out = new ArrayList<>();
        Matcher m = ROW.matcher(page.body());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static WebSession financeSession(TestServer s) {
        WebSession w = new WebSession(s);
        String oneTime = s.app().auth().setOneTimePassword(s.app().users().require("ekonomi"));
        w.login("ekonomi", oneTime);
        String csrf = WebSession.csrf(w.get("/losenord"));
        w.post("/losenord", Map.of("_csrf", csrf, "nuvarande", oneTime, "nytt", "ekonomins lösenord",
                "upprepa", "ekonomins lösenord"));
        return w;
    }

    private static void upload(TestServer s, FilledTemplate t, String expected) {
        var r = s.upload(s.admin, t.bytes());
        assertTrue(new String(r.body()).contains("\"status\":\"" + expected + "\""), new String(r.body()));
    }

    @Test
    void filtersSearchesSortsExportsApprovesAndMovesTheDeadline() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            assertEquals(201, s.post("/api/periods", "{\"code\":\"2022-T2\",\"deadline\":\"2099-12-31\"}")
                    .statusCode());
            upload(s, FilledTemplate.of("FS-MED", "2022-T2").valid(), "accepted");
            upload(s, FilledTemplate.of("RS-IT", "2022-T2").valid(), "accepted");
            upload(s, FilledTemplate.of("FS-KIR", "2022-T2").valid().set("Resultat", "INT_OVRIGA", "UTFALL", "-40"),
                    "accepted_with_warnings");
            WebSession w = financeSession(s);

            var all = w.get("/perioder/2022-T2");
            assertEquals(20, units(all).size());
            assertTrue(all.body().contains("Visar 20 av 20 enheter"), "how many are shown");
            assertEquals(List.of("FS-MED", "FS-KIR"), units(w.get("/perioder/2022-T2?namnd=FS&granskning=inlamnad")));
            assertEquals(List.of("RS-IT", "FS-KIR", "FS-MED"), units(w.get(
                    "/perioder/2022-T2?granskning=inlamnad&sortera=enhet")), "IT-centrum, Kirurgisk, Medicinsk vård");
            assertEquals(List.of("FS-MED", "FS-KIR", "RS-IT"), units(w.get(
                    "/perioder/2022-T2?granskning=inlamnad&sortera=enhet&ordning=fallande")));
            assertEquals(List.of("FS-KIR"), units(w.get("/perioder/2022-T2?sok=kirurg")));
            assertEquals(List.of("RS-IT"), units(w.get("/perioder/2022-T2?sok=rs-it")));
            var sorted = w.get("/perioder/2022-T2?granskning=inlamnad&sortera=inlamnad&ordning=fallande");
            assertEquals(List.of("FS-KIR", "RS-IT", "FS-MED"), units(sorted), "the newest upload first");
            assertTrue(sorted.body().contains("aria-sort=\"descending\""), "the sorted column says so");
            // Only clean submitted reports can be ticked.
            assertTrue(all.body().contains("value=\"FS-MED:1\"") && all.body().contains("value=\"RS-IT:1\""));
            assertFalse(all.body().contains("value=\"FS-KIR:1\""), "a report with warnings is reviewed on its own");

            for (String bad : List.of("?namnd=XX", "?granskning=klar", "?sortera=losenord", "?ordning=upp")) {
                var refused = w.get("/perioder/2022-T2" + bad);
                assertEquals(400, refused.statusCode(), bad);
                assertTrue(refused.body().contains("id=\"fel\""), refused.body());
            }

            WebSession ctl = new WebSession(s);
            String oneTime = s.app().auth().setOneTimePassword(s.app().users().require("controller.fs"));
            ctl.login("controller.fs", oneTime);
            String ctlCsrf = WebSession.csrf(ctl.get("/losenord"));
            ctl.post("/losenord", Map.of("_csrf", ctlCsrf, "nuvarande", oneTime, "nytt", "controllerns lösenord",
                    "upprepa", "controllerns lösenord"));
            assertEquals(403, ctl.get("/perioder/2022-T2").statusCode());
            assertEquals(403, ctl.getBytes("/perioder/2022-T2/status.xlsx").statusCode());
            assertEquals(403, ctl.post("/perioder/2022-T2/godkann", List.of(Map.entry("_csrf", ctlCsrf),
                    Map.entry("bekraftat", "ja"), Map.entry("enhet", "FS-MED:1"))).statusCode());
            assertEquals(403, ctl.post("/perioder/2022-T2/sista-dag", Map.of("_csrf", ctlCsrf, "sista_dag",
                    "2099-01-01")).statusCode());
            var download = w.getBytes("/perioder/2022-T2/status.xlsx?granskning=inlamnad&sortera=enhet");
            assertEquals(200, download.statusCode());
            try (var wb = Sheets.open(download.body())) {
                Sheet sheet = wb.getSheet("Status");
                assertTrue(sheet.getRow(0).getCell(0).getStringCellValue().contains("3 av 20 enheter")
                        && sheet.getRow(0).getCell(0).getStringCellValue().contains("granskning inlämnad"),
                        sheet.getRow(0).getCell(0).getStringCellValue());
                List<String> codes = new ArrayList<>();
                for (int i = 3; i <= sheet.getLastRowNum(); i++) {
                    Row r = sheet.getRow(i);
                    codes.add(r.getCell(2).getStringCellValue());
                    assertEquals("inlämnad", r.getCell(4).getStringCellValue());
                    assertEquals(1, (int) r.getCell(6).getNumericCellValue());
                }
                assertEquals(List.of("RS-IT", "FS-KIR", "FS-MED"), codes);
                assertEquals("controller.fs", sheet.getRow(4).getCell(9).getStringCellValue());
            }

            String csrf = WebSession.csrf(all);
            var confirm = w.post("/perioder/2022-T2/godkann", List.of(Map.entry("_csrf", csrf),
                    Map.entry("enhet", "FS-MED:1"), Map.entry("enhet", "RS-IT:1"), Map.entry("enhet", "FS-KIR:1")));
            assertEquals(200, confirm.statusCode(), confirm.body());
            assertTrue(confirm.body().contains("Medicinsk vård (FS-MED), version 1")
                    && confirm.body().contains("IT-centrum (RS-IT), version 1"), confirm.body());
            assertEquals(0, approvals(s), "nothing is approved before the confirmation");
            var done = w.post("/perioder/2022-T2/godkann", List.of(Map.entry("_csrf", csrf),
                    Map.entry("bekraftat", "ja"), Map.entry("enhet", "FS-MED:1"), Map.entry("enhet", "RS-IT:1"),
                    Map.entry("enhet", "FS-KIR:1")));
            assertEquals(409, done.statusCode(), "one of three was refused");
            assertTrue(done.body().contains("Godkända rapporter (2)") && done.body().contains("Inte godkända (1)")
                    && done.body().contains("Kirurgisk vård (FS-KIR), version 1: rapporten är inlämnad och senaste "
                    + "uppladdningen mottagen med varningar"), done.body());
            assertEquals(2, approvals(s), "each approval audited on its own");
            assertEquals(List.of("FS-MED", "RS-IT"), units(w.get("/perioder/2022-T2?granskning=godkand")));

            var nothing = w.post("/perioder/2022-T2/godkann", List.of(Map.entry("_csrf", csrf)));
            assertEquals(400, nothing.statusCode());
            assertTrue(nothing.body().contains("Inga enheter är markerade"), nothing.body());
            var forged = w.post("/perioder/2022-T2/godkann", List.of(Map.entry("_csrf", csrf),
                    Map.entry("enhet", "FS-MED")));
            assertEquals(400, forged.statusCode());

            var badDate = w.post("/perioder/2022-T2/sista-dag", Map.of("_csrf", csrf, "sista_dag", "snart"));
            assertEquals(400, badDate.statusCode());
            assertTrue(badDate.body().contains("ÅÅÅÅ-MM-DD"), badDate.body());
            assertEquals("2099-12-31", s.app().periods().require("2022-T2").deadline().toString());
            var moved = w.post("/perioder/2022-T2/sista-dag", Map.of("_csrf", csrf, "sista_dag", "2099-12-15"));
            assertEquals(200, moved.statusCode(), moved.body());
            assertTrue(moved.body().contains("Sista inlämningsdag för Tertial 2 2022 (jan–aug) är nu 2099-12-15."), moved.body());
            assertEquals("2099-12-15", s.app().periods().require("2022-T2").deadline().toString());
            var events = s.app().audit().list(s.app().users().require("admin"), new AuditService.Query("2022-T2",
                    null, null, "deadline_changed", null, null));
            assertEquals(1, events.size());
            assertEquals("sista dag 2099-12-31 → 2099-12-15", events.get(0).detail().orElseThrow());
            assertEquals("ekonomi", events.get(0).actor());

            s.post("/api/periods/2022-T2/lock", "");
            var locked = w.post("/perioder/2022-T2/sista-dag", Map.of("_csrf", csrf, "sista_dag", "2099-12-20"));
            assertEquals(409, locked.statusCode());
            assertEquals("2099-12-15", s.app().periods().require("2022-T2").deadline().toString());
            var api = s.post("/api/periods/2022-T2/deadline", "{\"deadline\":\"2099-12-20\"}");
            assertEquals(409, api.statusCode());
            s.post("/api/periods/2022-T2/unlock", "");
            api = s.post("/api/periods/2022-T2/deadline", "{\"deadline\":\"2099-12-20\"}");
            assertEquals(200, api.statusCode(), new String(api.body()));
            assertEquals("2099-12-20", TestServer.json(api).get("deadline").asText());
            assertEquals(403, s.post("/api/periods/2022-T2/deadline", "{\"deadline\":\"2099-12-21\"}",
                    s.controller).statusCode());
        }
    }

    private static int approvals(TestServer s) {
        return s.app().audit().list(s.app().users().require("admin"), new AuditService.Query("2022-T2", null, null,
                "approve", null, null)).size();
    }
}
