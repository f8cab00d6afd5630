package se.tertial.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tertial.spec.LogText;
import se.tertial.spec.PageText;
import se.tertial.store.LoginThrottleRepository;
import se.tertial.store.SessionRepository;
import se.tertial.store.Tokens;
import se.tertial.store.User;
import se.tertial.store.UserRepository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Signing in to the web pages: passwords, server-side sessions (a new id at every sign-in), per-session CSRF tokens,
 * one-time passwords that must be changed, and throttling of failed sign-ins per account and per client address —
 * with the same answer for an unknown user as for a wrong password.
 */
public final class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE = Duration.ofHours(10);
    /** After this many failures each further attempt waits 1, 2, 4 … seconds (at most {@link #LOCK}). */
    static final int BACKOFF_AFTER = 5;
    static final int LOCK_AFTER = 20;
    static final Duration LOCK = Duration.ofMinutes(15);
    public static final String ADMIN_PASSWORD_FILE = "admin-password.txt";

    private final UserRepository users;
    private final SessionRepository sessions;
    private final LoginThrottleRepository throttle;
    private final Clock clock;

    private final AuditService audit;
    /** False when people sign in with the region's accounts and passwords are for administrators only. */
    private final boolean passwordsForAll;

    public AuthService(UserRepository users, SessionRepository sessions, LoginThrottleRepository throttle,
                       AuditService audit, Clock clock) {
        this(users, sessions, throttle, audit, clock, true);
    }

    public AuthService(UserRepository users, SessionRepository sessions, LoginThrottleRepository throttle,
                       AuditService audit, Clock clock, boolean passwordsForAll) {
        this.passwordsForAll = passwordsForAll;
        this.audit = audit;
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** A signed-in person: the user, the session id for the cookie and the session's CSRF token. */
    public record SignedIn(User user, String sessionId, String csrf) {}

    /**
     * Signs in; throws {@link TertialException.Invalid} with one message for every wrong name or password and
     * {@link TertialException.TooMany} while the account or the address has to wait.
     */
    public SignedIn login(String name, String password, String address) {
        Instant now = clock.instant();
        String account = "user:" + (name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT));
        String ip = "ip:" + address;
        // Each attempt takes its slot (counted as a failure until it succeeds) before the password is checked:
        // simultaneous attempts cannot all pass a limit read before any of them was counted.
        long wait = reserve(ip, now);
        if (wait == 0) {
            wait = reserve(account, now);
        }
        if (wait > 0) {
            LOG.warn("sign-in refused while throttled: {} from {}", LogText.safe(name), LogText.safe(address));
            audit.failedSignIn(name, address, "spärrad i " + wait + " s");
            throw new TertialException.TooMany(wait);
        }
        String n = name == null ? "" : name.strip();
        Optional<String> hash = n.isEmpty() || n.length() > 64 ? Optional.empty() : users.passwordHash(n);
        String pw = password == null ? "" : password;
        boolean ok = pw.length() <= Passwords.MAX_LENGTH && Passwords.verify(pw, hash.orElseGet(Passwords::dummy))
                && hash.isPresent();
        if (!ok) {
            int a = throttle.get(account).map(LoginThrottleRepository.Failures::count).orElse(0);
            int b = throttle.get(ip).map(LoginThrottleRepository.Failures::count).orElse(0);
            LOG.warn("failed sign-in for {} from {} ({} for the account, {} for the address)", LogText.safe(n),
                    LogText.safe(address), a, b);
            if (a == LOCK_AFTER || b == LOCK_AFTER) {
                LOG.warn("sign-in locked for {} minutes: {} / {}", LOCK.toMinutes(), LogText.safe(n),
                        LogText.safe(address));
            }
            audit.failedSignIn(n, address, "fel namn eller lösenord");
            throw new TertialException.Invalid(PageText.LOGIN_FAILED);
        }
        User user = users.byName(n).orElseThrow();
        if (!passwordsForAll && user.role() != se.tertial.store.UserRole.ADMIN) {
            // Only the break-glass administrator signs in with a password; the right password does not count.
            audit.failedSignIn(n, address, "lösenord bara för administratörer");
            throw new TertialException.Invalid(PageText.PASSWORDS_ADMIN_ONLY);
        }
        throttle.clear(account);
        throttle.clear(ip);
        audit.record(Actor.web(user, address), AuditKind.SIGN_IN);
        return open(user, now);
    }

    /** Takes the key's slot for one attempt; the seconds it must still wait, 0 when the slot is taken. */
    private long reserve(String key, Instant now) {
        return throttle.reserve(key, now, f -> wait(f, now), LOCK_AFTER, now.plus(LOCK));
    }

    /** A new session for a person the region's provider vouched for (see {@link SsoService}). */
    SignedIn openFor(User user) {
        return open(user, clock.instant());
    }

    private SignedIn open(User user, Instant now) {
        String csrf = Tokens.generate();
        String id = sessions.create(user.id(), csrf, now);
        return new SignedIn(user, id, csrf);
    }

    /** Seconds a key with these failures must still wait; 0 when it may try (a lock that has run out: 0). */
    private static long wait(Optional<LoginThrottleRepository.Failures> f, Instant now) {
        if (f.isEmpty()) {
            return 0;
        }
        if (f.get().lockedUntil().isPresent()) {
            return f.get().lockedUntil().filter(now::isBefore).map(u -> seconds(Duration.between(now, u))).orElse(0L);
        }
        if (f.get().count() < BACKOFF_AFTER) {
            return 0;
        }
        long backoff = Math.min(LOCK.toSeconds(), 1L << Math.min(20, f.get().count() - BACKOFF_AFTER));
        return seconds(Duration.between(now, f.get().last().plusSeconds(backoff)));
    }

    /** Whole seconds to wait, rounded up; 0 when the time has passed. */
    private static long seconds(Duration left) {
        return left.isNegative() || left.isZero() ? 0 : (left.toMillis() + 999) / 1000;
    }

    /** The signed-in person behind a session id, if the session is live. */
    public Optional<SignedIn> session(String id) {
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        return sessions.find(id, clock.instant(), IDLE, ABSOLUTE).flatMap(s -> users.byId(s.userId())
                .filter(User::active).map(u -> new SignedIn(u, id, s.csrf())));
    }

    public void logout(String id) {
        if (id != null && !id.isBlank()) {
            sessions.delete(id);
        }
    }

    /**
     * Changes the signed-in person's password: the current one must be right, the new one at least 12 characters
     * and repeated. Every session of the user ends; a new one is returned.
     */
    public SignedIn changePassword(User user, String current, String next, String repeat) {
        // Checked against the dummy when there is no password (a user signed in through the region's accounts), as
        // long as a real check; never right then, also for the dummy's own phrase.
        Optional<String> hash = users.passwordHash(user.name());
        if (current == null || !Passwords.verify(current, hash.orElseGet(Passwords::dummy)) || hash.isEmpty()) {
            throw new TertialException.Invalid(PageText.PASSWORD_CURRENT_WRONG);
        }
        checkNew(next, repeat, current);
        users.setPassword(user, Passwords.hash(next), false);
        LOG.info("password changed by {}", LogText.safe(user.name()));
        audit.record(audit.event(Actor.web(user, null), AuditKind.PASSWORD_CHANGED).detail(user.name()));
        return open(users.byName(user.name()).orElseThrow(), clock.instant());
    }

    static void checkNew(String next, String repeat, String current) {
        if (next == null || next.length() < Passwords.MIN_LENGTH || next.length() > Passwords.MAX_LENGTH) {
            throw new TertialException.Invalid(PageText.passwordTooShort(Passwords.MIN_LENGTH));
        }
        if (!next.equals(repeat)) {
            throw new TertialException.Invalid(PageText.PASSWORD_REPEAT_DIFFERS);
        }
        if (next.equals(current)) {
            throw new TertialException.Invalid(PageText.PASSWORD_SAME);
        }
    }

    /** A one-time password for a user (set by the admin, shown once); their sessions end. */
    public String setOneTimePassword(User user) {
        String password = Passwords.oneTime();
        users.setPassword(user, Passwords.hash(password), true);
        LOG.info("one-time password set for {}", LogText.safe(user.name()));
        return password;
    }

    /**
     * Makes the hash an unknown user's password is checked against, so that even the first such sign-in takes as
     * long as a known user's; {@code serve} calls it in the background a few seconds after it listens.
     */
    public void prepareForSignIns() {
        Passwords.dummy();
    }

    /**
     * On a start where the admin has no password yet: a one-time password, returned to be printed once and written
     * (owner-readable only) beside the admin key.
     */
    public Optional<String> bootstrapAdminPassword(Path dataDir) {
        return bootstrapAdminPassword(dataDir, "admin");
    }

    /** As {@link #bootstrapAdminPassword(Path)} for the administrator of this name. */
    public Optional<String> bootstrapAdminPassword(Path dataDir, String name) {
        Optional<User> admin = users.byName(name).filter(u -> u.role() == se.tertial.store.UserRole.ADMIN);
        if (admin.isEmpty() || users.passwordHash(name).isPresent()) {
            return Optional.empty();
        }
        String password = setOneTimePassword(admin.get());
        Path file = dataDir.resolve(ADMIN_PASSWORD_FILE);
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            Files.writeString(file, password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(password);
    }
}
