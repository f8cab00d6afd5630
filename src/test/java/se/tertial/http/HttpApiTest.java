package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;
import se.tertial.workbook.Metadata;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTTP API over real HTTP against a started server with a fresh SQLite file. */
class HttpApiTest {
    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(tmp);
    }

    @AfterEach
    void stop() {
        assertEquals(0, server.app().database().activeConnections(), "a connection was left open");
        server.close();
    }

    @Test
    void healthAnswersWithoutData() {
        HttpResponse<byte[]> r = server.get("/api/health", null);
        assertEquals(200, r.statusCode(), "the load balancer asks without a key");
        assertEquals("ok", TestServer.json(r).get("status").asText());
        assertEquals("ok", TestServer.json(r).get("database").asText());
        assertEquals(se.tertial.testkit.TestStores.postgres() ? "postgresql" : "sqlite",
                TestServer.json(r).get("store").asText());
    }

    @Test
    void organisationListsNamnderInReportOrderWithTheirUnits() {
        JsonNode org = TestServer.json(server.get("/api/organisation"));
        assertEquals("Region Exempel", org.get("region").asText());
        assertEquals(6, org.get("namnder").size());
        JsonNode fs = org.get("namnder").get(0);
        assertEquals("FS", fs.get("code").asText());
        assertEquals(7, fs.get("units").size());
        assertEquals("FS-PRIV", fs.get("units").get(0).get("code").asText());
        assertEquals("centralt", fs.get("units").get(0).get("group").asText());
        JsonNode rf = org.get("namnder").get(5);
        assertTrue(rf.get("units").get(0).get("group").isNull());
        int units = 0;
        for (JsonNode n : org.get("namnder")) {
            units += n.get("units").size();
        }
        assertEquals(20, units);
    }

    @Test
    void createsAndListsPeriods() {
        assertEquals(0, TestServer.json(server.get("/api/periods")).size());
        HttpResponse<byte[]> created = server.post("/api/periods", "{\"code\":\"2022-T2\",\"deadline\":\"2022-09-09\"}");
        assertEquals(201, created.statusCode());
        assertEquals("/api/periods/2022-T2", created.headers().firstValue("Location").orElseThrow());
        JsonNode p = TestServer.json(created);
        assertEquals("2022-T2", p.get("code").asText());
        assertEquals("2022-09-09", p.get("deadline").asText());
        assertEquals("open", p.get("state").asText());
        assertEquals("Tertial 2 2022 (jan–aug)", p.get("name").asText());
        server.post("/api/periods", "{\"code\":\"2022-T1\",\"deadline\":\"2022-05-10\"}");
        JsonNode list = TestServer.json(server.get("/api/periods"));
        assertEquals(2, list.size());
        assertEquals("2022-T2", list.get(0).get("code").asText(), "newest first");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"code\":\"2022-T4\",\"deadline\":\"2022-09-09\"}|400|Ogiltig period \"2022-T4\"",
            "{\"code\":\"2022-T2\",\"deadline\":\"9 sep 2022\"}|400|Ogiltigt datum",
            "{\"code\":\"2022-T2\"}|400|Fältet \"deadline\" saknas",
            "{\"code\":\"2022-T2\",\"deadline\":\"2022-09-09\",\"x\":1}|400|Fältet \"x\" har fel typ eller finns inte",
            "not json|400|inte giltig JSON",
            "{\"code\":\"2021-T3\",\"deadline\":\"2022-02-01\"}|409|Perioden 2021-T3 finns redan"})
    void refusesBadPeriodsWithASwedishMessage(String body, int status, String message) {
        server.post("/api/periods", "{\"code\":\"2021-T3\",\"deadline\":\"2022-02-01\"}");
        HttpResponse<byte[]> r = server.post("/api/periods", body);
        assertEquals(status, r.statusCode());
        JsonNode error = TestServer.json(r);
        assertEquals(status, error.get("status").asInt());
        assertTrue(error.get("message").asText().contains(message), error.toString());
        assertEquals(1, TestServer.json(server.get("/api/periods")).size(), "nothing else stored");
    }

    @Test
    void downloadsAUnitsTemplateAsXlsxWithASwedishFileName() throws Exception {
        createPeriod("2022-T2");
        HttpResponse<byte[]> r = server.get("/api/templates/FS-MED/2022-T2.xlsx");
        assertEquals(200, r.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                r.headers().firstValue("Content-Type").orElseThrow());
        String disposition = r.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.startsWith("attachment; filename=\"Tertialrapport 2022-T2 FS-MED Medicinsk vard.xlsx\""),
                disposition);
        assertTrue(disposition.contains("filename*=UTF-8''Tertialrapport%202022-T2%20FS-MED%20Medicinsk%20v%C3%A5rd.xlsx"),
                disposition);
        try (Workbook wb = Sheets.open(r.body())) {
            assertInstanceOf(XSSFWorkbook.class, wb);
            Metadata m = Metadata.read(wb).orElseThrow();
            assertEquals("FS-MED", m.unit().value());
            assertEquals("2022-T2", m.period().toString());
            String instructions = wb.getSheetAt(0).getRow(6).getCell(1).getStringCellValue();
            assertEquals("2022-09-09", instructions, "the period's deadline");
        }
    }

    @Test
    void downloadsTheLegacyXlsVariant() throws Exception {
        createPeriod("2022-T2");
        HttpResponse<byte[]> r = server.get("/api/templates/RSO-FINANS/2022-T2.xls");
        assertEquals(200, r.statusCode());
        assertEquals("application/vnd.ms-excel", r.headers().firstValue("Content-Type").orElseThrow());
        try (Workbook wb = Sheets.open(r.body())) {
            assertInstanceOf(HSSFWorkbook.class, wb);
            assertEquals("RSO-FINANS", Metadata.read(wb).orElseThrow().unit().value());
            assertTrue(wb.getSheet("Finansiering") != null && wb.getSheet("Balans") != null);
        }
    }

    @Test
    void zipsEveryUnitsTemplate() throws Exception {
        createPeriod("2022-T2");
        HttpResponse<byte[]> r = server.get("/api/templates/2022-T2.zip");
        assertEquals(200, r.statusCode());
        assertEquals("application/zip", r.headers().firstValue("Content-Type").orElseThrow());
        Set<String> units = new HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.body()), StandardCharsets.UTF_8)) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                try (Workbook wb = Sheets.open(zip.readAllBytes())) {
                    String unit = Metadata.read(wb).orElseThrow().unit().value();
                    assertTrue(e.getName().startsWith("Tertialrapport 2022-T2 " + unit + " "), e.getName());
                    units.add(unit);
                }
            }
        }
        assertEquals(20, units.size());
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "/api/templates/XX-YY/2022-T2.xlsx|404|Okänd enhet \"XX-YY\"",
            "/api/templates/FS-MED/2023-T1.xlsx|404|Perioden 2023-T1 finns inte",
            "/api/templates/2023-T1.zip|404|Perioden 2023-T1 finns inte",
            "/api/templates/FS-MED/2022-X2.xlsx|400|Ogiltig period \"2022-X2\"",
            "/api/templates/FS-MED/2022-T9.xls|400|Ogiltig period \"2022-T9\"",
            "/api/templates/2022.zip|400|Ogiltig period \"2022\"",
            "/api/templates/FS-MED/2022-T2.pdf|404|finns inte",
            "/api/finns-inte|404|Adressen /api/finns-inte finns inte"})
    void answersUnknownOrMalformedRequestsWithJsonInSwedish(String path, int status, String message) {
        createPeriod("2022-T2");
        HttpResponse<byte[]> r = server.get(path);
        assertEquals(status, r.statusCode(), path);
        assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        JsonNode error = TestServer.json(r);
        assertEquals(status, error.get("status").asInt());
        assertTrue(error.get("message").asText().contains(message), error.toString());
    }

    private void createPeriod(String code) {
        assertEquals(201, server.post("/api/periods",
                "{\"code\":\"" + code + "\",\"deadline\":\"2022-09-09\"}").statusCode());
    }
}
