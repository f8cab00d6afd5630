package se.tertial.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * Something served by the same server beside the API — the pages for people, the OData feed for Excel: its routes
 * (with roles of their own, checked by its own guard: {@link AccessControl} checks only routes whose roles are API
 * {@link Role}s) and how an error looks on the requests it owns.
 */
public interface Extension {
    void install(JavalinConfig config);

    /** Whether a request is this extension's (then its errors are rendered by it, not as the API's JSON). */
    boolean owns(Context ctx);

    void renderError(Context ctx, int status, String message);
}
