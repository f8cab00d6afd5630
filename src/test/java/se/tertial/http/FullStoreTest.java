package se.tertial.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestServer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded store's size cap ({@code --max-database-mb}): SQLite's alone, so this class runs only on SQLite
 * (pom.xml). On PostgreSQL space is the server's to manage; a full disk there (SQLSTATE 53100) takes the same path
 * to 507.
 */
class FullStoreTest {
    @TempDir
    Path tmp;

    @Test
    void aFullDatabaseAnswers507AndKeepsEverythingStored() {
        try (TestServer s = new TestServer(tmp, TestServer.GENEROUS.withMaxDatabaseBytes(400 * 1024))) {
            s.createPeriod("2022-T2");
            assertEquals(201, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes())
                    .statusCode());
            String before = s.currentFacts("FS-MED", "2022-T2");
            long uploads = s.count("upload");
            HttpResponse<byte[]> r = null;
            for (int i = 0; i < 200; i++) {
                r = s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().set("Resultat",
                        "INT_OVRIGA", "UTFALL", Integer.toString(i + 1)).bytes());
                if (r.statusCode() != 201) {
                    break;
                }
            }
            assertEquals(507, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
            assertTrue(TestServer.json(r).get("message").asText().contains("lagringsutrymmet är fullt"));
            assertNotEquals(before, s.currentFacts("FS-MED", "2022-T2"), "uploads before the cap were stored");
            String atCap = s.currentFacts("FS-MED", "2022-T2");
            long atCapUploads = s.count("upload");
            assertEquals(507, s.upload(s.controller, FilledTemplate.of("FS-MED", "2022-T2").valid().set("Resultat",
                    "INT_OVRIGA", "UTFALL", "999.5").bytes()).statusCode());
            assertEquals(atCap, s.currentFacts("FS-MED", "2022-T2"));
            assertEquals(atCapUploads, s.count("upload"));
            assertTrue(atCapUploads > uploads);
        }
    }
}
