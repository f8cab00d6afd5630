package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.HostileCorpus;
import se.tertial.testkit.TestServer;
import se.tertial.workbook.WorkbookFormat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file of the hostile corpus, uploaded over HTTP by FS-MED's controller after a good version is stored: a 4xx
 * answer with a Swedish message (the named rule where the case names one), a recorded attempt, and FS-MED's
 * current version and facts unchanged.
 */
class HostileCorpusTest {
    @TempDir
    Path tmp;

    @Test
    void everyHostileFileIsRefusedRecordedAndChangesNothing() {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            FilledTemplate good = FilledTemplate.of("FS-MED", "2022-T2").valid().set("Resultat", "INT_OVRIGA",
                    "UTFALL", "777");
            assertEquals(201, s.upload(s.controller, good.bytes()).statusCode());
            String before = s.currentFacts("FS-MED", "2022-T2");
            assertFalse(before.isEmpty());

            byte[] valid = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
            byte[] bad = FilledTemplate.of("FS-MED", "2022-T2").valid()
                    .setText("Resultat", "KOST_LOKAL", "UTFALL", "ca 300").bytes();
            byte[] xls = FilledTemplate.of("FS-MED", "2022-T2", WorkbookFormat.XLS).valid()
                    .setText("Resultat", "KOST_LOKAL", "UTFALL", "ca 300").bytes();
            List<HostileCorpus.Case> corpus = HostileCorpus.build(valid, bad, xls);
            assertTrue(corpus.size() >= 380, "corpus size " + corpus.size());

            Map<String, Integer> byRule = new TreeMap<>();
            java.util.TreeMap<Long, String> slowest = new java.util.TreeMap<>(java.util.Comparator.reverseOrder());
            List<String> failures = new ArrayList<>();
            long attempts = s.count("upload");
            for (HostileCorpus.Case c : corpus) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = s.upload("/api/submissions", s.controller, c.name() + ".xlsx", c.bytes());
                slowest.put((System.nanoTime() - t0) / 1_000_000 * 1000 + slowest.size() % 1000, c.name()
                        + " (" + c.bytes().length / 1024 + " kB)");
                attempts++;
                JsonNode body = TestServer.json(r);
                List<String> rules = new ArrayList<>();
                body.path("errors").forEach(e -> rules.add(e.get("rule").asText()));
                byRule.merge(rules.isEmpty() ? "(" + r.statusCode() + ")" : rules.get(0), 1, Integer::sum);
                if (r.statusCode() < 300) {
                    // stop at the first acceptance: it replaced the good version
                    failures.add(c.name() + ": accepted, HTTP " + r.statusCode());
                    break;
                }
                if (r.statusCode() < 400 || r.statusCode() >= 500) {
                    failures.add(c.name() + ": HTTP " + r.statusCode() + " " + rules);
                } else if (c.rule() != null && !rules.contains(c.rule())) {
                    failures.add(c.name() + ": expected " + c.rule() + " but was " + rules);
                } else if (body.path("errors").isEmpty() || body.path("errors").get(0).get("message").asText()
                        .isBlank()) {
                    failures.add(c.name() + ": no Swedish message");
                }
                if (s.count("upload") != attempts) {
                    failures.add(c.name() + ": the attempt was not recorded");
                }
            }
            System.out.println("Hostile corpus: " + corpus.size() + " files, first rule: " + byRule);
            slowest.entrySet().stream().limit(5).forEach(e -> System.out.println("  slowest: " + e.getKey() / 1000
                    + " ms " + e.getValue()));
            assertEquals(List.of(), failures);
            assertEquals(before, s.currentFacts("FS-MED", "2022-T2"), "FS-MED's current version is untouched");
            assertEquals(1, s.count("submission"));
        }
    }
}
