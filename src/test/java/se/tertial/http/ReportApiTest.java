package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.RegionFixture;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;
import se.tertial.testkit.TestSpecs;

import java.math.BigDecimal;
import java.math.MathContext;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End to end: a period, every unit's upload over HTTP, then the consolidated JSON and workbook. */
class ReportApiTest {
    @TempDir
    Path tmp;
    TestServer server;
    RegionFixture region;

    @BeforeEach
    void start() {
        server = new TestServer(tmp);
        region = new RegionFixture(server, "2022-T2", List.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void namndsavvikelserPerNamndAndGroup() {
        JsonNode body = json("namndsavvikelser");
        assertEquals(0, body.get("report").get("missing").size());
        assertEquals("Tertial 2:2022", body.get("report").get("name").asText());
        Map<String, BigDecimal[]> expected = new HashMap<>();
        BigDecimal totalPeriod = BigDecimal.ZERO;
        BigDecimal totalForecast = BigDecimal.ZERO;
        for (var u : TestSpecs.catalog().organisation().units()) {
            BigDecimal[] d = region.deviations.get(u.code().value());
            if (d == null) {
                continue;
            }
            for (String key : List.of(u.namnd().value(), u.namnd().value() + "/" + u.group().orElse(""))) {
                expected.merge(key, d.clone(), (a, b) -> new BigDecimal[] {a[0].add(b[0]), a[1].add(b[1])});
            }
            totalPeriod = totalPeriod.add(d[0]);
            totalForecast = totalForecast.add(d[1]);
        }
        String namnd = null;
        int rows = 0;
        for (JsonNode row : body.get("rows")) {
            String kind = row.get("kind").asText();
            BigDecimal[] e;
            if (kind.equals("namnd")) {
                namnd = row.get("namnd").asText();
                e = expected.get(namnd);
            } else if (kind.equals("group")) {
                e = expected.get(namnd + "/" + row.get("label").asText().substring("varav ".length()));
            } else {
                e = new BigDecimal[] {totalPeriod, totalForecast};
            }
            assertEquals(0, e[0].compareTo(row.get("periodDeviation").decimalValue()), row.toString());
            assertEquals(0, e[1].compareTo(row.get("forecastDeviation").decimalValue()), row.toString());
            rows++;
        }
        assertEquals(18, rows, "6 nämnder, 11 varav rows (RF has one group; RSÖ's finansiering group has no resultat), Totalt");
        JsonNode fsMed = body.get("drilldown").get(0).get("groups").get(1).get("units").get(2);
        assertEquals("FS-MED", fsMed.get("unit").asText());
        assertTrue(fsMed.get("comments").get(0).asText().contains("Kommentar från FS-MED."));
    }

    @Test
    void resultatrakningBalansrakningNyckeltalAndChecks() {
        Map<String, JsonNode> rr = rows(json("resultatrakning"), "code");
        BigDecimal vnk = region.verkInt.add(region.verkKost).add(region.avskr);
        assertAmount(region.verkInt, rr.get("VERK_INT").get("outcome"), "internal revenue eliminated");
        assertAmount(region.verkKost, rr.get("VERK_KOST").get("outcome"), "internal costs eliminated");
        assertAmount(vnk, rr.get("VNK").get("outcome"));
        assertAmount(RegionFixture.SKATT, rr.get("SKATT").get("outcome"));
        assertAmount(vnk.add(RegionFixture.SKATT).add(RegionFixture.GSB), rr.get("VR").get("outcome"));
        assertAmount(region.arsResultat, rr.get("AR").get("outcome"));
        assertTrue(rr.get("AR").get("samePeriodLastYear").isNull(), "no 2021 data: empty, not zero");
        assertAmount(BigDecimal.ZERO, rr.get("EXTRAORD").get("outcome"), "a blank line in a filled column is 0");

        Map<String, JsonNode> br = rows(json("balansrakning"), "line");
        BigDecimal tillg = new BigDecimal("500000").add(br.get("BR_KASSA").get("value").decimalValue());
        assertAmount(tillg, br.get("SUM_TILLG").get("value"));
        assertAmount(tillg, br.get("SUM_EKAS").get("value"));
        assertAmount(region.arsResultat, br.get("BR_EK_ARETS").get("value"));
        assertAmount(new BigDecimal("42"), br.get("BR_ANSV_PENS").get("value"));

        Map<String, JsonNode> k = rows(json("nyckeltal"), "label");
        MathContext mc = new MathContext(12);
        BigDecimal oms = br.get("SUM_OMS").get("value").decimalValue();
        assertAmount(oms.divide(new BigDecimal("150000"), mc), k.get("Likviditet").get("value"));
        assertAmount(new BigDecimal("300000").add(region.arsResultat).divide(tillg, mc), k.get("Soliditet").get("value"));
        assertAmount(oms.subtract(new BigDecimal("150000")), k.get("Rörelsekapital").get("value"));
        assertAmount(vnk.negate().divide(RegionFixture.SKATT.add(RegionFixture.GSB), mc),
                k.get("Nettokostnad / skatteintäkter och generella statsbidrag").get("value"));
        assertTrue(k.get("Nettokostnadsökning mot samma period föregående år").get("value").isNull());

        Map<String, JsonNode> checks = rows(json("kontroller"), "code");
        for (String c : List.of("INTERNHANDEL", "BALANS", "ARETS_RESULTAT", "PROGNOS_IDENTITET", "UNDERLAG")) {
            assertTrue(checks.get(c).get("ok").asBoolean(), c + " " + checks.get(c));
        }
        assertTrue(checks.get("INGAENDE_EK").get("difference").isNull(), "no last year's bokslut to compare with");
    }

    @Test
    void theWorkbookDownloadsForFinanceOnly() throws Exception {
        HttpResponse<byte[]> r = server.get("/api/reports/2022-T2/konsolidering.xlsx");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Disposition").orElseThrow().contains("Sammanst"));
        try (Workbook wb = Sheets.open(r.body())) {
            assertEquals(List.of("Nämndsavvikelser", "Prognoshistorik", "FS", "ANA", "TIM", "RS", "RSÖ", "RF",
                    "Resultaträkning", "Balansräkning", "Nyckeltal", "Kontroller", "Underlag"), names(wb));
        }
        assertEquals(403, server.get("/api/reports/2022-T2/konsolidering.xlsx", server.controller).statusCode());
        assertEquals(404, server.get("/api/reports/2030-T1/nyckeltal.json").statusCode());
        assertEquals(404, server.get("/api/reports/2022-T2/okand.json").statusCode());
    }

    private JsonNode json(String name) {
        HttpResponse<byte[]> r = server.get("/api/reports/2022-T2/" + name + ".json");
        assertEquals(200, r.statusCode(), new String(r.body()));
        return TestServer.json(r);
    }

    private static Map<String, JsonNode> rows(JsonNode body, String key) {
        Map<String, JsonNode> m = new HashMap<>();
        body.get("rows").forEach(n -> m.put(n.get(key).asText(), n));
        return m;
    }

    private static void assertAmount(BigDecimal expected, JsonNode actual) {
        assertAmount(expected, actual, "");
    }

    private static void assertAmount(BigDecimal expected, JsonNode actual, String message) {
        assertEquals(0, expected.compareTo(actual.decimalValue()), message + ": expected " + expected + " but was " + actual);
    }

    private static List<String> names(Workbook wb) {
        List<String> n = new java.util.ArrayList<>();
        wb.forEach(s -> n.add(s.getSheetName()));
        return n;
    }
}
