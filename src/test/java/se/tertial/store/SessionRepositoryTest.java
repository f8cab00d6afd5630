package se.tertial.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sessions end when idle for 30 minutes or 10 hours after sign-in, and survive a restart of the service. */
class SessionRepositoryTest {
    private static final Duration IDLE = Duration.ofMinutes(30);
    private static final Duration ABSOLUTE = Duration.ofHours(10);
    private static final Instant T0 = Instant.parse("2022-09-01T08:00:00Z");

    @TempDir
    Path tmp;

    private static long user(Database db) {
        return new UserRepository(db).add("anna", UserRole.FINANCE, Set.of(), T0).orElseThrow().user().id();
    }

    @Test
    void anIdleSessionEndsAndAnActiveOneLastsUntilItsAbsoluteLimit() {
        try (Database db = se.tertial.testkit.TestStores.open(tmp)) {
            SessionRepository sessions = new SessionRepository(db);
            long user = user(db);
            String idle = sessions.create(user, "c", T0);
            assertTrue(sessions.find(idle, T0.plus(Duration.ofMinutes(29)), IDLE, ABSOLUTE).isPresent());
            assertTrue(sessions.find(idle, T0.plus(Duration.ofMinutes(29 + 31)), IDLE, ABSOLUTE).isEmpty(),
                    "31 minutes after the last request");
            assertTrue(sessions.find(idle, T0.plus(Duration.ofMinutes(61)), IDLE, ABSOLUTE).isEmpty(), "and gone");
            String busy = sessions.create(user, "c", T0);
            Instant t = T0;
            for (int i = 0; i < 29; i++) {
                t = t.plus(Duration.ofMinutes(20));
                assertTrue(sessions.find(busy, t, IDLE, ABSOLUTE).isPresent(), "used every 20 minutes: " + t);
            }
            assertTrue(sessions.find(busy, T0.plus(ABSOLUTE).plusSeconds(60), IDLE, ABSOLUTE).isEmpty(),
                    "ten hours after sign-in, however busy");
            assertEquals(0, db.activeConnections());
        }
    }

    @Test
    void sessionsSurviveARestartAndEndWithAPasswordChange() {
        String id;
        long user;
        try (Database db = se.tertial.testkit.TestStores.open(tmp)) {
            user = user(db);
            id = new SessionRepository(db).create(user, "csrf", T0);
        }
        try (Database db = se.tertial.testkit.TestStores.open(tmp)) {
            SessionRepository sessions = new SessionRepository(db);
            assertEquals("csrf", sessions.find(id, T0.plusSeconds(60), IDLE, ABSOLUTE).orElseThrow().csrf());
            UserRepository users = new UserRepository(db);
            users.setPassword(users.byName("anna").orElseThrow(), "$argon2id$x", false);
            assertTrue(sessions.find(id, T0.plusSeconds(120), IDLE, ABSOLUTE).isEmpty());
        }
    }
}
