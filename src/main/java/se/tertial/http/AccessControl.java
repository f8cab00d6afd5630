package se.tertial.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import io.javalin.security.RouteRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tertial.app.TertialException;
import se.tertial.app.UserService;
import se.tertial.spec.LogText;
import se.tertial.spec.ApiText;
import se.tertial.store.User;

import java.util.Optional;
import java.util.Set;

/**
 * The single place where a request's right to a route is decided; runs before every matched route. A route that
 * declares no role is refused, so forgetting to grant access fails closed. Callers authenticate with a bearer token;
 * an admin may do everything; a controller may only address the units they are bound to (the {@code {unit}} path
 * parameter is checked here; an upload's unit is known only after reading it, and the upload service checks it).
 */
final class AccessControl {
    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);
    static final String USER = "tertial.user";
    static final String ACTOR = "tertial.actor";
    private final UserService users;
    private final RateLimiter failedKeys;

    AccessControl(UserService users, RateLimiter failedKeys) {
        this.users = users;
        this.failedKeys = failedKeys;
    }

    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            LOG.warn("refused {} {}: route declares no role", ctx.method(), LogText.safe(ctx.path()));
            throw new ForbiddenResponse(ApiText.FORBIDDEN);
        }
        if (roles.stream().noneMatch(r -> r instanceof Role)) {
            return; // a page route: its roles are checked by the pages' own guard (web.PageAccess)
        }
        if (roles.contains(Role.PUBLIC)) {
            return;
        }
        String header = Optional.ofNullable(ctx.header("Authorization")).orElse("").strip();
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"tertial\"");
            throw new UnauthorizedResponse(ApiText.UNAUTHORIZED);
        }
        // A valid key always passes; only failures are counted and, past the limit, refused per address: wrong keys
        // from one address (a proxy, a NAT) never close the API to the valid keys behind it.
        String address = ctx.ip();
        se.tertial.store.UserRepository.KeyUser keyUser = users.authenticateKey(header.substring(7)).orElseThrow(() -> {
            java.util.OptionalLong wait = failedKeys.peek(address);
            if (wait.isPresent()) {
                return new TertialException.TooMany(wait.getAsLong());
            }
            LOG.warn("unknown or revoked key from {} on {} {}", LogText.safe(address), ctx.method(),
                    LogText.safe(ctx.path()));
            failedKeys.take(address);
            ctx.header("WWW-Authenticate", "Bearer realm=\"tertial\", error=\"invalid_token\"");
            return new UnauthorizedResponse(ApiText.UNAUTHORIZED_BAD_TOKEN);
        });
        User user = keyUser.user();
        Role role = Role.valueOf(user.role().name());
        if (role != Role.ADMIN && !roles.contains(role)) {
            LOG.warn("refused {} {} to {} ({})", ctx.method(), LogText.safe(ctx.path()), LogText.safe(user.name()),
                    role);
            throw new ForbiddenResponse(ApiText.FORBIDDEN);
        }
        String unit = ctx.pathParamMap().get("unit");
        if (unit != null && !user.mayAddress(unit)) {
            LOG.warn("refused {} {} to {}: not bound to unit {}", ctx.method(), LogText.safe(ctx.path()),
                    LogText.safe(user.name()), LogText.safe(unit));
            throw new ForbiddenResponse(ApiText.unitForbidden(unit));
        }
        ctx.attribute(USER, user);
        ctx.attribute(ACTOR, se.tertial.app.Actor.key(user, keyUser.keyName(), address));
    }

    /** Who makes the request, for the audit log: the user, the key's name and the client's address. */
    static se.tertial.app.Actor actor(Context ctx) {
        se.tertial.app.Actor a = ctx.attribute(ACTOR);
        if (a == null) {
            throw new IllegalStateException("route without an authenticated user: " + ctx.path());
        }
        return a;
    }

    static User user(Context ctx) {
        User u = ctx.attribute(USER);
        if (u == null) {
            throw new IllegalStateException("route without an authenticated user: " + ctx.path());
        }
        return u;
    }
}
