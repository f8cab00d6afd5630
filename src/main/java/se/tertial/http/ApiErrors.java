package se.tertial.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tertial.app.TertialException;
import java.util.List;
import se.tertial.spec.LogText;
import se.tertial.spec.ApiText;
import java.util.Locale;

/**
 * Every failure as an answer in Swedish: tertial's own exceptions and Javalin's (no route, wrong method, too large)
 * mapped to their status and code, unexpected ones logged and answered 500 without detail; a request an
 * {@link Extension} owns (a page, the feed) gets that extension's rendering, every other one JSON.
 */
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
    private final List<Extension> extensions;

    ApiErrors(List<Extension> extensions) {
        this.extensions = extensions;
    }

    /** Installs the mappings on the server being built. */
    void install(JavalinConfig config) {
        var r = config.routes;
        r.exception(TertialException.NotFound.class, (e, ctx) -> error(ctx, 404, "not_found", e.getMessage()));
        r.exception(TertialException.Invalid.class, (e, ctx) -> error(ctx, 400, "bad_request", e.getMessage()));
        r.exception(TertialException.Conflict.class, (e, ctx) -> error(ctx, 409, "conflict", e.getMessage()));
        r.exception(TertialException.Forbidden.class, (e, ctx) -> error(ctx, 403, "forbidden", e.getMessage()));
        r.exception(TertialException.TooLarge.class, (e, ctx) -> error(ctx, 413, "too_large", e.getMessage()));
        r.exception(TertialException.TooMany.class, (e, ctx) -> {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            error(ctx, 429, "too_many_requests", e.getMessage());
        });
        r.exception(TertialException.StorageFull.class, (e, ctx) -> storageFull(ctx, e));
        r.exception(se.tertial.store.StoreFullException.class, (e, ctx) -> storageFull(ctx, e));
        r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                HttpStatus.forStatus(e.getStatus()).name().toLowerCase(Locale.ROOT), swedish(e, ctx)));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), LogText.safe(ctx.path()), e);
            error(ctx, 500, "internal_error", ApiText.INTERNAL_ERROR);
        });
        r.error(404, ctx -> {
            if (isEmpty(ctx)) {
                error(ctx, 404, "not_found", ApiText.notFoundPath(ctx.path()));
            }
        });
        r.error(405, ctx -> {
            if (isEmpty(ctx)) {
                error(ctx, 405, "method_not_allowed", ApiText.methodNotAllowed(ctx.method().name(), ctx.path()));
            }
        });
        r.error(413, ctx -> {
            if (isEmpty(ctx)) {
                error(ctx, 413, "too_large", ApiText.TOO_LARGE);
            }
        });
    }

    /** Javalin's own responses (no route, wrong method, too large) carry English text; ours are Swedish already. */
    private static String swedish(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> ApiText.notFoundPath(ctx.path());
            case 405 -> ApiText.methodNotAllowed(ctx.method().name(), ctx.path());
            case 413 -> ApiText.TOO_LARGE;
            default -> e.getMessage();
        };
    }

    private void storageFull(Context ctx, Exception e) {
        LOG.error("storage full on {} {}: {}", ctx.method(), LogText.safe(ctx.path()), e.toString());
        error(ctx, 507, "insufficient_storage", ApiText.STORAGE_FULL);
    }

    private static boolean isEmpty(Context ctx) {
        String result = ctx.result();
        return result == null || result.isEmpty();
    }

    private void error(Context ctx, int status, String code, String message) {
        ctx.status(status);
        for (Extension e : extensions) {
            if (e.owns(ctx)) {
                e.renderError(ctx, status, message);
                return;
            }
        }
        ctx.json(new ApiError(status, code, message));
    }
}
