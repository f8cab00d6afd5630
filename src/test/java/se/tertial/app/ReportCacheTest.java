package se.tertial.app;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.RegionFixture;
import se.tertial.testkit.TestServer;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report and "Bokslut och prognos" are kept between requests and computed anew the moment anything they are read
 * from changes: a new version, a refused upload, an approval — also when another instance on the same store made
 * the change (a second {@link Tertial} over the same database).
 */
class ReportCacheTest {
    @TempDir
    static Path tmp;
    static TestServer server;
    static RegionFixture region;

    @BeforeAll
    static void region() {
        server = new TestServer(tmp.resolve("data"));
        region = new RegionFixture(server, "2022-T2", List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void keptUntilWhatItIsReadFromChanges() {
        ReportService reports = server.app().reports();
        var first = reports.report("2022-T2", false);
        assertSame(first, reports.report("2022-T2", false), "nothing changed: the same report");
        assertSame(first.checkSources(), first.checkSources(), "the check sources computed once");
        var history = reports.forecastHistory("2022-T2", false);
        assertSame(history, reports.forecastHistory("2022-T2", false));

        // a new version of FS-MED with a different outcome
        var r = server.upload(server.admin, FilledTemplate.of("FS-MED", "2022-T2")
                .set("Resultat", "KOST_LON", "UTFALL", "-12345").bytes());
        assertEquals(201, r.statusCode(), new String(r.body()));
        var second = reports.report("2022-T2", false);
        assertNotSame(first, second);
        assertNotEquals(first.current().get(se.tertial.spec.UnitCode.of("FS-MED")).version(),
                second.current().get(se.tertial.spec.UnitCode.of("FS-MED")).version());
        assertNotSame(history, reports.forecastHistory("2022-T2", false), "the history is read anew too");
        // only the new version is read: its figure is the new one, the other units' versions are the ones kept
        var fsMed = se.tertial.spec.UnitCode.of("FS-MED");
        assertEquals(se.tertial.money.Amount.ofTkr("-12345"), second.current().get(fsMed).facts().get(
                new se.tertial.spec.FactKey(se.tertial.spec.TemplateId.of("resultat"),
                        se.tertial.spec.LineCode.of("KOST_LON"), se.tertial.spec.ColumnCode.of("UTFALL"))));
        for (var unit : first.current().keySet()) {
            if (!unit.equals(fsMed)) {
                assertSame(first.current().get(unit), second.current().get(unit), unit + " was not read again");
            }
        }

        // a refused upload marks its unit
        var refused = server.upload(server.admin, FilledTemplate.of("FS-KIR", "2022-T2")
                .setText("Resultat", "KOST_LON", "UTFALL", "inte ett tal").bytes());
        assertTrue(refused.statusCode() >= 400 && refused.statusCode() < 500, "" + refused.statusCode());
        var third = reports.report("2022-T2", false);
        assertNotSame(second, third, "a refused upload changes what the report says of FS-KIR");

        // an approval by finance
        var approvedBefore = reports.report("2022-T2", true);
        var a = server.post("/api/periods/2022-T2/units/FS-KIR/approve", "{\"version\":1}", server.finance);
        assertEquals(200, a.statusCode(), new String(a.body()));
        var approvedAfter = reports.report("2022-T2", true);
        assertNotSame(approvedBefore, approvedAfter);
        assertTrue(approvedAfter.current().containsKey(se.tertial.spec.UnitCode.of("FS-KIR")));
    }

    @Test
    void anotherInstancesChangeIsSeen() {
        ReportService reports = server.app().reports();
        var before = reports.report("2022-T2", true);
        try (Tertial other = Tertial.open(server.app().config())) {
            other.reviews().approve(Actor.commandLine(), "2022-T2", "RS-IT", 1, null);
        }
        assertNotSame(before, reports.report("2022-T2", true), "approved by the other instance");
        assertTrue(reports.report("2022-T2", true).current().containsKey(se.tertial.spec.UnitCode.of("RS-IT")));
    }
}
