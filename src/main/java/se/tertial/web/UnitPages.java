package se.tertial.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import se.tertial.app.PeriodService;
import se.tertial.app.ReceivedFile;
import se.tertial.app.Tertial;
import se.tertial.app.TertialException;
import se.tertial.app.UploadService;
import se.tertial.http.Downloads;
import se.tertial.spec.Finding;
import se.tertial.spec.ApiText;
import se.tertial.spec.CommonText;
import se.tertial.spec.FindingText;
import se.tertial.spec.PageText;
import se.tertial.store.Period;
import se.tertial.store.PeriodState;
import se.tertial.store.UploadRecord;
import se.tertial.store.User;
import se.tertial.store.UserRole;
import se.tertial.workbook.WorkbookFormat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "Mina enheter": each open period with the person's units (a controller's own; finance and admin see all), their
 * state, deadline and templates; the upload form; what an upload found; every attempt of a unit and period.
 */
final class UnitPages {
    private final Tertial app;
    private final WebApp web;

    UnitPages(Tertial app, WebApp web) {
        this.app = app;
        this.web = web;
    }

    void routes(RoutesConfig r) {
        PageRole[] everyone = {PageRole.CONTROLLER, PageRole.FINANCE, PageRole.ADMIN};
        r.get("/enheter", this::units, everyone);
        r.get("/enheter/{unit}/{period}/mall.xlsx", ctx -> template(ctx, WorkbookFormat.XLSX), everyone);
        r.get("/enheter/{unit}/{period}/mall.xls", ctx -> template(ctx, WorkbookFormat.XLS), everyone);
        r.get("/enheter/{unit}/{period}", this::history, everyone);
        r.post("/enheter/{unit}/{period}/godkann", ctx -> decide(ctx, "approve"), PageRole.FINANCE, PageRole.ADMIN);
        r.post("/enheter/{unit}/{period}/atersand", ctx -> decide(ctx, "return"), PageRole.FINANCE, PageRole.ADMIN);
        r.post("/enheter/{unit}/{period}/ateroppna", ctx -> decide(ctx, "reopen"), PageRole.FINANCE, PageRole.ADMIN);
        r.post("/inlamning", this::upload, PageRole.CONTROLLER, PageRole.ADMIN);
        r.get("/inlamningar/{id}", this::submission, everyone);
        r.get("/inlamningar/{id}/original", ctx -> Downloads.send(ctx, app.uploadRecords().original(PageAccess.actor(ctx),
                ctx.pathParam("id"))), everyone);
        r.get("/inlamningar/{id}/markerad", ctx -> Downloads.send(ctx, app.uploadRecords().annotated(PageAccess.actor(ctx),
                ctx.pathParam("id"))), everyone);
    }

    private static User user(Context ctx) {
        return PageAccess.signedIn(ctx).user();
    }



