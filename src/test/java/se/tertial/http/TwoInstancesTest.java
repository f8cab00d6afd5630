package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.MailConfig;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.MutableClock;
import se.tertial.testkit.TestServer;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two started tertial servers on one store, as behind a load balancer (issue 13): on PostgreSQL in the suite's
 * PostgreSQL run, and on one SQLite file in the default run. Nothing either instance keeps in memory may be the
 * truth: versions, locks and reminders are decided in the database.
 */
class TwoInstancesTest {
    @TempDir
    Path tmp;
    GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    @Test
    void fiftyConcurrentUploadsAcrossTwoInstancesGetVersionsWithoutGapsAndALockIsSeenAtOnce() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2022-09-01T07:00:00Z"));
        MailConfig mail = MailConfig.plain("127.0.0.1", smtp.getSmtp().getPort(), "tertial@region.test");
        Path data = tmp.resolve("data");
        try (TestServer a = new TestServer(data, clock, mail); TestServer b = TestServer.reopen(data, clock, mail)) {
            a.createPeriod("2022-T2");
            // 30 uploads for FS-MED and 20 for FS-KIR, every one with other figures, alternately to each instance
            List<byte[]> files = new ArrayList<>();
            List<String> units = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                String unit = i % 5 < 3 ? "FS-MED" : "FS-KIR";
                units.add(unit);
                files.add(FilledTemplate.of(unit, "2022-T2").valid()
                        .set("Resultat", "INT_OVRIGA", "UTFALL", Integer.toString(100 + i)).bytes());
            }
            ExecutorService pool = Executors.newFixedThreadPool(10);
            CyclicBarrier together = new CyclicBarrier(10);
            List<Future<HttpResponse<byte[]>>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                TestServer to = i % 2 == 0 ? a : b;
                byte[] file = files.get(i);
                boolean first = i < 10;
                answers.add(pool.submit((Callable<HttpResponse<byte[]>>) () -> {
                    if (first) {
                        together.await(); // the first ten start at the same moment
                    }
                    return to.upload(to.controller, file);
                }));
            }
            Map<String, List<Integer>> versions = new TreeMap<>();
            for (int i = 0; i < 50; i++) {
                HttpResponse<byte[]> r = answers.get(i).get();
                assertEquals(201, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
                JsonNode j = TestServer.json(r);
                assertEquals(units.get(i), j.get("unit").asText());
                versions.computeIfAbsent(units.get(i), u -> new ArrayList<>()).add(j.get("version").asInt());
                // the original as stored, fetched through the other instance, is byte for byte what was sent
                TestServer other = i % 2 == 0 ? b : a;
                HttpResponse<byte[]> original = other.get("/api/submissions/" + j.get("id").asText() + "/original");
                assertEquals(200, original.statusCode());
                assertArrayEquals(files.get(i), original.body(), "upload " + i);
            }
            pool.shutdown();
            assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20),
                    sorted(versions.get("FS-KIR")));
            List<Integer> oneToThirty = new ArrayList<>();
            for (int v = 1; v <= 30; v++) {
                oneToThirty.add(v);
            }
            assertEquals(oneToThirty, sorted(versions.get("FS-MED")));
            assertEquals(List.of(), se.tertial.store.StoreMaintenance.check(b.app().database()));
            assertEquals(a.currentFacts("FS-MED", "2022-T2"), b.currentFacts("FS-MED", "2022-T2"));

            // A reminder round started on both instances at once sends each reminder once.
            a.app().users().add("controller.rs", "controller", List.of("RS-IT"));
            assertEquals(200, a.patch("/api/users/controller.rs", "{\"email\":\"rs@region.test\"}", a.admin)
                    .statusCode());
            assertEquals(200, b.patch("/api/users/controller.fs", "{\"email\":\"fs@region.test\"}", b.admin)
                    .statusCode());
            clock.set(Instant.parse("2022-09-04T07:00:00Z")); // five days before the deadline
            CyclicBarrier both = new CyclicBarrier(2);
            ExecutorService two = Executors.newFixedThreadPool(2);
            Future<Integer> ra = two.submit(() -> {
                both.await();
                return a.app().reminders().run();
            });
            Future<Integer> rb = two.submit(() -> {
                both.await();
                return b.app().reminders().run();
            });
            assertEquals(1, ra.get() + rb.get(), "only RS-IT is missing: one e-mail, to rs, from one instance");
            two.shutdown();
            assertEquals(0, a.app().reminders().run() + b.app().reminders().run(), "never twice");
            assertTrue(smtp.waitForIncomingEmail(5_000, 1));
            Thread.sleep(300);
            assertEquals(1, smtp.getReceivedMessages().length);
            assertEquals("rs@region.test", smtp.getReceivedMessages()[0].getAllRecipients()[0].toString());

            // A lock through one instance refuses the very next upload at the other.
            assertEquals(200, a.post("/api/periods/2022-T2/lock", "", a.finance).statusCode());
            HttpResponse<byte[]> refused = b.upload(b.controller, FilledTemplate.of("FS-MED", "2022-T2").valid()
                    .set("Resultat", "INT_OVRIGA", "UTFALL", "7").bytes());
            assertEquals(422, refused.statusCode(), new String(refused.body(), StandardCharsets.UTF_8));
            assertEquals("period_locked", TestServer.json(refused).get("errors").get(0).get("rule").asText());
            assertEquals(200, b.post("/api/periods/2022-T2/unlock", "", b.finance).statusCode());
            assertEquals(201, a.upload(a.controller, FilledTemplate.of("FS-MED", "2022-T2").valid()
                    .set("Resultat", "INT_OVRIGA", "UTFALL", "7").bytes()).statusCode(), "unlocked at once too");
        }
    }

    private static List<Integer> sorted(List<Integer> l) {
        Integer[] a = l.toArray(new Integer[0]);
        Arrays.sort(a);
        return List.of(a);
    }
}
