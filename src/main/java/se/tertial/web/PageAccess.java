package se.tertial.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.security.RouteRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tertial.app.AuthService;
import se.tertial.spec.LogText;
import se.tertial.spec.ApiText;
import se.tertial.spec.PageText;
import se.tertial.store.User;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where a page request's right to its route is decided, as {@code http.AccessControl} does for API
 * keys: the session cookie is looked up in the database, a state-changing request must carry the session's CSRF
 * token, a one-time password must be changed before anything else, the route's roles are checked, and a controller
 * may only address their own units ({@code {unit}} path parameter). Page routes always declare roles; the API's
 * guard refuses a route that declares none.
 */
final class PageAccess {
    private static final Logger LOG = LoggerFactory.getLogger(PageAccess.class);
    static final String COOKIE = "tertial_session";
    static final String SIGNED_IN = "tertial.signedIn";
    static final String CSRF_FIELD = "_csrf";
    private final AuthService auth;

    PageAccess(AuthService auth) {
        this.auth = auth;
    }

    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty() || roles.stream().noneMatch(r -> r instanceof PageRole)) {
            return; // an API route, or one the API's guard refuses
        }
        Optional<AuthService.SignedIn> s = auth.session(ctx.cookie(COOKIE));
        s.ifPresent(x -> ctx.attribute(SIGNED_IN, x));
        if (roles.contains(PageRole.PUBLIC)) {
            return;
        }
        if (s.isEmpty()) {
            if (isStateChanging(ctx)) {
                throw new ForbiddenResponse(PageText.SIGN_IN_REQUIRED);
            }
            throw new Redirect("/logga-in?till=" + URLEncoder.encode(ctx.path(), StandardCharsets.UTF_8));
        }
        if (isStateChanging(ctx)) {
            checkCsrf(ctx, s.get().csrf());
        }
        User user = s.get().user();
        if (user.mustChangePassword() && !roles.contains(PageRole.SIGNED_IN)) {
            throw new Redirect("/losenord");
        }
        PageRole role = PageRole.valueOf(user.role().name());
        if (role != PageRole.ADMIN && !roles.contains(role) && !roles.contains(PageRole.SIGNED_IN)) {
            LOG.warn("page refused: {} {} to {} ({})", ctx.method(), LogText.safe(ctx.path()),
                    LogText.safe(user.name()), role);
            throw new ForbiddenResponse(ApiText.FORBIDDEN);
        }
        String unit = ctx.pathParamMap().get("unit");
        if (unit != null && !user.mayAddress(unit)) {
            LOG.warn("page refused: {} {} to {}: not bound to unit {}", ctx.method(), LogText.safe(ctx.path()),
                    LogText.safe(user.name()), LogText.safe(unit));
            throw new ForbiddenResponse(ApiText.unitForbidden(unit));
        }
    }

    static boolean isStateChanging(Context ctx) {
        String m = ctx.method().name();
        return !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
    }

    private static void checkCsrf(Context ctx, String expected) {
        String given = ctx.header("X-CSRF-Token");
        if (given == null) {
            given = ctx.formParam(CSRF_FIELD);
        }
        if (given == null || !java.security.MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("CSRF token missing or wrong: {} {}", ctx.method(), LogText.safe(ctx.path()));
            throw new ForbiddenResponse(PageText.CSRF_FAILED);
        }
    }

    static AuthService.SignedIn signedIn(Context ctx) {
        AuthService.SignedIn s = ctx.attribute(SIGNED_IN);
        if (s == null) {
            throw new IllegalStateException("page without a signed-in user: " + ctx.path());
        }
        return s;
    }

    /** The signed-in person as the audit log records them: on the web, from the client's address. */
    static se.tertial.app.Actor actor(Context ctx) {
        return se.tertial.app.Actor.web(signedIn(ctx).user(), ctx.ip());
    }

    static Optional<AuthService.SignedIn> maybeSignedIn(Context ctx) {
        return Optional.ofNullable(ctx.attribute(SIGNED_IN));
    }
}
