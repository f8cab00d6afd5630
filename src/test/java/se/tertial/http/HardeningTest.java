package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.Limits;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;
import se.tertial.testkit.Zips;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A regression test for each finding of the hardening round (issue 8), over real HTTP and a real SQLite file. */
class HardeningTest {
    @TempDir
    Path tmp;

    private static String rules(HttpResponse<byte[]> r) {
        List<String> rules = new ArrayList<>();
        TestServer.json(r).path("errors").forEach(e -> rules.add(e.get("rule").asText()));
        return String.join(",", rules);
    }

    @Test
    void aWorkbookWhoseTemplateSetIsNotItsUnitsIsRefusedAndTheReportIsUnchanged() {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            assertEquals(201, s.upload(s.admin, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes()).statusCode());
            String before = s.currentFacts("FS-MED", "2022-T2");
            String balanceBefore = TestServer.json(s.get("/api/reports/2022-T2/balansrakning.json")).get("rows")
                    .toString();
            // RSO-FINANS's Finansiering + Balans workbook, its _tertial edited to say FS-MED.
            byte[] finans = FilledTemplate.of("RSO-FINANS", "2022-T2").valid().bytes();
            byte[] forged = Zips.replaceText(finans, "xl/sharedStrings.xml", x -> x.replace(">RSO-FINANS<", ">FS-MED<"));
            HttpResponse<byte[]> r = s.upload(s.admin, forged);
            assertEquals(422, r.statusCode(), new String(r.body()));
            assertEquals("structure_template_set", rules(r));
            assertTrue(TestServer.json(r).get("errors").get(0).get("message").asText().contains("enheten FS-MED"));
            assertEquals(before, s.currentFacts("FS-MED", "2022-T2"));
            assertEquals(balanceBefore, TestServer.json(s.get("/api/reports/2022-T2/balansrakning.json")).get("rows")
                    .toString());
        }
    }

    @Test
    void aBlankTemplateIsRefusedAndNeverReplacesFigures() {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes())
                    .statusCode());
            String before = s.currentFacts("FS-MED", "2022-T2");
            HttpResponse<byte[]> r = s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").bytes());
            assertEquals(422, r.statusCode());
            assertEquals("no_amounts", rules(r));
            assertTrue(TestServer.json(r).get("errors").get(0).get("message").asText().contains("inga inmatade belopp"));
            assertEquals(before, s.currentFacts("FS-MED", "2022-T2"));
            JsonNode status = TestServer.json(s.get("/api/periods/2022-T2/status"));
            int checked = 0;
            for (JsonNode u : status) {
                if (u.get("unit").asText().equals("FS-MED")) {
                    assertEquals(1, u.get("currentVersion").asInt());
                    checked++;
                }
            }
            assertEquals(1, checked);
        }
    }

    @Test
    void aForbiddenAttemptIsVisibleToItsUploaderAndFinanceOnly() {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            String kir = TestServer.json(s.post("/api/users", "{\"name\":\"kirurgen\",\"role\":\"controller\","
                    + "\"units\":[\"FS-KIR\"]}", s.admin)).get("token").asText();
            String med = TestServer.json(s.post("/api/users", "{\"name\":\"medicin\",\"role\":\"controller\","
                    + "\"units\":[\"FS-MED\"]}", s.admin)).get("token").asText();
            HttpResponse<byte[]> r = s.upload(med, FilledTemplate.of("FS-KIR", "2022-T2").valid().bytes());
            assertEquals(403, r.statusCode());
            long id = TestServer.json(s.get("/api/submissions", s.finance)).get(0).get("id").asLong();
            assertEquals(0, TestServer.json(s.get("/api/submissions?unit=FS-KIR", kir)).size());
            assertEquals(403, s.get("/api/submissions/" + id, kir).statusCode());
            assertEquals(403, s.get("/api/submissions/" + id + "/original", kir).statusCode());
            assertEquals(403, s.get("/api/submissions/" + id + "/annotated.xlsx", kir).statusCode());
            assertEquals(200, s.get("/api/submissions/" + id, med).statusCode(), "the uploader sees it");
            assertEquals(200, s.get("/api/submissions/" + id + "/original", s.finance).statusCode());
        }
    }

    @Test
    void reportsReadWhileUploadsCommitAreAlwaysWhole() throws Exception {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            List<byte[]> files = new ArrayList<>();
            for (String unit : List.of("FS-MED", "FS-KIR")) {
                for (int i = 0; i < 12; i++) {
                    files.add(FilledTemplate.of(unit, "2022-T2").valid().set("Resultat", "INT_OVRIGA", "UTFALL",
                            Integer.toString(100 + i)).bytes());
                }
            }
            AtomicBoolean uploading = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                Future<Integer> uploads = pool.submit(() -> {
                    int ok = 0;
                    for (byte[] f : files) {
                        ok += s.upload(s.controller, f).statusCode() == 201 ? 1 : 0;
                    }
                    uploading.set(false);
                    return ok;
                });
                List<Future<List<Integer>>> readers = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    readers.add(pool.submit(() -> {
                        List<Integer> statuses = new ArrayList<>();
                        while (uploading.get() || statuses.size() < 5) {
                            statuses.add(s.get("/api/reports/2022-T2/namndsavvikelser.json").statusCode());
                            statuses.add(s.get("/api/reports/2022-T2/konsolidering.xlsx").statusCode());
                        }
                        return statuses;
                    }));
                }
                assertEquals(files.size(), uploads.get());
                for (Future<List<Integer>> f : readers) {
                    List<Integer> statuses = f.get();
                    assertFalse(statuses.isEmpty());
                    assertTrue(statuses.stream().allMatch(x -> x == 200), statuses.toString());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void anUploadPastItsDeadlineIsRefusedAndNotStored() {
        try (TestServer s = new TestServer(tmp, TestServer.GENEROUS.withUploadTimeout(Duration.ofNanos(1)))) {
            s.createPeriod("2022-T2");
            HttpResponse<byte[]> r = s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes());
            assertEquals(422, r.statusCode());
            assertEquals("processing_timeout", rules(r));
            assertTrue(TestServer.json(r).get("errors").get(0).get("message").asText().contains("har inte tagits emot"));
            assertEquals(0, s.count("submission"));
            assertEquals(1, s.count("upload"), "the attempt is recorded");
        }
    }

    @Test
    void filesThatAreNoWorkbookAreKeptOnlyWhenSmallAndRejectedBytesHaveADailyQuota() {
        try (TestServer s = new TestServer(tmp, TestServer.GENEROUS.withRejectedBytesPerDay(60_000))) {
            s.createPeriod("2022-T2");
            byte[] noise = new byte[1_000_000];
            new Random(1).nextBytes(noise);
            HttpResponse<byte[]> r = s.upload(s.controller, noise);
            assertEquals(422, r.statusCode());
            long id = TestServer.json(s.get("/api/submissions", s.controller)).get(0).get("id").asLong();
            HttpResponse<byte[]> original = s.get("/api/submissions/" + id + "/original", s.controller);
            assertEquals(404, original.statusCode());
            assertTrue(TestServer.json(original).get("message").asText().contains("sparades inte"));
            JsonNode detail = TestServer.json(s.get("/api/submissions/" + id, s.controller));
            assertEquals(1_000_000, detail.get("size").asLong());
            assertEquals(64, detail.get("sha256").asText().length());
            long dbSize = s.app().database().read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT SUM(length(original)) FROM upload")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertTrue(dbSize < 1_000, "no megabyte of noise stored: " + dbSize);
            // Rejected workbooks: kept until the day's quota (60 kB here) is used, then only their hash and findings.
            byte[] bad = FilledTemplate.of("FS-MED", "2022-T2").valid().setText("Resultat", "KOST_LOKAL", "UTFALL",
                    "ca 300").bytes();
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                byte[] b = Zips.withEntry(bad, "docProps/custom" + i + ".xml", new byte[] {' '});
                assertEquals(422, s.upload(s.controller, b).statusCode());
                long last = TestServer.json(s.get("/api/submissions", s.controller)).get(0).get("id").asLong();
                kept.add(s.get("/api/submissions/" + last + "/original", s.controller).statusCode());
            }
            assertEquals(200, kept.get(0));
            assertEquals(404, kept.get(kept.size() - 1), kept.toString());
            // An accepted upload always keeps its bytes.
            HttpResponse<byte[]> ok = s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes());
            assertEquals(201, ok.statusCode());
            assertEquals(200, s.get("/api/submissions/" + TestServer.json(ok).get("id").asLong() + "/original",
                    s.controller).statusCode());
        }
    }

    @Test
    void uploadsAndFailedKeyChecksAreRateLimitedWithRetryAfter() {
        try (TestServer s = new TestServer(tmp, Limits.DEFAULTS.withRates(3, 5))) {
            s.createPeriod("2022-T2");
            byte[] file = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<byte[]> last = null;
            for (int i = 0; i < 4; i++) {
                last = s.upload(s.controller, file);
                statuses.add(last.statusCode());
            }
            assertEquals(List.of(201, 200, 200, 429), statuses);
            assertTrue(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            assertTrue(TestServer.json(last).get("message").asText().startsWith("För många förfrågningar"));
            assertEquals(3, s.count("upload"), "a throttled upload is not read");
            for (int i = 0; i < 5; i++) {
                assertEquals(401, s.get("/api/me", "tt_fel" + i).statusCode());
            }
            HttpResponse<byte[]> blocked = s.get("/api/me", "tt_fel");
            assertEquals(429, blocked.statusCode());
            assertTrue(blocked.headers().firstValue("Retry-After").isPresent());
        }
    }

    @Test
    void userNamesAreBoundedAndDuplicateJsonKeysAreRefused() {
        try (TestServer s = new TestServer(tmp)) {
            for (String name : List.of("x".repeat(10_000), "anna\u0000", "anna\nINFO fake log line", "anna\u202Egnp",
                    "anna andersson", "")) {
                String body = "{\"name\":" + TestServer.jsonString(name) + ",\"role\":\"finance\"}";
                HttpResponse<byte[]> r = s.post("/api/users", body, s.admin);
                assertEquals(400, r.statusCode(), name);
            }
            HttpResponse<byte[]> dup = s.post("/api/users", "{\"name\":\"eva\",\"role\":\"finance\",\"role\":\"admin\"}",
                    s.admin);
            assertEquals(400, dup.statusCode());
            assertEquals(3, TestServer.json(s.get("/api/users", s.admin)).size(), "nobody was created");
            assertEquals(201, s.post("/api/users", "{\"name\":\"eva.öberg@region.se\",\"role\":\"finance\"}", s.admin)
                    .statusCode());
        }
    }

    @Test
    void keysCanBeAddedListedRevokedAndRotated() {
        try (TestServer s = new TestServer(tmp)) {
            HttpResponse<byte[]> added = s.post("/api/users/ekonomi/keys", "{\"name\":\"inläsningsskript\"}", s.admin);
            assertEquals(201, added.statusCode());
            String script = TestServer.json(added).get("key").asText();
            long scriptId = TestServer.json(added).get("id").asLong();
            assertEquals(200, s.get("/api/me", script).statusCode());
            assertEquals(200, s.get("/api/me", s.finance).statusCode(), "the first key still works");
            JsonNode keys = TestServer.json(s.get("/api/users/ekonomi/keys", s.admin));
            assertEquals(2, keys.size());
            assertEquals("inläsningsskript", keys.get(1).get("name").asText());
            assertTrue(keys.get(1).has("lastUsedAt"));
            assertEquals(204, s.delete("/api/users/ekonomi/keys/" + scriptId, s.admin).statusCode());
            assertEquals(401, s.get("/api/me", script).statusCode(), "a revoked key stops working at once");
            assertEquals(404, s.delete("/api/users/ekonomi/keys/" + scriptId, s.admin).statusCode());
            assertEquals(403, s.post("/api/users/ekonomi/keys", "", s.finance).statusCode(), "admin only");
            HttpResponse<byte[]> rotated = s.post("/api/users/ekonomi/keys/rotate", "", s.admin);
            assertEquals(201, rotated.statusCode());
            assertEquals(401, s.get("/api/me", s.finance).statusCode(), "rotation revokes the old key");
            assertEquals(200, s.get("/api/me", TestServer.json(rotated).get("key").asText()).statusCode());
        }
    }

    @Test
    void theAnnotatedCopyRunsNothingOfTheUploadersAndTheOriginalHasASafeName() throws Exception {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            byte[] file = FilledTemplate.of("FS-MED", "2022-T2").valid().setText("Resultat", "KOST_LOKAL", "UTFALL",
                    "ca 300").with(wb -> {
                        Sheet sheet = wb.getSheet("Resultat");
                        wb.getSheet("Resultat").protectSheet(null);
                        Cell c = sheet.createRow(40).createCell(3);
                        c.setCellFormula("HYPERLINK(\"http://evil.example\",\"klicka här\")");
                        sheet.createRow(41).createCell(3).setCellFormula("1+1");
                    }).bytes();
            HttpResponse<byte[]> r = s.upload("/api/submissions", s.controller, "../../etc/\u202Epasswd\t.exe", file);
            assertEquals(422, r.statusCode());
            long id = TestServer.json(r).get("id").asLong();
            HttpResponse<byte[]> annotated = s.get("/api/submissions/" + id + "/annotated.xlsx", s.controller);
            assertEquals(200, annotated.statusCode());
            try (Workbook wb = Sheets.open(annotated.body())) {
                Sheet sheet = wb.getSheet("Resultat");
                Cell link = sheet.getRow(40).getCell(3);
                assertEquals(CellType.STRING, link.getCellType());
                assertEquals("=HYPERLINK(\"http://evil.example\",\"klicka här\")", link.getStringCellValue());
                assertEquals(CellType.STRING, sheet.getRow(41).getCell(3).getCellType());
                // tertial's own sum formulas stay live
                int sumRow = Sheets.rowOfLine(sheet, "SUM_INT");
                assertEquals(CellType.FORMULA, sheet.getRow(sumRow).getCell(Sheets.colOfColumn(sheet, "UTFALL"))
                        .getCellType());
            }
            HttpResponse<byte[]> original = s.get("/api/submissions/" + id + "/original", s.controller);
            String disposition = original.headers().firstValue("Content-Disposition").orElseThrow();
            assertTrue(disposition.contains("filename=\"passwd.xlsx\""), disposition);
            assertFalse(disposition.contains(".."));
        }
    }

    @Test
    void theAnnotatedCopyCarriesFreshResultsOfTertialsFormulas() throws Exception {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            // POI, like openpyxl, writes the filled cells without recalculating: the cached sums are stale.
            byte[] file = FilledTemplate.of("FS-MED", "2022-T2").valid().setText("Resultat", "KOST_LOKAL", "UTFALL",
                    "ca 300").bytes();
            try (Workbook up = Sheets.open(file)) {
                Sheet r = up.getSheet("Resultat");
                assertEquals(CellType.STRING, r.getRow(Sheets.rowOfLine(r, "SUM_INT")).getCell(Sheets.colOfColumn(r,
                        "UTFALL")).getCachedFormulaResultType(), "the upload's cached result is stale: blank");
            }
            long id = TestServer.json(s.upload(s.controller, file)).get("id").asLong();
            try (Workbook wb = Sheets.open(s.get("/api/submissions/" + id + "/annotated.xlsx", s.controller).body())) {
                Sheet r = wb.getSheet("Resultat");
                Cell sum = r.getRow(Sheets.rowOfLine(r, "SUM_INT")).getCell(Sheets.colOfColumn(r, "UTFALL"));
                assertEquals(CellType.FORMULA, sum.getCellType());
                assertEquals(12000.0, sum.getNumericCellValue(), "cached result recalculated: INT_AVGIFTER 12 000");
            }
        }
    }
}
