package se.tertial.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestServer;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OData feed over HTTP (issue 26): the requests Power Query sends, header by header; every query option
 * against figures computed here from the stored facts; server-driven paging that never filters after paging;
 * refusals in Swedish; a controller's feed holding only their units; keys from Basic authentication or the URL.
 */
class FeedTest {
    @TempDir
    static Path tmp;
    static TestServer s;
    /** Each stored fact of the current versions: "period/unit/template/line/col" → kronor. */
    static Map<String, Long> facts = new TreeMap<>();

    @BeforeAll
    static void region() {
        s = new TestServer(tmp.resolve("data"), TestServer.GENEROUS.withFeedPageRows(50));
        s.createPeriod("2022-T2");
        for (String unit : List.of("FS-MED", "FS-KIR", "RS-IT")) {
            assertEquals(201, s.upload(s.admin, FilledTemplate.of(unit, "2022-T2").valid()
                    .setText("Resultat", "KOST_LON", "KOMMENTAR", "Löner i " + unit).bytes()).statusCode());
        }
        for (String unit : List.of("FS-MED", "FS-KIR", "RS-IT")) {
            for (String line : s.currentFacts(unit, "2022-T2").split("\n")) {
                String[] kv = line.substring(line.indexOf(' ') + 1).split("=");
                facts.put("2022-T2/" + unit + "/" + kv[0].replace('.', '/'), Long.parseLong(kv[1]));
            }
        }
        assertTrue(facts.size() > 150, "enough facts for several pages: " + facts.size());
    }

    /** The server's address without a trailing slash. */
    static String base() {
        return s.uri("").toString().replaceAll("/$", "");
    }

    @AfterAll
    static void stop() {
        s.close();
    }

    static HttpResponse<byte[]> get(String pathAndQuery, String key) {
        return FeedTestClient.get(s, pathAndQuery, key);
    }

