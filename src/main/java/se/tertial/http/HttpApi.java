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
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.javalin.config.SizeUnit;
import se.tertial.app.TertialException;
import se.tertial.app.Tertial;
import se.tertial.app.Version;
import se.tertial.report.Figures;
import se.tertial.report.ReportJson;
import se.tertial.store.User;
import se.tertial.store.UserRepository;
import java.util.List;
import java.util.Optional;
import se.tertial.spec.LogText;
import se.tertial.spec.ApiText;
import se.tertial.store.Period;
import se.tertial.workbook.WorkbookFormat;

import java.util.Locale;

/**
 * Builds the Javalin server: the API's routes, each declaring its roles (the workbook-receiving ones in
 * {@link UploadRoutes}), access control before every matched route, the extensions (pages, feed, sign-on) and the
 * mapping of failures ({@link ApiErrors}).
 */
public final class HttpApi {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** Room for the multipart boundaries and part headers around the file. */
    static final long MULTIPART_OVERHEAD = 64 * 1024;
    private final Tertial app;
    private final ObjectMapper json;
    private final UploadRoutes uploads;
    private final ApiErrors errors;
    private final RateLimiter failedKeys;

    private final List<Extension> extensions;

    private HttpApi(Tertial app, List<Extension> extensions) {
        this.app = app;
        this.extensions = List.copyOf(extensions);
        this.json = mapper();
        var limits = app.config().limits();
        this.uploads = new UploadRoutes(app);
        this.errors = new ApiErrors(this.extensions);
        this.failedKeys = new RateLimiter(limits.failedKeysPerMinute(), java.time.Clock.systemUTC());
    }

    /** A configured, not yet started server. */
    public static Javalin create(Tertial app) {
        return new HttpApi(app, List.of()).build();
    }

