package se.tertial.http;

import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.javalin.http.UploadedFile;
import se.tertial.app.BudgetService;
import se.tertial.app.ReceivedFile;
import se.tertial.app.TertialException;
import se.tertial.app.Tertial;
import se.tertial.app.UploadService;
import se.tertial.spec.Severity;
import se.tertial.store.User;
import se.tertial.store.UserRole;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import se.tertial.spec.LogText;
import se.tertial.spec.ApiText;
import se.tertial.spec.CliText;
import java.util.Locale;

/**
 * The API's two routes that receive a workbook, a filled template ({@code POST /api/submissions}) and a budget
 * ({@code POST /api/budget/{year}}): the multipart body read within the upload limit, uploads throttled per key and
 * per client address, and the outcome as its HTTP status.
 */
final class UploadRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(UploadRoutes.class);
    private final Tertial app;
    private final RateLimiter uploadsPerKey;
    private final RateLimiter uploadsPerAddress;

    UploadRoutes(Tertial app) {
        this.app = app;
        var limits = app.config().limits();
        this.uploadsPerKey = new RateLimiter(limits.uploadsPerMinute(), java.time.Clock.systemUTC());
        this.uploadsPerAddress = new RateLimiter(limits.uploadsPerMinute(), java.time.Clock.systemUTC());
    }

    /** Uploads per key and per client address; an admin's bulk load of history is exempt. */
    private void throttleUpload(Context ctx, User user, UploadService.Options options) {
        if (options.bulk() && user.role() == UserRole.ADMIN) {
            return;
        }
        uploadsPerKey.take(user.name()).ifPresent(wait -> {
            throw new TertialException.TooMany(wait);
        });
        uploadsPerAddress.take(ctx.ip()).ifPresent(wait -> {
            throw new TertialException.TooMany(wait);
        });
    }

    /** {@code ?bulk=true&allowLocked=true} (admin, for loading history) and {@code ?dryRun=true}. */
    void upload(Context ctx) {
        User user = AccessControl.user(ctx);
        UploadService.Options options = new UploadService.Options(HttpApi.flag(ctx, "bulk"), HttpApi.flag(ctx, "allowLocked"),
                HttpApi.flag(ctx, "dryRun"));
        if ((options.bulk() || options.allowLocked()) && user.role() != UserRole.ADMIN) {
            throw new TertialException.Forbidden(CliText.BULK_ADMIN_ONLY);
        }
        throttleUpload(ctx, user, options);
        try (ReceivedFile file = receive(ctx)) {
            UploadService.Result result = app.uploads().upload(AccessControl.actor(ctx), file, options,
                    Optional.ofNullable(ctx.formParam("message")));
            ctx.status(switch (result.outcome()) {
                case ACCEPTED, ACCEPTED_WITH_WARNINGS -> options.dryRun() ? 200 : 201;
                case UNCHANGED, DUPLICATE -> 200;
                case FORBIDDEN -> 403;
                case REJECTED -> 422;
            });
            if (result.outcome().isAccepted() && !options.dryRun()) {
                ctx.header("Location", "/api/submissions/" + result.id());
            }
            ctx.json(JsonViews.upload(result));
        }
    }

    void loadBudget(Context ctx) {
        throttleUpload(ctx, AccessControl.user(ctx), UploadService.Options.UPLOAD);
        try (ReceivedFile file = receive(ctx)) {
            BudgetService.Loaded loaded = app.budgets().load(AccessControl.actor(ctx), ctx.pathParam("year"), file,
                    app.audit());
            ctx.status(loaded.outcome() == se.tertial.ingest.Outcome.REJECTED ? 422 : 201);
            ctx.json(new JsonViews.BudgetView(loaded.uploadId(), loaded.year(), loaded.outcome().json(),
                    loaded.amounts(), JsonViews.findings(loaded.findings(), Severity.WARNING),
                    JsonViews.findings(loaded.findings(), Severity.ERROR)));
        }
    }

    private ReceivedFile receive(Context ctx) {
        UploadedFile part;
        try {
            part = ctx.isMultipartFormData() ? ctx.uploadedFile("file") : null;
        } catch (Exception e) {
            // Jetty's ServletException arrives unchecked through Kotlin; a body over the limit is one of them.
            throw tooLargeOrMalformed(e);
        }
        if (part == null) {
            throw new TertialException.Invalid(ApiText.MISSING_FILE);
        }
        try (InputStream in = part.content()) {
            return ReceivedFile.receive(part.filename(), in, app.config().maxUploadBytes());
        } catch (IOException e) {
            throw new TertialException.Invalid(ApiText.MISSING_FILE);
        }
    }

    /** Jetty reports a multipart body over the limit as a failure to read it; anything else is a bad request. */
    private RuntimeException tooLargeOrMalformed(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (m.contains("max file size") || m.contains("max request size") || m.contains("too large")
                    || m.contains("exceeded")) {
                return new TertialException.TooLarge(ApiText.fileTooLarge(app.config().maxUploadBytes()));
            }
        }
        LOG.info("unreadable multipart body: {}", LogText.safe(e.toString()));
        return new TertialException.Invalid(ApiText.BAD_MULTIPART);
    }
}
