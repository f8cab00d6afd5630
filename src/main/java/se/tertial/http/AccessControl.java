package se.tertial.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.security.RouteRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tertial.spec.Messages;

import java.util.Set;

/**
 * The single place where a request's right to a route is decided; runs before every matched route. A route that
 * declares no role is refused, so forgetting to grant access fails closed.
 *
 * <p>Users and bearer tokens arrive with the ingest issue; until then there is no caller identity, and routes that
 * declare a role are open to every caller. That check goes here and nowhere else.
 */
final class AccessControl {
    private static final Logger LOG = LoggerFactory.getLogger(AccessControl.class);

    private AccessControl() {}

    static void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.isEmpty()) {
            LOG.warn("refused {} {}: route declares no role", ctx.method(), ctx.path());
            throw new ForbiddenResponse(Messages.FORBIDDEN);
        }
    }
}