    /** With the pages for people and the feed beside the API, on the same server; the first that owns a request
     *  renders its errors. */
    public static Javalin create(Tertial app, Extension... extensions) {
        return new HttpApi(app, List.of(extensions)).build();
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(com.fasterxml.jackson.core.StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // {"active":"false"}, {"active":0} and {"version":"1"} are refused, not read as what they resemble
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfig(com.fasterxml.jackson.databind.type.LogicalType.Boolean, c -> c
                        .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                                com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                        .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.String,
                                com.fasterxml.jackson.databind.cfg.CoercionAction.Fail))
                .withCoercionConfig(com.fasterxml.jackson.databind.type.LogicalType.Integer, c -> c
                        .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.String,
                                com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                        .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                                com.fasterxml.jackson.databind.cfg.CoercionAction.Fail))
                .withCoercionConfig(com.fasterxml.jackson.databind.type.LogicalType.Textual, c -> c
                        .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Integer,
                                com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                        .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Float,
                                com.fasterxml.jackson.databind.cfg.CoercionAction.Fail)
                        .setCoercion(com.fasterxml.jackson.databind.cfg.CoercionInputShape.Boolean,
                                com.fasterxml.jackson.databind.cfg.CoercionAction.Fail))
                // {"role":"finance","role":"admin"} is refused, not read as its last key
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private Javalin build() {
        // Jetty pads its queues to the cache line and asks the JVM over JMX whether references are compressed, which
        // loads the JMX server (~70 classes, tens of milliseconds of every start). Told here instead: compressed
        // below 32 GB of heap, 16 references per 64-byte line, else 8. A hint for padding, nothing more.
        if (System.getProperty("org.eclipse.jetty.util.referencesPerCacheLine") == null) {
            System.setProperty("org.eclipse.jetty.util.referencesPerCacheLine",
                    Runtime.getRuntime().maxMemory() < (32L << 30) ? "16" : "8");
        }
        long max = app.config().maxUploadBytes();
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(json, false));
            // Enforced before parsing: the body may hold the file plus the multipart framing, nothing more.
            config.http.maxRequestSize = max + MULTIPART_OVERHEAD;
            config.jetty.multipartConfig.maxFileSize(max, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(max + MULTIPART_OVERHEAD, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize(1, SizeUnit.MB);
            config.router.javaLangErrorHandler((res, error) -> {
                LOG.error("fatal error while handling a request", error);
                res.setStatus(500);
            });
            config.routes.before(ctx -> {
                if (ctx.contentLength() > max + MULTIPART_OVERHEAD) {
                    throw new TertialException.TooLarge(ApiText.fileTooLarge(max));
                }
            });
            routes(config);
            extensions.forEach(e -> e.install(config));
            errors.install(config);
        });
    }

    private void routes(JavalinConfig config) {
        var r = config.routes;
        AccessControl access = new AccessControl(app.users(), failedKeys);
        r.beforeMatched(access::check);
        Role[] anyone = {Role.CONTROLLER, Role.FINANCE, Role.ADMIN};
        Role[] finance = {Role.FINANCE, Role.ADMIN};
        // For the load balancer: 503 when this instance cannot reach its database (a fresh connection, ~2 s at most)
        r.get("/api/health", ctx -> {
            boolean up = app.database().reachable();
            ctx.status(up ? 200 : 503).json(new JsonViews.Health(up ? "ok" : "fel", Version.get(),
                    up ? "ok" : "otillgänglig", app.database().dialect().name().toLowerCase(java.util.Locale.ROOT)));
        }, Role.PUBLIC);
        r.get("/api/me", ctx -> ctx.json(JsonViews.user(AccessControl.user(ctx), null)), anyone);
        r.get("/api/organisation", ctx -> ctx.json(JsonViews.organisation(app.catalog().organisation())), anyone);

        r.get("/api/periods", ctx -> ctx.json(app.periods().list().stream().map(JsonViews::period).toList()), anyone);
        r.post("/api/periods", this::createPeriod, finance);
        r.get("/api/periods/{period}/status", ctx -> ctx.json(app.periods().status(ctx.pathParam("period"),
                AccessControl.user(ctx), app.catalog().organisation(), app.submissions(), app.reviews())), anyone);
        r.post("/api/periods/{period}/lock", ctx -> ctx.json(JsonViews.period(
                app.periods().setLocked(AccessControl.actor(ctx), ctx.pathParam("period"), true))), finance);
        r.post("/api/periods/{period}/deadline", ctx -> ctx.json(JsonViews.period(app.periods().setDeadline(
                AccessControl.actor(ctx), ctx.pathParam("period"), read(ctx, JsonViews.Deadline.class).deadline()))),
                finance);
        r.post("/api/periods/{period}/unlock", ctx -> ctx.json(JsonViews.period(
                app.periods().setLocked(AccessControl.actor(ctx), ctx.pathParam("period"), false))), finance);

        // The review round: a controller reads their own units' state and thread; finance decides.
        r.get("/api/periods/{period}/units/{unit}/review", this::review, anyone);
        r.get("/api/periods/{period}/units/{unit}/figures", ctx -> ctx.json(FigureViews.of(app.reviewFigures().of(
                AccessControl.user(ctx), ctx.pathParam("unit"), ctx.pathParam("period")))), anyone);
        r.post("/api/periods/{period}/units/{unit}/approve", ctx -> decide(ctx, "approve"), finance);
        r.post("/api/periods/{period}/units/{unit}/return", ctx -> decide(ctx, "return"), finance);
        r.post("/api/periods/{period}/units/{unit}/reopen", ctx -> decide(ctx, "reopen"), finance);

        r.get("/api/audit", ctx -> ctx.json(app.audit().list(AccessControl.user(ctx), auditQuery(ctx)).stream()
                .map(JsonViews::audit).toList()), finance);
        r.get("/api/audit.xlsx", ctx -> Downloads.send(ctx, app.audit().workbook(AccessControl.user(ctx),
                auditQuery(ctx))), finance);

        r.get("/api/templates/{period}.zip", ctx -> Downloads.send(ctx,
                app.templates().zip(ctx.pathParam("period"))), finance);
        r.get("/api/templates/{unit}/{file}", this::template, anyone);

        r.post("/api/submissions", uploads::upload, Role.CONTROLLER, Role.ADMIN);
        r.get("/api/submissions", ctx -> ctx.json(app.uploadRecords().list(AccessControl.user(ctx),
                Optional.ofNullable(ctx.queryParam("period")), Optional.ofNullable(ctx.queryParam("unit")))
                .stream().map(JsonViews::summary).toList()), anyone);
        r.get("/api/submissions/{id}", ctx -> ctx.json(JsonViews.detail(
                app.uploadRecords().get(AccessControl.user(ctx), ctx.pathParam("id")))), anyone);
        r.get("/api/submissions/{id}/original", ctx -> Downloads.send(ctx,
                app.uploadRecords().original(AccessControl.actor(ctx), ctx.pathParam("id"))), anyone);
        r.get("/api/submissions/{id}/annotated.xlsx", ctx -> Downloads.send(ctx,
                app.uploadRecords().annotated(AccessControl.actor(ctx), ctx.pathParam("id"))), anyone);

        r.get("/api/budget/{year}/template.xlsx", ctx -> Downloads.send(ctx,
                app.budgets().template(ctx.pathParam("year"))), finance);
        r.post("/api/budget/{year}", uploads::loadBudget, finance);

        r.get("/api/reports/{period}/konsolidering.xlsx", ctx -> Downloads.send(ctx,
                app.reports().workbook(AccessControl.actor(ctx), ctx.pathParam("period"), flag(ctx, "approved"))),
                finance);
        r.get("/api/reports/{period}/namnd/{code}.json", ctx -> ctx.json(DrilldownViews.of(app.namndDrilldown().of(
                AccessControl.user(ctx), ctx.pathParam("period"), ctx.pathParam("code"), flag(ctx, "approved")))),
                finance);
        r.get("/api/reports/{period}/{name}.json", this::reportJson, finance);

        r.get("/api/users", ctx -> ctx.json(app.users().list().stream().map(u -> JsonViews.user(u, null)).toList()),
                Role.ADMIN);
        r.post("/api/users", this::createUser, Role.ADMIN);
        r.patch("/api/users/{name}", this::changeUser, Role.ADMIN);
        r.get("/api/users/{name}/keys", ctx -> ctx.json(app.users().keys(ctx.pathParam("name")).stream()
                .map(JsonViews::key).toList()), Role.ADMIN);
        r.post("/api/users/{name}/keys", ctx -> newKey(ctx, false), Role.ADMIN);
        r.post("/api/users/{name}/keys/rotate", ctx -> newKey(ctx, true), Role.ADMIN);
        r.delete("/api/users/{name}/keys/{id}", ctx -> {
            app.users().revokeKey(AccessControl.actor(ctx), ctx.pathParam("name"), keyId(ctx.pathParam("id")));
            ctx.status(HttpStatus.NO_CONTENT);
        }, Role.ADMIN);
    }

    private void review(Context ctx) {
        String period = ctx.pathParam("period");
        var p = app.periods().require(period);
        String unit = ctx.pathParam("unit");
        var status = app.periods().status(period, AccessControl.user(ctx), app.catalog().organisation(),
                app.submissions());
        java.util.Map<String, Integer> current = new java.util.HashMap<>();
        status.forEach(s -> {
            if (s.currentVersion() != null) {
                current.put(s.unit(), s.currentVersion());
            }
        });
        var r = app.reviews().round(AccessControl.user(ctx), p.code(), p.deadline(), current).stream()
                .filter(x -> x.unit().equals(unit)).findFirst()
                .orElseThrow(() -> new TertialException.NotFound(ApiText.unknownUnit(unit)));
        ctx.json(JsonViews.review(p.code().toString(), r));
    }

    private void decide(Context ctx, String action) {
        String body = ctx.body();
        JsonViews.Decide d = body.isBlank() ? new JsonViews.Decide(null, null) : read(ctx, JsonViews.Decide.class);
        var actor = AccessControl.actor(ctx);
        String period = ctx.pathParam("period");
        String unit = ctx.pathParam("unit");
        var decided = switch (action) {
            case "approve" -> app.reviews().approve(actor, period, unit, d.version(), d.message());
            case "return" -> app.reviews().returnToUnit(actor, period, unit, d.version(), d.message());
            default -> app.reviews().reopen(actor, period, unit, d.message());
        };
        ctx.json(JsonViews.decided(decided));
    }

    private static se.tertial.app.AuditService.Query auditQuery(Context ctx) {
        return new se.tertial.app.AuditService.Query(ctx.queryParam("period"), ctx.queryParam("unit"),
                ctx.queryParam("user"), ctx.queryParam("kind"), ctx.queryParam("from"), ctx.queryParam("to"));
    }

    /** E-mail, notices and whether the user is active; each field optional. */
    private void changeUser(Context ctx) {
        JsonViews.ChangeUser body = read(ctx, JsonViews.ChangeUser.class);
        var actor = AccessControl.actor(ctx);
        String name = ctx.pathParam("name");
        User user = app.users().require(name);
        if (body.email() != null || body.notifySubmissions() != null) {
            app.users().setEmail(actor, name, body.email() != null ? body.email() : user.email().orElse(null),
                    body.notifySubmissions() != null ? body.notifySubmissions() : user.notifySubmissions());
        }
        if (body.active() != null && body.active() != user.active()) {
            app.users().setActive(actor, name, body.active());
        }
        ctx.json(JsonViews.user(app.users().require(name), null));
    }

    /** Another key for a user, or (rotate) a new key with every other key of theirs revoked; shown once. */
    private void newKey(Context ctx, boolean rotate) {
        String body = ctx.body();
        JsonViews.CreateKey req = body.isBlank() ? new JsonViews.CreateKey(null) : read(ctx, JsonViews.CreateKey.class);
        String user = ctx.pathParam("name");
        var key = rotate ? app.users().rotateKey(AccessControl.actor(ctx), user, req.name())
                : app.users().addKey(AccessControl.actor(ctx), user, req.name());
        ctx.status(HttpStatus.CREATED);
        ctx.json(new JsonViews.NewKeyView(key.id(), user, key.token()));
    }

    private static long keyId(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new TertialException.Invalid(ApiText.invalidId(text));
        }
    }

    static boolean flag(Context ctx, String name) {
        return "true".equalsIgnoreCase(ctx.queryParam(name));
    }

    private void reportJson(Context ctx) {
        String name = ctx.pathParam("name");
        if (name.equals("prognoshistorik")) {
            ctx.json(ReportJson.prognoshistorik(app.reports().forecastHistory(ctx.pathParam("period"),
                    flag(ctx, "approved"))));
            return;
        }
        if (!List.of("namndsavvikelser", "resultatrakning", "balansrakning", "nyckeltal", "kontroller").contains(name)) {
            throw new TertialException.NotFound(ApiText.notFoundPath(ctx.path()));
        }
        var report = app.reports().report(ctx.pathParam("period"), flag(ctx, "approved"));
        Figures f = report.figures();
        ctx.json(switch (name) {
            case "namndsavvikelser" -> ReportJson.namndsavvikelser(f);
            case "resultatrakning" -> ReportJson.resultatrakning(f);
            case "balansrakning" -> ReportJson.balansrakning(f);
            case "nyckeltal" -> ReportJson.nyckeltal(f);
            default -> ReportJson.kontroller(f, report.checkSources());
        });
    }

    private void createUser(Context ctx) {
        JsonViews.CreateUser body = read(ctx, JsonViews.CreateUser.class);
        UserRepository.Created created = app.users().add(AccessControl.actor(ctx), body.name(), body.role(),
                body.units() == null ? List.of() : body.units());
        ctx.status(HttpStatus.CREATED);
        ctx.json(JsonViews.user(created.user(), created.token()));
    }

    /** What each route's body looks like, for the message when a body is not it. */
    private static final java.util.Map<Class<?>, String> EXAMPLES = java.util.Map.of(
            JsonViews.CreatePeriod.class, "{\"code\": \"2022-T2\", \"deadline\": \"2022-09-09\"}",
            JsonViews.Deadline.class, "{\"deadline\": \"2022-09-16\"}",
            JsonViews.Decide.class, "{\"version\": 3, \"message\": \"…\"}",
            JsonViews.ChangeUser.class, "{\"email\": \"anna@region.se\", \"notifySubmissions\": true, "
                    + "\"active\": false}",
            JsonViews.CreateKey.class, "{\"name\": \"inläsningsskript\"}",
            JsonViews.CreateUser.class, "{\"name\": \"anna\", \"role\": \"controller\", \"units\": [\"FS-MED\"]}");

    /**
     * The body as the route's type: strictly — no unknown or repeated field, and no text or number where a boolean or
     * a whole number belongs (see {@link #mapper()}); the refusal names the field and shows the body the route takes.
     */
    private <T> T read(Context ctx, Class<T> type) {
        String example = EXAMPLES.getOrDefault(type, "{}");
        try {
            T body = json.readValue(ctx.body(), type);
            if (body == null) {
                throw new TertialException.Invalid(ApiText.invalidJsonBody(example));
            }
            return body;
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]"
                    : r.getFieldName()).reduce((a, b) -> a + "." + b).orElse(null);
            throw new TertialException.Invalid(field == null ? ApiText.invalidJsonBody(example)
                    : ApiText.invalidJsonField(se.tertial.spec.LogText.safe(field), example));
        } catch (JsonProcessingException e) {
            throw new TertialException.Invalid(ApiText.invalidJsonBody(example));
        }
    }

    private void createPeriod(Context ctx) {
        JsonViews.CreatePeriod body = read(ctx, JsonViews.CreatePeriod.class);
        Period created = app.periods().create(AccessControl.actor(ctx), body.code(), body.deadline());
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
            throw new TertialException.NotFound(ApiText.notFoundPath(ctx.path()));
        }
        Downloads.send(ctx, app.templates().template(ctx.pathParam("unit"), file.substring(0, dot), format));
    }

}
