package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.report.UnitFacts;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.FactKey;
import se.tertial.spec.LineCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.UnitCode;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestServer;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The review figures of a unit (issue 25) as JSON: the same amounts the consolidation reads, line by line; the
 * warnings at their lines; the lines whose deviation needs a comment; what changed since the previous version, the
 * returned one and last year's same period; only for those who may see the unit. On SQLite and PostgreSQL.
 */
class ReviewFiguresTest {
    @TempDir
    Path tmp;

    private static final String FIGURES = "/api/periods/2022-T2/units/FS-MED/figures";

    @Test
    void theFiguresAreTheConsolidationsAndSayWhatChanged() {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.createPeriod("2021-T2");
            s.createPeriod("2022-T2");
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2021-T2").valid()
                    .set("Resultat", "KOST_LON", "UTFALL", "-79000").bytes()).statusCode());
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid()
                    .set("Resultat", "KOST_INHYRD", "UTFALL", "-2500").set("Resultat", "KOST_INHYRD", "BUDGET_PERIOD",
                            "-500").setText("Resultat", "KOST_INHYRD", "KOMMENTAR", "Sommarvikarier.")
                    .set("Resultat", "INT_OVRIGA", "UTFALL", "-40").bytes()).statusCode());
            assertEquals(200, s.post("/api/periods/2022-T2/units/FS-MED/return",
                    "{\"version\":1,\"message\":\"Förklara lönerna.\"}", s.finance).statusCode());
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid()
                    .set("Resultat", "KOST_LON", "UTFALL", "-80400")
                    .set("Resultat", "KOST_INHYRD", "UTFALL", "-2500").set("Resultat", "KOST_INHYRD", "BUDGET_PERIOD",
                            "-500").setText("Resultat", "KOST_INHYRD", "KOMMENTAR", "Sommarvikarier och övertid.")
                    .bytes()).statusCode());

            JsonNode f = TestServer.json(s.get(FIGURES, s.finance));
            assertEquals(2, f.get("version").asInt());
            JsonNode sheet = f.get("sheets").get(0);
            assertEquals("Resultat", sheet.get("sheet").asText());
            List<String> columns = new ArrayList<>();
            sheet.get("columns").forEach(c -> columns.add(c.get("code").asText()));
            assertTrue(columns.contains("UTFALL") && !columns.contains("KOMMENTAR"), columns.toString());
            assertEquals("Utfall jan–aug 2022", sheet.get("columns").get(columns.indexOf("UTFALL")).get("heading")
                    .asText());

            // Every amount is the one the consolidation reads.
            UnitFacts used = s.app().reports().report("2022-T2").current().get(UnitCode.of("FS-MED"));
            int compared = 0;
            for (JsonNode line : sheet.get("lines")) {
                for (int c = 0; c < columns.size(); c++) {
                    var fact = used.facts().get(new FactKey(TemplateId.of("resultat"),
                            LineCode.of(line.get("line").asText()), ColumnCode.of(columns.get(c))));
                    JsonNode value = line.get("values").get(c);
                    if (fact == null) {
                        assertTrue(value.isNull(), line.get("line") + "/" + columns.get(c));
                    } else {
                        assertEquals(0, fact.tkr().compareTo(value.decimalValue()), line.get("line") + "/"
                                + columns.get(c));
                        compared++;
                    }
                }
            }
            assertTrue(compared > 20, "amounts compared: " + compared);
            JsonNode lon = line(sheet, "KOST_LON");
            assertEquals(0, new BigDecimal("-80400").compareTo(lon.get("values").get(columns.indexOf("UTFALL"))
                    .decimalValue()));
            JsonNode inhyrd = line(sheet, "KOST_INHYRD");
            assertEquals("Sommarvikarier och övertid.", inhyrd.get("comment").asText());
            assertTrue(inhyrd.get("needsComment").asBoolean(), "−2 000 tkr from budget needs a comment");
            assertFalse(line(sheet, "INT_AVGIFTER").get("needsComment").asBoolean());
            assertTrue(line(sheet, "SUM_VNK").get("sum").asBoolean());

            JsonNode returned = f.get("sinceReturned");
            assertEquals(1, returned.get("version").asInt());
            assertTrue(returned.get("against").asText().contains("återsände"), returned.toString());
            assertTrue(change(returned, "KOST_LON", "Utfall jan–aug 2022", "-80000.5", "-80400"), returned.toString());
            assertTrue(comment(returned, "KOST_INHYRD", "Sommarvikarier.", "Sommarvikarier och övertid."));
            assertEquals(returned.get("changes").toString(), f.get("sincePrevious").get("changes").toString(),
                    "the previous version is the returned one here");
            JsonNode lastYear = f.get("sinceLastYear");
            assertTrue(lastYear.get("against").asText().startsWith("2021-T2"), lastYear.toString());
            assertTrue(change(lastYear, "KOST_LON", "Utfall jan–aug 2022", "-79000", "-80400"), lastYear.toString());

            // Version 1 had a sign warning on INT_OVRIGA; the version shown, 2, has none there.
            assertEquals(0, line(sheet, "INT_OVRIGA").get("warnings").size());

            assertEquals(200, s.get(FIGURES, s.controller).statusCode(), "a controller reads their own unit");
            String other = s.app().users().add("controller.rs", "controller", List.of("RS-IT")).token();
            assertEquals(403, s.get(FIGURES, other).statusCode(), "and no other");
            assertEquals(404, s.get("/api/periods/2022-T2/units/FINNS-INTE/figures", s.finance).statusCode());
        }
    }

    @Test
    void aWarningStandsAtItsLine() {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.createPeriod("2022-T2");
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid()
                    .set("Resultat", "INT_OVRIGA", "UTFALL", "-40").bytes()).statusCode());
            JsonNode sheet = TestServer.json(s.get(FIGURES, s.finance)).get("sheets").get(0);
            JsonNode warnings = line(sheet, "INT_OVRIGA").get("warnings");
            assertEquals(1, warnings.size(), sheet.toString());
            assertTrue(warnings.get(0).asText().startsWith("Kontrollera tecken: "), warnings.toString());
            assertEquals(0, line(sheet, "KOST_LON").get("warnings").size());
            JsonNode nothing = TestServer.json(s.get("/api/periods/2022-T2/units/FS-KIR/figures", s.finance));
            assertTrue(nothing.get("version").isNull() && nothing.get("sheets").isEmpty());
        }
    }

    private static JsonNode line(JsonNode sheet, String code) {
        for (JsonNode l : sheet.get("lines")) {
            if (l.get("line").asText().equals(code)) {
                return l;
            }
        }
        throw new AssertionError("no line " + code);
    }

    private static boolean change(JsonNode comparison, String line, String column, String before, String after) {
        for (JsonNode c : comparison.get("changes")) {
            if (c.get("line").asText().equals(line) && c.get("column").asText().equals(column)
                    && new BigDecimal(before).compareTo(c.get("before").decimalValue()) == 0
                    && new BigDecimal(after).compareTo(c.get("after").decimalValue()) == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean comment(JsonNode comparison, String line, String before, String after) {
        for (JsonNode c : comparison.get("changes")) {
            if (c.get("line").asText().equals(line) && before.equals(c.get("commentBefore").asText())
                    && after.equals(c.get("commentAfter").asText())) {
                return true;
            }
        }
        return false;
    }
}