    /** Open periods first (newest first), then the earlier, locked ones, read-only. */
    private void units(Context ctx) {
        User user = user(ctx);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Stockholm"));
        List<Views.PeriodView> open = new ArrayList<>();
        List<Views.PeriodView> locked = new ArrayList<>();
        for (Period p : app.periods().list()) {
            boolean isLocked = p.state() != PeriodState.OPEN;
            List<Views.UnitRow> rows = new ArrayList<>();
            for (PeriodService.UnitStatusView s : app.periods().status(p.code().toString(), user,
                    app.catalog().organisation(), app.submissions(), app.reviews())) {
                rows.add(Views.UnitRow.of(s, p.code().toString()));
            }
            long days = ChronoUnit.DAYS.between(today, p.deadline());
            (isLocked ? locked : open).add(new Views.PeriodView(p.code().toString(), CommonText.periodName(p.code()),
                    p.deadline().toString(), isLocked ? PageText.PERIOD_LOCKED_READ_ONLY : PageText.daysLeft(days),
                    !isLocked && days < 0, isLocked, rows));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("periods", open);
        params.put("earlier", locked);
        params.put("mayUpload", user.role() != UserRole.FINANCE);
        web.render(ctx, "units.jte", web.frame(ctx, user.seesAllUnits() ? "Enheter" : "Mina enheter", "/enheter"),
                params);
    }

    private void template(Context ctx, WorkbookFormat format) {
        Downloads.send(ctx, app.templates().template(ctx.pathParam("unit"), ctx.pathParam("period"), format));
    }



    private void upload(Context ctx) {
        User user = user(ctx);
        List<Views.UploadView> results = new ArrayList<>();
        for (UploadedFile part : PageFiles.chosen(ctx)) {
            try (ReceivedFile file = PageFiles.receive(part, app.config().maxUploadBytes())) {
                UploadService.Result r = app.uploads().upload(PageAccess.actor(ctx), file,
                        UploadService.Options.UPLOAD, java.util.Optional.ofNullable(ctx.formParam("meddelande")));
                List<Finding> all = new ArrayList<>(r.errors());
                all.addAll(r.warnings());
                boolean workbook = app.uploadRecords().get(user, Long.toString(r.id())).format() != null;
                results.add(new Views.UploadView(part.filename(), r.outcome().dbValue(),
                        CommonText.bulkOutcome(r.outcome().dbValue()), r.outcome().isAccepted(), r.unit().orElse(null),
                        r.period().orElse(null), r.version().orElse(null), findings(all),
                        workbook ? "/inlamningar/" + r.id() + "/markerad" : null, "/inlamningar/" + r.id()));
            }
        }
        boolean anyRejected = results.stream().anyMatch(v -> !v.accepted());
        ctx.status(anyRejected ? 422 : 200);
        web.render(ctx, "upload.jte", web.frame(ctx, "Resultat av uppladdningen", "/enheter"),
                Map.of("results", results));
    }

    /** Findings as a person reads them: errors first, the line by its label, the rule by its name. */
    private List<Views.FindingView> findings(List<Finding> all) {
        return findings(app.catalog(), all);
    }

    static List<Views.FindingView> findings(se.tertial.spec.SpecCatalog catalog, List<Finding> all) {
        return all.stream().sorted(Comparator.comparing(f -> f.isError() ? 0 : 1))
                .map(f -> new Views.FindingView(f.isError() ? CommonText.SEVERITY_ERROR : CommonText.SEVERITY_WARNING,
                        f.sheet(), f.cell(), catalog.lineLabel(f.sheet(), f.line()), f.column(),
                        FindingText.ruleName(f.rule()), f.message())).toList();
    }


    private void history(Context ctx) {
        String unit = ctx.pathParam("unit");
        String period = ctx.pathParam("period");
        List<Views.AttemptRow> rows = new ArrayList<>();
        for (UploadRecord r : app.uploadRecords().list(user(ctx), Optional.of(period), Optional.of(unit))) {
            rows.add(new Views.AttemptRow(r.id(), CommonText.dateTime(r.uploadedAt()), r.uploadedBy(), r.fileName(),
                    CommonText.bulkOutcome(r.outcome().dbValue()), r.version().orElse(null), r.current(),
                    "/inlamningar/" + r.id()));
        }
        var u = app.templates().unit(unit);
        se.tertial.app.UnitFigures figures = app.reviewFigures().of(user(ctx), unit, period);
        Map<String, Object> params = new HashMap<>();
        params.put("unit", u.code().value());
        params.put("unitName", u.name());
        params.put("period", period);
        params.put("attempts", rows);
        params.put("review", panel(user(ctx), u.code().value(), period));
        params.put("version", figures.version().orElse(null));
        params.put("sheets", ReviewView.sheets(figures));
        params.put("changes", ReviewView.changes(figures));
        web.render(ctx, "history.jte", web.frame(ctx, "Historik och granskning " + u.name() + " " + period,
                "/enheter"), params);
    }

    /** The unit's state and thread; for finance, which decisions the state allows. */
    private Views.ReviewPanel panel(User user, String unit, String periodText) {
        Period period = app.periods().require(periodText);
        PeriodService.UnitStatusView s = app.periods().status(periodText, user, app.catalog().organisation(),
                app.submissions(), app.reviews()).stream().filter(x -> x.unit().equals(unit)).findFirst()
                .orElseThrow(() -> new se.tertial.app.TertialException.NotFound(ApiText.unknownUnit(unit)));
        List<Views.ThreadRow> thread = s.thread().stream().map(m -> new Views.ThreadRow(CommonText.dateTime(m.at()),
                m.author(), PageText.threadAction(m.action()), m.version(), m.message())).toList();
        boolean open = period.state() == PeriodState.OPEN;
        boolean decides = user.seesAllUnits();
        boolean waiting = "inlamnad".equals(s.review()) || "ateroppnad".equals(s.review());
        String base = "/enheter/" + unit + "/" + period.code();
        return new Views.ReviewPanel(s.review(), s.reviewLabel(), s.currentVersion(), thread, decides && open,
                waiting && s.currentVersion() != null, waiting && s.currentVersion() != null,
                "godkand".equals(s.review()), base + "/godkann", base + "/atersand", base + "/ateroppna");
    }

    /** A finance decision from the unit's page; back to the page, where the new state and thread show. */
    private void decide(Context ctx, String action) {
        String unit = ctx.pathParam("unit");
        String period = ctx.pathParam("period");
        Integer version = null;
        String v = ctx.formParam("version");
        if (v != null && !v.isBlank()) {
            try {
                version = Integer.valueOf(v.strip());
            } catch (NumberFormatException e) {
                throw new se.tertial.app.TertialException.Invalid(ApiText.REVIEW_VERSION_REQUIRED);
            }
        }
        String message = ctx.formParam("meddelande");
        var actor = PageAccess.actor(ctx);
        switch (action) {
            case "approve" -> app.reviews().approve(actor, period, unit, version, message);
            case "return" -> app.reviews().returnToUnit(actor, period, unit, version, message);
            default -> app.reviews().reopen(actor, period, unit, message);
        }
        throw new Redirect("/enheter/" + unit + "/" + period);
    }

    private void submission(Context ctx) {
        UploadRecord r = app.uploadRecords().get(user(ctx), ctx.pathParam("id"));
        Views.UploadView v = new Views.UploadView(r.fileName(), r.outcome().dbValue(), CommonText.bulkOutcome(r.outcome().dbValue()),
                r.outcome().isAccepted(), r.unit(), r.period(), r.version().orElse(null), findings(r.findings()),
                r.format() != null ? "/inlamningar/" + r.id() + "/markerad" : null, "/inlamningar/" + r.id());
        web.render(ctx, "submission.jte", web.frame(ctx, "Inlämning " + r.id(), "/enheter"),
                Map.of("upload", v, "id", r.id(), "at", CommonText.dateTime(r.uploadedAt()), "by", r.uploadedBy(),
                        "originalHref", "/inlamningar/" + r.id() + "/original"));
    }
}
