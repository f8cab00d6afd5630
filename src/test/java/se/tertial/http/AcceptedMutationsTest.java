package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.HostileCorpus;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A valid workbook damaged here and there (issue 28): whatever tertial accepts it can open again — every accepted
 * version has an annotated copy that POI reads — and damage in a part the figures do not come from (the styles,
 * the Instruktioner sheet, a stray part, a CRC) or contradictory metadata is refused, naming what is wrong.
 */
class AcceptedMutationsTest {
    @TempDir
    Path tmp;

    @Test
    void everyAcceptedVersionHasAnAnnotatedCopyAndDamageIsRefused() throws Exception {
        try (TestServer s = new TestServer(tmp)) {
            s.createPeriod("2022-T2");
            byte[] valid = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
            List<HostileCorpus.Case> cases = HostileCorpus.validMutations(valid);
            int refused = 0;
            int accepted = 0;
            List<String> failures = new ArrayList<>();
            for (HostileCorpus.Case c : cases) {
                HttpResponse<byte[]> r = s.upload("/api/submissions", s.admin, c.name() + ".xlsx", c.bytes());
                JsonNode body = TestServer.json(r);
                if (r.statusCode() >= 500) {
                    failures.add(c.name() + ": HTTP " + r.statusCode());
                } else if (r.statusCode() >= 400) {
                    refused++;
                    String rule = body.path("errors").path(0).path("rule").asText();
                    if (c.rule() != null && !c.rule().equals(rule)) {
                        failures.add(c.name() + ": expected " + c.rule() + " but was " + rule);
                    }
                    if (c.rule() != null && c.rule().equals("unreadable_file") && !body.path("errors").path(0)
                            .path("message").asText().contains("delen ")) {
                        failures.add(c.name() + ": the part is not named: " + body.path("errors"));
                    }
                } else {
                    accepted++;
                    if (c.rule() != null) {
                        failures.add(c.name() + ": accepted, should be " + c.rule());
                        continue;
                    }
                    HttpResponse<byte[]> annotated = s.get("/api/submissions/" + body.get("id").asLong()
                            + "/annotated.xlsx", s.admin);
                    if (annotated.statusCode() != 200) {
                        failures.add(c.name() + ": accepted without an annotated copy (" + annotated.statusCode()
                                + " " + new String(annotated.body(), java.nio.charset.StandardCharsets.UTF_8) + ") "
                                + body);
                    } else {
                        try (var wb = Sheets.open(annotated.body())) {
                            assertTrue(wb.getNumberOfSheets() > 1);
                        }
                    }
                }
            }
            System.out.println("Valid workbook mutated: " + cases.size() + " tried, " + refused + " refused, "
                    + accepted + " accepted, each with an annotated copy");
            assertEquals(List.of(), failures);
            assertEquals(cases.size(), refused + accepted);
        }
    }
}
