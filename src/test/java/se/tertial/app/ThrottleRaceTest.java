package se.tertial.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.TestServer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in throttle under concurrency (issue 28): 40 simultaneous wrong passwords for one account — through one
 * instance, and split over two instances on one store — have at most five passwords checked before the back-off;
 * the rest are told to wait without one. Wrong API keys from one address never turn a valid key into a 429.
 */
class ThrottleRaceTest {
    @TempDir
    Path tmp;

    /** Runs the attempts at once; returns how many had their password checked (a wrong-password answer). */
    private static int checked(List<Tertial> instances, int attempts) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < attempts; i++) {
            Tertial app = instances.get(i % instances.size());
            String address = "10.0.0." + (i + 1); // other addresses: only the account's throttle is in play
            int n = i;
            answers.add(pool.submit(() -> {
                go.await();
                try {
                    app.auth().login("ekonomi", "fel lösenord " + n, address);
                    return "in";
                } catch (TertialException.TooMany e) {
                    return "wait";
                } catch (TertialException.Invalid e) {
                    return "checked";
                }
            }));
        }
        go.countDown();
        int checked = 0;
        int waited = 0;
        for (Future<String> f : answers) {
            String a = f.get(120, TimeUnit.SECONDS);
            if (a.equals("checked")) {
                checked++;
            } else if (a.equals("wait")) {
                waited++;
            }
        }
        pool.shutdown();
        assertEquals(attempts, checked + waited, "nobody got in");
        return checked;
    }

    @Test
    void fortySimultaneousWrongPasswordsHaveAtMostFiveChecked() throws Exception {
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.app().auth().setOneTimePassword(s.app().users().require("ekonomi"));
            int checked = checked(List.of(s.app()), 40);
            assertTrue(checked >= 1 && checked <= 5, checked + " passwords checked");
        }
    }

    @Test
    void acrossTwoInstancesToo() throws Exception {
        Path data = tmp.resolve("data");
        try (TestServer a = new TestServer(data)) {
            a.app().auth().setOneTimePassword(a.app().users().require("ekonomi"));
            try (TestServer b = TestServer.reopen(data, java.time.Clock.systemUTC(), MailConfig.OFF)) {
                int checked = checked(List.of(a.app(), b.app()), 40);
                assertTrue(checked >= 1 && checked <= 5, checked + " passwords checked");
            }
        }
    }

    @Test
    void wrongKeysNeverCloseTheApiToAValidKey() {
        try (TestServer s = new TestServer(tmp.resolve("data"), se.tertial.app.Limits.DEFAULTS)) {
            int refused = 0;
            for (int i = 0; i < 30; i++) {
                int status = s.get("/api/periods", "fel-nyckel-" + i).statusCode();
                assertTrue(status == 401 || status == 429, "status " + status);
                refused += status == 429 ? 1 : 0;
                assertEquals(200, s.get("/api/periods", s.finance).statusCode(), "a valid key after " + i);
            }
            assertTrue(refused >= 5, "the failures themselves are limited: " + refused);
            assertEquals(200, s.get("/api/periods", s.admin).statusCode());
            // the feed likewise
            int feedRefused = 0;
            for (int i = 0; i < 30; i++) {
                int status = se.tertial.feed.FeedTestAccess.get(s, "/odata/Enheter", "fel-" + i).statusCode();
                feedRefused += status == 429 ? 1 : 0;
                assertEquals(200, se.tertial.feed.FeedTestAccess.get(s, "/odata/Enheter", s.finance).statusCode());
            }
            assertTrue(feedRefused >= 5, "the feed limits failures too: " + feedRefused);
        }
    }
}
