package se.tertial.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Pages for people served by the same service: their routes (with roles of their own, checked by their own guard:
 * {@link AccessControl} checks only routes whose roles are API {@link Role}s) and how an error looks on a page.
 */
public interface PageExtension {
    void install(JavalinConfig config);

    /** Whether a request is for a page (then errors are rendered as pages, not JSON). */
    boolean isPage(Context ctx);

    void renderError(Context ctx, int status, String message);
}
