package se.tertial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.Config;
import se.tertial.store.Database;
import se.tertial.store.DatabaseUrl;
import se.tertial.store.StoreMaintenance;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.PostgresServer;
import se.tertial.testkit.TestServer;
import se.tertial.testkit.TestSpecs;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What only PostgreSQL has: {@code store copy} from the embedded store, {@code store check} with amcheck, and a
 * health check that sees the server go away. Runs in the suite's PostgreSQL run only (pom.xml), on a real server.
 */
class PostgresStoreTest {
    @TempDir
    Path tmp;

    private static CliOutput.Run cli(String... args) {
        return CliOutput.capture(args);
    }

    private static final List<String> VIEWS = List.of("/api/periods", "/api/periods/2022-T2/status",
            "/api/reports/2022-T2/namndsavvikelser.json", "/api/reports/2022-T2/resultatrakning.json",
            "/api/reports/2022-T2/balansrakning.json", "/api/reports/2022-T2/nyckeltal.json",
            "/api/reports/2022-T2/kontroller.json", "/api/reports/2022-T2/resultatrakning.json?approved=true",
            "/api/submissions?period=2022-T2", "/api/periods/2022-T2/units/FS-MED/review",
            "/api/reports/2022-T1/resultatrakning.json");

    private static Map<String, String> views(TestServer s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String v : VIEWS) {
            HttpResponse<byte[]> r = s.get(v);
            assertEquals(200, r.statusCode(), v + ": " + new String(r.body(), StandardCharsets.UTF_8));
            m.put(v, new String(r.body(), StandardCharsets.UTF_8));
        }
        return m;
    }

    @Test
    void copyFromAFilledEmbeddedStoreGivesAPostgresStoreWithTheSameReports() throws Exception {
        Path sqlite = tmp.resolve("sqlite");
        Map<String, String> before;
        long originals;
        try (TestServer s = TestServer.onSqlite(sqlite)) {
            assertEquals(Database.Dialect.SQLITE, s.app().database().dialect());
            s.createPeriod("2022-T1");
            s.createPeriod("2022-T2");
            for (String unit : List.of("FS-MED", "FS-KIR")) {
                for (int v = 0; v < 3; v++) {
                    assertEquals(201, s.upload(s.controller, FilledTemplate.of(unit, "2022-T2").valid().set(
                            "Resultat", "INT_OVRIGA", "UTFALL", Integer.toString(10 + v)).bytes(),
                            "version " + v).statusCode());
                }
            }
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T1").valid().bytes())
                    .statusCode());
            assertEquals(422, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid()
                    .setText("Resultat", "KOST_LON", "UTFALL", "mycket").bytes()).statusCode());
            assertEquals(200, s.post("/api/periods/2022-T2/units/FS-MED/approve", "{\"version\":3}", s.finance)
                    .statusCode());
            s.app().auth().login("ekonomi", s.app().auth().setOneTimePassword(s.app().users().require("ekonomi")),
                    "10.0.0.1");
            before = views(s);
            originals = s.count("upload");
        }
        PostgresServer pg = PostgresServer.shared();
        DatabaseUrl url = pg.newDatabase();
        CliOutput.Run copied = cli("store", "copy", "--data", sqlite.toString(), "--templates", TestSpecs.DIR.toString(),
                "--to", url.jdbcUrl(), "--to-user", url.user());
        assertEquals(0, copied.exit(), copied.out() + copied.err());
        assertTrue(copied.out().contains("Kontrollerad"), copied.out());
        assertTrue(copied.out().matches("(?s).*upload +" + originals + " rader.*"), copied.out());

        Config onPg = new Config(TestSpecs.DIR, tmp.resolve("pg-data"), "127.0.0.1", 0, "http://tertial.test",
                "tertial", Config.DEFAULT_MAX_UPLOAD_BYTES, TestServer.GENEROUS).withDatabase(Optional.of(url));
        try (TestServer s = TestServer.exactly(onPg, false)) {
            assertEquals(Database.Dialect.POSTGRESQL, s.app().database().dialect());
            assertEquals(before, views(s), "every report and list the same, byte for byte");
            assertEquals(List.of(), StoreMaintenance.check(s.app().database()));
            // new rows continue after the copied ids
            HttpResponse<byte[]> next = s.upload(s.controller, FilledTemplate.of("FS-KIR", "2022-T2").valid()
                    .set("Resultat", "INT_OVRIGA", "UTFALL", "99").bytes());
            assertEquals(201, next.statusCode(), new String(next.body(), StandardCharsets.UTF_8));
            assertEquals(originals + 1, TestServer.json(next).get("id").asLong());
            assertEquals(4, TestServer.json(next).get("version").asInt());
        }

        // Into a database that holds tertial's rows: refused, nothing changed; with --replace: copied anew.
        CliOutput.Run refused = cli("store", "copy", "--data", sqlite.toString(), "--to", url.jdbcUrl(), "--to-user",
                url.user());
        assertEquals(2, refused.exit(), refused.out() + refused.err());
        assertTrue(refused.err().contains("innehåller redan") && refused.err().contains("--replace"), refused.err());
        try (Database db = Database.connect(url)) {
            assertEquals(originals + 1, se.tertial.store.StoreCopy.counts(db).get("upload"));
        }
        CliOutput.Run replaced = cli("store", "copy", "--data", sqlite.toString(), "--to", url.jdbcUrl(), "--to-user",
                url.user(), "--replace");
        assertEquals(0, replaced.exit(), replaced.out() + replaced.err());
        try (Database db = Database.connect(url)) {
            assertEquals(originals, se.tertial.store.StoreCopy.counts(db).get("upload"));
        }
    }

    @Test
    void checkOnPostgresRunsAmcheckAndFindsAVersionWithoutFactsAndAChangedOriginal() throws Exception {
        Path data = tmp.resolve("data");
        DatabaseUrl url = PostgresServer.shared().newDatabase();
        Config config = new Config(TestSpecs.DIR, data, "127.0.0.1", 0, "http://tertial.test", "tertial",
                Config.DEFAULT_MAX_UPLOAD_BYTES, TestServer.GENEROUS).withDatabase(Optional.of(url));
        try (TestServer s = TestServer.exactly(config, true)) {
            s.createPeriod("2022-T2");
            for (int v = 0; v < 2; v++) {
                assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().set(
                        "Resultat", "INT_OVRIGA", "UTFALL", Integer.toString(v + 1)).bytes()).statusCode());
            }
        }
        String[] check = {"store", "check", "--data", data.toString(), "--templates", TestSpecs.DIR.toString(),
                "--database", url.jdbcUrl(), "--database-user", url.user()};
        CliOutput.Run clean = cli(check);
        assertEquals(0, clean.exit(), clean.out() + clean.err());
        assertTrue(clean.out().contains("inga fel"), clean.out());
        try (Database db = Database.connect(url)) {
            assertTrue(StoreMaintenance.amcheck(db), "amcheck is there on Debian's server");
        }
        try (Connection c = PostgresServer.connect(url); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM fact WHERE submission_id = (SELECT MIN(id) FROM submission)");
            st.executeUpdate("UPDATE upload SET original = original || '\\x00'::bytea WHERE id = (SELECT MAX(id) FROM upload)");
        }
        CliOutput.Run damaged = cli(check);
        assertEquals(1, damaged.exit(), damaged.out() + damaged.err());
        assertTrue(damaged.out().contains("2 fel"), damaged.out());
        assertTrue(damaged.out().contains("FS-MED") && damaged.out().contains("version 1"), damaged.out());
        assertTrue(damaged.out().contains("originalfilens byte stämmer inte"), damaged.out());

        CliOutput.Run backup = cli("store", "backup", tmp.resolve("b.db").toString(), "--data", data.toString(),
                "--database", url.jdbcUrl(), "--database-user", url.user());
        assertEquals(2, backup.exit());
        assertTrue(backup.err().contains("pg_dump"), backup.err());
        assertTrue(!Files.exists(tmp.resolve("b.db")));
    }

    @Test
    void healthIs503WhileTheDatabaseRefusesConnectionsAndOkAgainAfter() throws Exception {
        DatabaseUrl url = PostgresServer.shared().newDatabase();
        String name = url.jdbcUrl().substring(url.jdbcUrl().lastIndexOf('/') + 1);
        Config config = new Config(TestSpecs.DIR, tmp.resolve("data"), "127.0.0.1", 0, "http://tertial.test",
                "tertial", Config.DEFAULT_MAX_UPLOAD_BYTES, TestServer.GENEROUS).withDatabase(Optional.of(url));
        try (TestServer s = TestServer.exactly(config, true)) {
            assertEquals(200, s.get("/api/health", null).statusCode());
            PostgresServer.shared().admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            try {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> down = s.get("/api/health", null);
                assertEquals(503, down.statusCode(), new String(down.body(), StandardCharsets.UTF_8));
                assertEquals("otillgänglig", TestServer.json(down).get("database").asText());
                assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "answered without waiting for the pool");
            } finally {
                PostgresServer.shared().admin("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            }
            assertEquals(200, s.get("/api/health", null).statusCode());
        }
    }

    @Test
    void aServerThatIsNotThereFailsInSwedishWithoutShowingThePassword() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        CliOutput.Run r = cli("store", "check", "--data", tmp.resolve("data").toString(), "--database",
                "jdbc:postgresql://127.0.0.1:" + closed + "/tertial?password=hemligt-ord", "--database-user", "tertial");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("går inte att nå"), r.err());
        assertTrue(!r.err().contains("hemligt-ord") && !r.out().contains("hemligt-ord"), r.err());
        CliOutput.Run wrong = cli("store", "check", "--data", tmp.resolve("data").toString(), "--database",
                "jdbc:mysql://127.0.0.1/tertial");
        assertEquals(2, wrong.exit(), wrong.out() + wrong.err());
        assertTrue(wrong.err().contains("PostgreSQL-adress"), wrong.err());
        CliOutput.Run pool = cli("store", "check", "--data", tmp.resolve("data").toString(), "--database",
                PostgresServer.shared().newDatabase().jdbcUrl(), "--database-user", "tertial", "--database-pool", "1");
        assertEquals(2, pool.exit(), pool.out() + pool.err());
        assertTrue(pool.err().contains("--database-pool"), pool.err());
    }
}
