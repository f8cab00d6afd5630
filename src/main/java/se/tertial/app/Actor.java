package se.tertial.app;

import se.tertial.store.AuditEvent;
import se.tertial.store.User;

import java.time.Instant;
import java.util.Optional;

/**
 * Who does something, as the audit log records it: the user, how they came (signed in on the web pages, with a
 * named API key, or on the command line) and from which client address.
 */
public record Actor(User user, String via, Optional<String> address) {
    public static final String WEB = "webb";
    public static final String CLI = "kommandorad";

    /** A request made with one of the user's API keys. */
    public static Actor key(User user, String keyName, String address) {
        return new Actor(user, "nyckel: " + keyName, Optional.ofNullable(address));
    }

    /** A signed-in person on the web pages. */
    public static Actor web(User user, String address) {
        return new Actor(user, WEB, Optional.ofNullable(address));
    }

    /** The command line on the server itself (bulk loads, user administration). */
    public static Actor cli(User user) {
        return new Actor(user, CLI, Optional.empty());
    }

    /**
     * The person at the server's own command line, as an administrator named by the operating system's user
     * ("root" via "kommandorad").
     */
    public static Actor commandLine() {
        String os = System.getProperty("user.name", "server");
        return cli(new User(0, os == null || os.isBlank() ? "server" : os, se.tertial.store.UserRole.ADMIN,
                java.util.Set.of(), Instant.now()));
    }

    /** A new audit event of this actor. */
    public AuditEvent event(Instant at, String kind) {
        return AuditEvent.of(at, user.name(), via, address.orElse(null), kind);
    }
}
