package se.tertial.feed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.TestServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The feed's {@code $metadata} read by the OASIS OData TC's own CSDL parser (npm odata-csdl, strict), which reports
 * every element, attribute or value CSDL 4.0 does not allow; and the same parser refusing a broken copy, so the
 * check can fail.
 */
class CsdlTest {
    @TempDir
    Path tmp;

    static int validate(Path file, StringBuilder out) throws Exception {
        Process p = new ProcessBuilder("node", "src/test/node/validate-csdl.js", file.toString())
                .redirectErrorStream(true).start();
        out.append(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return p.exitValue();
    }

    @Test
    void theOasisParserAcceptsOurMetadataAndRefusesABrokenOne() throws Exception {
        String csdl;
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            var r = FeedTestClient.get(s, "/odata/$metadata", s.finance);
            assertEquals(200, r.statusCode());
            csdl = new String(r.body(), StandardCharsets.UTF_8);
        }
        Path good = Files.writeString(tmp.resolve("metadata.xml"), csdl);
        StringBuilder out = new StringBuilder();
        assertEquals(0, validate(good, out), out.toString());
        assertTrue(out.toString().contains("\"version\":\"4.0\"") && out.toString().contains("Tertial.Tertial"),
                out.toString());
        Path broken = Files.writeString(tmp.resolve("broken.xml"), csdl.replace("<Key>", "<Nyckel/><Key>"));
        StringBuilder why = new StringBuilder();
        assertNotEquals(0, validate(broken, why), "an element CSDL does not have is refused");
        Path wrongFacet = Files.writeString(tmp.resolve("facet.xml"), csdl.replace("Scale=\"3\"", "Skala=\"3\""));
        assertNotEquals(0, validate(wrongFacet, new StringBuilder()), "an attribute CSDL does not have is refused");
    }
}