    static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Every row of a set, following nextLinks; asserts each page's headers on the way. */
    static List<JsonNode> all(String first, String key) {
        List<JsonNode> rows = new ArrayList<>();
        String next = first;
        int pages = 0;
        while (next != null) {
            HttpResponse<byte[]> r = get(next, key);
            assertEquals(200, r.statusCode(), next + ": " + new String(r.body(), StandardCharsets.UTF_8));
            assertEquals(List.of("4.0"), r.headers().allValues("OData-Version"), "exactly one OData-Version");
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow()
                    .startsWith("application/json;odata.metadata=minimal"), r.headers().toString());
            JsonNode body = TestServer.json(r);
            body.get("value").forEach(rows::add);
            assertTrue(body.get("value").size() <= 50, "a page holds at most the page size");
            next = body.has("@odata.nextLink") ? body.get("@odata.nextLink").asText() : null;
            if (next != null) {
                assertTrue(next.startsWith(base() + "/odata/"), next);
                next = next.substring(base().length());
            }
            assertTrue(++pages < 100);
        }
        return rows;
    }

    @Test
    void powerQuerysRequestsAreAnsweredHeaderByHeader() {
        HttpResponse<byte[]> root = get("/odata/", s.finance);
        assertEquals(200, root.statusCode());
        assertEquals(List.of("4.0"), root.headers().allValues("OData-Version"));
        JsonNode doc = TestServer.json(root);
        assertEquals(base() + "/odata/$metadata", doc.get("@odata.context").asText());
        List<String> sets = new ArrayList<>();
        doc.get("value").forEach(v -> sets.add(v.get("name").asText()));
        assertEquals(List.of("Fakta", "Enheter", "Perioder", "Kommentarer", "Status", "Namndsavvikelser"), sets);

        HttpResponse<byte[]> metadata = get("/odata/$metadata", s.finance);
        assertEquals(200, metadata.statusCode());
        assertTrue(metadata.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));
        assertEquals(List.of("4.0"), metadata.headers().allValues("OData-Version"));
        String csdl = new String(metadata.body(), StandardCharsets.UTF_8);
        assertTrue(csdl.contains("Version=\"4.0\"") && csdl.contains("<EntityType Name=\"Faktum\">")
                && csdl.contains("<Property Name=\"BeloppTkr\" Type=\"Edm.Decimal\" Precision=\"19\" Scale=\"3\"/>")
                && csdl.contains("<Property Name=\"Inlamnad\" Type=\"Edm.DateTimeOffset\"")
                && !csdl.contains("NavigationProperty"), csdl);

        List<JsonNode> rows = all("/odata/Fakta", s.finance);
        assertEquals(facts.size(), rows.size(), "every fact once, page by page");
        Map<String, Long> seen = new TreeMap<>();
        for (JsonNode r : rows) {
            seen.put(r.get("Id").asText(), new BigDecimal(r.get("BeloppTkr").asText()).movePointRight(3)
                    .longValueExact());
        }
        assertEquals(facts, seen, "each row's tkr is its stored kronor, exactly");
        JsonNode first = rows.get(0);
        assertEquals("2022-T2", first.get("Period").asText());
        assertEquals(2022, first.get("Ar").asInt());
        assertEquals(2, first.get("Tertial").asInt());
        assertEquals("inlämnad", first.get("Granskning").asText());
        assertFalse(first.get("Godkand").asBoolean());
        assertTrue(first.get("Inlamnad").asText().endsWith("Z"), first.toString());
        HttpResponse<byte[]> page = get("/odata/Fakta", s.finance);
        assertEquals(base() + "/odata/$metadata#Fakta", TestServer.json(page).get("@odata.context").asText());
        assertTrue(!new String(page.body(), StandardCharsets.UTF_8).matches("(?s).*\"BeloppTkr\":-?[0-9.]+[eE].*"),
                "never exponent form");
    }

    @Test
    void everyQueryOptionGivesWhatTheFactsSay() {
        // $filter on text, numbers, and/or/not and parentheses; $count; paging after the filter, not before.
        String filter = "Enhet eq 'FS-MED' and (Kolumn eq 'UTFALL' or Kolumn eq 'PROGNOS') and not (BeloppTkr ge 0)";
        List<JsonNode> rows = all("/odata/Fakta?$filter=" + q(filter) + "&$count=true", s.finance);
        long expected = facts.entrySet().stream().filter(e -> e.getKey().startsWith("2022-T2/FS-MED/")
                && (e.getKey().endsWith("/UTFALL") || e.getKey().endsWith("/PROGNOS")) && e.getValue() < 0).count();
        assertEquals(expected, rows.size());
        JsonNode counted = TestServer.json(get("/odata/Fakta?$filter=" + q(filter) + "&$count=true", s.finance));
        assertEquals(expected, counted.get("@odata.count").asLong());
        // tkr compared exactly: 0.5 tkr is 500 kr
        long above = facts.values().stream().filter(v -> v > 500).count();
        assertEquals(above, all("/odata/Fakta?$filter=" + q("BeloppTkr gt 0.5"), s.finance).size());
        assertEquals(0, all("/odata/Fakta?$filter=" + q("BeloppTkr eq 0.0005"), s.finance).size());
        // $select: only the properties asked for
        JsonNode selected = TestServer.json(get("/odata/Enheter?$select=Kod,Namn&$orderby=" + q("Kod desc") + "&$top=3",
                s.finance)).get("value");
        assertEquals(3, selected.size());
        assertEquals(List.of("Kod", "Namn"), fields(selected.get(0)));
        assertEquals("TIM-LT", selected.get(0).get("Kod").asText(), "the codes sorted descending");
        // $skip and $top over the natural order
        JsonNode units = TestServer.json(get("/odata/Enheter?$skip=2&$top=2", s.finance)).get("value");
        assertEquals("FS-FTV", units.get(0).get("Kod").asText());
        assertEquals(2, units.size());
        // sorted by a property across pages: every row once, in order
        List<JsonNode> sorted = all("/odata/Fakta?$orderby=" + q("BeloppTkr desc,Id") + "&$select=Id,BeloppTkr",
                s.finance);
        assertEquals(facts.size(), sorted.size());
        assertEquals(facts.size(), sorted.stream().map(r -> r.get("Id").asText()).distinct().count());
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(new BigDecimal(sorted.get(i - 1).get("BeloppTkr").asText()).compareTo(
                    new BigDecimal(sorted.get(i).get("BeloppTkr").asText())) >= 0, "descending at " + i);
        }
        // $skip with pages after it: the natural order continues after the last row handed out
        assertEquals(facts.size() - 7, all("/odata/Fakta?$skip=7", s.finance).size());
        // a $top larger than a page still ends where it should, with links between
        assertEquals(120, all("/odata/Fakta?$top=120", s.finance).size());
        // dates, booleans, null
        assertEquals(1, all("/odata/Perioder?$filter=" + q("Deadline ge 2000-01-01 and Lage eq 'öppen'"),
                s.finance).size());
        assertEquals(0, all("/odata/Fakta?$filter=Godkand", s.finance).size());
        assertEquals(facts.size(), all("/odata/Fakta?$filter=" + q("Blad ne null and not Godkand"), s.finance)
                .size());
        // a boolean property compared, a literal on the left
        assertEquals(facts.size(), all("/odata/Fakta?$filter=" + q("false eq Godkand"), s.finance).size());
        JsonNode status = TestServer.json(get("/odata/Status?$filter=" + q("Granskning eq 'saknas'")
                + "&$count=true&$top=0", s.finance));
        assertEquals(17, status.get("@odata.count").asLong());
        assertEquals(0, status.get("value").size());
        JsonNode comments = TestServer.json(get("/odata/Kommentarer?$filter=" + q("Rad eq 'KOST_LON'"), s.finance));
        assertEquals(3, comments.get("value").size());
        assertEquals("Löner i FS-MED", comments.get("value").get(0).get("Text").asText());
        JsonNode count = TestServer.json(get("/odata/Fakta/$count".replace("$count", "%24count"), s.finance));
        assertEquals(facts.size(), count.asLong());
    }

    private static List<String> fields(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(f -> {
            if (!f.startsWith("@")) {
                out.add(f);
            }
        });
        return out;
    }

    @Test
    void whatTheFeedDoesNotDoIsRefusedInSwedish() {
        Map<String, String> refused = new HashMap<>();
        refused.put("/odata/Fakta?$filter=" + q("contains(Enhet,'FS')"), "Funktionen");
        refused.put("/odata/Fakta?$filter=" + q("BeloppTkr add 1 gt 2"), "Operatorn");
        refused.put("/odata/Fakta?$filter=" + q("Enhet eq Namnd"), "jämför en egenskap med ett värde");
        refused.put("/odata/Fakta?$filter=" + q("Ar eq 'tjugo'"), "har inte egenskapens typ");
        refused.put("/odata/Fakta?$filter=" + q("Finns eq 1"), "Egenskapen Finns finns inte");
        refused.put("/odata/Fakta?$expand=*", "$expand");
        refused.put("/odata/Fakta?$search=lön", "$search");
        refused.put("/odata/Fakta?$apply=" + q("groupby((Enhet))"), "$apply");
        refused.put("/odata/Fakta?$orderby=" + q("BeloppTkr add 1"), "");
        refused.put("/odata/Fakta?$skiptoken=17", "Sidmarkeringen");
        refused.put("/odata/Fakta?$top=-1", "");
        refused.put("/odata/Fakta?$filter=" + q("Enhet eq 'FS"), "");
        refused.put("/odata/Okand", "");
        refused.put("/odata/Fakta?$filter=" + q(String.join(" or ", java.util.Collections.nCopies(201,
                "Ar eq 1"))), "fler än 200 jämförelser");
        for (var e : refused.entrySet()) {
            HttpResponse<byte[]> r = get(e.getKey(), s.finance);
            assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, e.getKey() + " → " + r.statusCode());
            JsonNode body = TestServer.json(r);
            String message = body.get("error").get("message").asText();
            assertTrue(message.contains(e.getValue()), e.getKey() + ": " + message);
            assertFalse(message.matches("(?s).*\\b(The|is|invalid|Exception|cannot|must|property)\\b.*"),
                    "Swedish: " + message);
        }
    }

    @Test
    void aControllersFeedHoldsOnlyTheirUnits() {
        List<JsonNode> rows = all("/odata/Fakta", s.controller);
        long mine = facts.keySet().stream().filter(k -> k.contains("/FS-MED/") || k.contains("/FS-KIR/")).count();
        assertEquals(mine, rows.size());
        assertTrue(rows.stream().allMatch(r -> List.of("FS-MED", "FS-KIR").contains(r.get("Enhet").asText())));
        assertEquals(0, all("/odata/Fakta?$filter=" + q("Enhet eq 'RS-IT'"), s.controller).size());
        assertEquals(mine, TestServer.json(get("/odata/Fakta?$count=true&$top=1", s.controller))
                .get("@odata.count").asLong());
        assertEquals(2, all("/odata/Enheter", s.controller).size());
        assertEquals(2, all("/odata/Status", s.controller).size());
        assertEquals(2, all("/odata/Kommentarer", s.controller).size());
        assertEquals(0, all("/odata/Namndsavvikelser", s.controller).size(), "the region's figures are finance's");
        assertTrue(all("/odata/Namndsavvikelser", s.finance).size() > 5);
        assertEquals(1, all("/odata/Perioder", s.controller).size());
    }

    @Test
    void aKeyComesByBasicOrInTheAddressAndAWrongOneIsAChallenge() {
        HttpResponse<byte[]> none = get("/odata/Fakta", null);
        assertEquals(401, none.statusCode());
        assertEquals("Basic realm=\"tertial\"",
                none.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(TestServer.json(none).get("error").get("message").asText().contains("API-nyckel"));
        assertEquals(401, get("/odata/Fakta", "fel-nyckel").statusCode());
        assertEquals(200, get("/odata/Enheter?nyckel=" + q(s.finance), null).statusCode());
        JsonNode paged = TestServer.json(get("/odata/Fakta?nyckel=" + q(s.finance), null));
        assertFalse(paged.get("@odata.nextLink").asText().contains("nyckel"), "the key is not written back");
        // Reads are audited once per key and day, not per page.
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/odata/Perioder", s.finance).statusCode());
        }
        var events = s.app().audit().list(s.app().users().require("admin"), new se.tertial.app.AuditService.Query(
                null, null, "ekonomi", "feed_read", null, null));
        assertEquals(1, events.size(), events.toString());
    }

    /** A key in the address, right or wrong, and a failing request: none of it reaches the server's log. */
    @Test
    void aKeyInTheAddressNeverReachesTheLog() {
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        String wrong = "tertial_" + "x".repeat(40);
        System.setErr(new java.io.PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            assertEquals(401, get("/odata/Fakta?nyckel=" + wrong, null).statusCode());
            assertEquals(400, get("/odata/Fakta?nyckel=" + q(s.finance) + "&$filter=" + q("contains(Enhet,'x')"),
                    null).statusCode());
            assertEquals(200, get("/odata/Enheter?nyckel=" + q(s.finance), null).statusCode());
        } finally {
            System.setErr(err);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("feed: unknown or revoked key"), "the refusal is logged: " + text);
        assertFalse(text.contains(wrong) || text.contains(s.finance), text);
    }
}
