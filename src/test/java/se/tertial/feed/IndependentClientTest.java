package se.tertial.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.olingo.client.api.ODataClient;
import org.apache.olingo.client.api.domain.ClientEntity;
import org.apache.olingo.client.api.domain.ClientEntitySet;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.client.core.http.BasicAuthHttpClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestServer;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Olingo's own OData client — not our code — reads the feed as Excel would: fetches {@code $metadata}, pages through
 * {@code Fakta} filtered on period and nämnd by following each next link, and the sums of {@code BeloppTkr} per
 * nämnd over the net cost line's deviation columns equal the report's nämndsavvikelser JSON; {@code Namndsavvikelser}
 * holds the same figures.
 */
class IndependentClientTest {
    @TempDir
    Path tmp;

    @Test
    void olingosClientPagesThroughFaktaAndTheSumsAreTheReports() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"), TestServer.GENEROUS.withFeedPageRows(40))) {
            s.createPeriod("2022-T2");
            for (String unit : List.of("FS-MED", "FS-KIR", "RS-IT", "ANA-UK")) {
                var r = s.upload(s.admin, FilledTemplate.of(unit, "2022-T2").valid()
                        .set("Resultat", "KOST_LON", "UTFALL", unit.startsWith("FS") ? "-80123.5" : "-80400")
                        .setText("Resultat", "KOST_LON", "KOMMENTAR", "Vikarier under sommaren.").bytes());
                assertEquals(201, r.statusCode(), new String(r.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            String root = s.uri("").toString().replaceAll("/$", "") + "/odata/";
            ODataClient client = ODataClientFactory.getClient();
            client.getConfiguration().setHttpClientFactory(new BasicAuthHttpClientFactory("excel", s.finance));
            Edm edm = client.getRetrieveRequestFactory().getMetadataRequest(root).execute().getBody();
            assertNotNull(edm.getEntityContainer().getEntitySet("Fakta"));
            assertEquals("Edm.Decimal", edm.getEntityContainer().getEntitySet("Fakta").getEntityType()
                    .getStructuralProperty("BeloppTkr").getType().getFullQualifiedName().getFullQualifiedNameAsString());

            JsonNode report = TestServer.json(s.get("/api/reports/2022-T2/namndsavvikelser.json"));
            int checked = 0;
            for (JsonNode row : report.get("rows")) {
                if (!"namnd".equals(row.get("kind").asText())) {
                    continue;
                }
                String namnd = row.get("namnd").asText();
                Map<String, BigDecimal> sums = new HashMap<>();
                int pages = 0;
                URI next = client.newURIBuilder(root).appendEntitySetSegment("Fakta").filter("Period eq '2022-T2' and "
                        + "Namnd eq '" + namnd + "' and Mall eq 'resultat' and Rad eq 'SUM_VNK'").count(true).build();
                Integer count = null;
                int rows = 0;
                while (next != null) {
                    ClientEntitySet page = client.getRetrieveRequestFactory().getEntitySetRequest(next).execute()
                            .getBody();
                    if (count == null) {
                        count = page.getCount();
                    }
                    for (ClientEntity e : page.getEntities()) {
                        BigDecimal tkr = e.getProperty("BeloppTkr").getPrimitiveValue().toCastValue(BigDecimal.class);
                        sums.merge(e.getProperty("Kolumn").getPrimitiveValue().toString(), tkr, BigDecimal::add);
                        rows++;
                    }
                    next = page.getNext();
                    pages++;
                }
                assertEquals(count, rows, "the count and the rows paged through agree");
                BigDecimal period = decimal(row.get("periodDeviation"));
                BigDecimal forecast = decimal(row.get("forecastDeviation"));
                assertEquals(period, sums.get("AVV_PERIOD") == null ? null : sums.get("AVV_PERIOD")
                        .stripTrailingZeros(), namnd + " period deviation");
                assertEquals(forecast, sums.get("AVV_PROGNOS") == null ? null : sums.get("AVV_PROGNOS")
                        .stripTrailingZeros(), namnd + " forecast deviation");
                if (period != null) {
                    checked++;
                }
                assertTrue(pages >= 1);
            }
            assertTrue(checked >= 2, "FS and ANA have figures");

            // The whole Fakta set, page by page (40 a page), is every stored fact.
            URI next = client.newURIBuilder(root).appendEntitySetSegment("Fakta").build();
            int total = 0;
            int pages = 0;
            while (next != null) {
                ClientEntitySet page = client.getRetrieveRequestFactory().getEntitySetRequest(next).execute().getBody();
                total += page.getEntities().size();
                next = page.getNext();
                pages++;
            }
            assertEquals(s.count("fact"), total);
            assertTrue(pages > 5, "several pages: " + pages);

            // Every row of the nämndsavvikelser, varav rows and the total too, in the report's order.
            ClientEntitySet namnd = client.getRetrieveRequestFactory().getEntitySetRequest(client.newURIBuilder(root)
                    .appendEntitySetSegment("Namndsavvikelser").filter("Period eq '2022-T2'").orderBy("Ordning")
                    .build()).execute().getBody();
            int i = 0;
            for (JsonNode row : report.get("rows")) {
                ClientEntity e = namnd.getEntities().get(i++);
                assertEquals(row.get("label").asText(), e.getProperty("Rad").getPrimitiveValue().toString());
                assertEquals(Map.of("namnd", "nämnd", "group", "varav", "total", "totalt").get(row.get("kind")
                        .asText()), e.getProperty("Typ").getPrimitiveValue().toString());
                assertEquals(decimal(row.get("periodDeviation")), strip(e, "PeriodavvikelseTkr"));
                assertEquals(decimal(row.get("forecastDeviation")), strip(e, "PrognosavvikelseTkr"));
            }
            assertEquals(i, namnd.getEntities().size());
        }
    }

    private static BigDecimal strip(ClientEntity e, String property) {
        if (e.getProperty(property).hasNullValue()) {
            return null;
        }
        var v = e.getProperty(property).getPrimitiveValue();
        try {
            BigDecimal d = v.toCastValue(BigDecimal.class);
            return d == null ? null : d.stripTrailingZeros();
        } catch (org.apache.olingo.commons.api.edm.EdmPrimitiveTypeException x) {
            throw new IllegalStateException(x);
        }
    }

    private static BigDecimal decimal(JsonNode n) {
        return n == null || n.isNull() ? null : new BigDecimal(n.asText()).stripTrailingZeros();
    }
}
