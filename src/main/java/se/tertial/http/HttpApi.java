package se.tertial.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tertial.app.TertialException;
import se.tertial.app.Tertial;
import se.tertial.spec.Messages;
import se.tertial.store.Period;
import se.tertial.workbook.WorkbookFormat;

import java.util.Locale;

/** Builds the Javalin app: routes (each declaring its roles), access control and error mapping. */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private final Tertial app;
    private final ObjectMapper json;

    private HttpApi(Tertial app) {
        this.app = app;
        this.json = mapper();
    }

    /** A configured, not yet started server. */
    public static Javalin create(Tertial app) {
        return new HttpApi(app).build();
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    private Javalin build() {
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            config.router.javaLangErrorHandler((res, error) -> {
                LOG.error("fatal error while handling a request", error);
                res.setStatus(500);
            });
            routes(config);
            errors(config);
        });
    }

    private void routes(JavalinConfig config) {
        var r = config.routes;
        r.beforeMatched(AccessControl::check);
        r.get("/api/health", ctx -> ctx.json(new JsonViews.Health("ok", se.tertial.app.Version.get())), Role.PUBLIC);
        r.get("/api/organisation", ctx -> ctx.json(JsonViews.organisation(app.catalog().organisation())),
                Role.CONTROLLER, Role.FINANCE, Role.ADMIN);
        r.get("/api/periods", ctx -> ctx.json(app.periods().list().stream().map(JsonViews::period).toList()),
                Role.CONTROLLER, Role.FINANCE, Role.ADMIN);
        r.post("/api/periods", this::createPeriod, Role.FINANCE, Role.ADMIN);
        r.get("/api/templates/{period}.zip", ctx -> Downloads.send(ctx,
                app.templates().zip(ctx.pathParam("period"))), Role.FINANCE, Role.ADMIN);
        r.get("/api/templates/{unit}/{file}", this::template, Role.CONTROLLER, Role.FINANCE, Role.ADMIN);
    }

    private void createPeriod(Context ctx) {
        JsonViews.CreatePeriod body;
        try {
            body = json.readValue(ctx.body(), JsonViews.CreatePeriod.class);
        } catch (JsonProcessingException e) {
            throw new TertialException.Invalid(Messages.invalidJsonBody());
        }
        if (body == null) {
            throw new TertialException.Invalid(Messages.invalidJsonBody());
        }
        Period created = app.periods().create(body.code(), body.deadline());
        ctx.status(HttpStatus.CREATED);
        ctx.header("Location", "/api/periods/" + created.code());
        ctx.json(JsonViews.period(created));
    }

    /** {@code /api/templates/FS-MED/2022-T2.xlsx} or {@code .xls}. */
    private void template(Context ctx) {
        String file = ctx.pathParam("file");
        int dot = file.lastIndexOf('.');
        WorkbookFormat format = dot < 0 ? null
                : WorkbookFormat.fromExtension(file.substring(dot + 1)).orElse(null);
        if (format == null) {
            throw new TertialException.NotFound(Messages.notFoundPath(ctx.path()));
        }
        Downloads.send(ctx, app.templates().template(ctx.pathParam("unit"), file.substring(0, dot), format));
    }

    private static void errors(JavalinConfig config) {
        var r = config.routes;
        r.exception(TertialException.NotFound.class, (e, ctx) -> error(ctx, 404, "not_found", e.getMessage()));
        r.exception(TertialException.Invalid.class, (e, ctx) -> error(ctx, 400, "bad_request", e.getMessage()));
        r.exception(TertialException.Conflict.class, (e, ctx) -> error(ctx, 409, "conflict", e.getMessage()));
        r.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(),
                HttpStatus.forStatus(e.getStatus()).name().toLowerCase(Locale.ROOT), swedish(e, ctx)));
        r.exception(Exception.class, (e, ctx) -> {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal_error", Messages.INTERNAL_ERROR);
        });
        r.error(404, ctx -> {
            if (isEmpty(ctx)) {
                error(ctx, 404, "not_found", Messages.notFoundPath(ctx.path()));
            }
        });
        r.error(405, ctx -> {
            if (isEmpty(ctx)) {
                error(ctx, 405, "method_not_allowed", Messages.methodNotAllowed(ctx.method().name(), ctx.path()));
            }
        });
        r.error(413, ctx -> {
            if (isEmpty(ctx)) {
                error(ctx, 413, "too_large", Messages.TOO_LARGE);
            }
        });
    }

    /** Javalin's own responses (no route, wrong method, too large) carry English text; ours are Swedish already. */
    private static String swedish(HttpResponseException e, Context ctx) {
        return switch (e.getStatus()) {
            case 404 -> Messages.notFoundPath(ctx.path());
            case 405 -> Messages.methodNotAllowed(ctx.method().name(), ctx.path());
            case 413 -> Messages.TOO_LARGE;
            default -> e.getMessage();
        };
    }

    private static boolean isEmpty(Context ctx) {
        String result = ctx.result();
        return result == null || result.isEmpty();
    }

    private static void error(Context ctx, int status, String code, String message) {
        ctx.status(status);
        ctx.json(new ApiError(status, code, message));
    }
}
