package se.tertial.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import se.tertial.app.StatusBoard;
import se.tertial.app.Tertial;
import se.tertial.app.TertialException;
import se.tertial.http.Downloads;
import se.tertial.spec.CommonText;
import se.tertial.spec.MailText;
import se.tertial.spec.Namnd;
import se.tertial.spec.PageText;
import se.tertial.store.PeriodState;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The status board finance runs a round with ({@code /perioder/{period}}): filtered, searched and sorted by links
 * and a form (no script), each unit's controllers with "Påminn", approving several clean units after one
 * confirmation, the board as .xlsx, and moving the deadline.
 */
final class BoardPages {
    private final Tertial app;
    private final WebApp web;

    BoardPages(Tertial app, WebApp web) {
        this.app = app;
        this.web = web;
    }

    void routes(RoutesConfig r) {
        r.get("/perioder/{period}", ctx -> board(ctx, Outcome.NONE), PageRole.FINANCE);
        r.get("/perioder/{period}/status.xlsx", ctx -> Downloads.send(ctx, app.statusBoard().workbook(
                PageAccess.signedIn(ctx).user(), ctx.pathParam("period"), query(ctx))), PageRole.FINANCE);
        r.post("/perioder/{period}/paminn", this::remind, PageRole.FINANCE);
        r.post("/perioder/{period}/godkann", this::approve, PageRole.FINANCE);
        r.post("/perioder/{period}/sista-dag", this::deadline, PageRole.FINANCE);
    }

    /** What the last action on the board did, shown above it. */
    private record Outcome(String notice, String error, List<String> approved, List<String> refused) {
        static final Outcome NONE = new Outcome(null, null, List.of(), List.of());

        static Outcome notice(String text) {
            return new Outcome(text, null, List.of(), List.of());
        }

        static Outcome error(String text) {
            return new Outcome(null, text, List.of(), List.of());
        }
    }

    private StatusBoard.Query query(Context ctx) {
        return app.statusBoard().query(ctx.queryParam("namnd"), ctx.queryParam("granskning"), ctx.queryParam("sok"),
                ctx.queryParam("sortera"), ctx.queryParam("ordning"));
    }

    /** "Påminn" for one unit ({@code enhet}) or every unit still owing its report ({@code alla=ja}). */
    private void remind(Context ctx) {
        String period = ctx.pathParam("period");
        List<String> units = "ja".equals(ctx.formParam("alla")) ? app.remindNow().missing(period)
                : ctx.formParams("enhet").stream().limit(1000).toList();
        try {
            var done = app.remindNow().remind(PageAccess.actor(ctx), period, units);
            board(ctx, Outcome.notice(MailText.reminded(done.reminded(), done.alreadyToday(), done.noAddress())));
        } catch (TertialException.Invalid | TertialException.Conflict e) {
            ctx.status(e instanceof TertialException.Conflict ? 409 : 400);
            board(ctx, Outcome.error(e.getMessage()));
        }
    }

    /**
     * The ticked units ({@code enhet=FS-MED:3}, the version the board showed): first a page naming each unit and
     * version, then, confirmed, each approved on its own, a newer version or a report no longer clean refused.
     */
    private void approve(Context ctx) {
        String period = ctx.pathParam("period");
        List<StatusBoard.Pick> picks;
        try {
            picks = ctx.formParams("enhet").stream().limit(1000).map(StatusBoard.Pick::parse).distinct().toList();
            if (picks.isEmpty()) {
                throw new TertialException.Invalid(se.tertial.spec.ApiText.BULK_NOTHING_PICKED);
            }
        } catch (TertialException.Invalid e) {
            ctx.status(400);
            board(ctx, Outcome.error(e.getMessage()));
            return;
        }
        var viewer = PageAccess.signedIn(ctx).user();
        if (!AdminPages.confirmed(ctx)) {
            List<String> items = new ArrayList<>();
            List<Views.Option> fields = new ArrayList<>();
            var rows = app.statusBoard().picked(viewer, period, picks);
            for (int i = 0; i < picks.size(); i++) {
                var s = rows.get(i).status();
                items.add(PageText.bulkItem(s.name(), s.unit(), picks.get(i).version()));
                fields.add(new Views.Option("enhet", picks.get(i).toString(), false));
            }
            String name = CommonText.periodName(app.periods().require(period).code());
            web.confirm(ctx, "Godkänn " + picks.size() + " rapporter, " + name, "/perioder", new Views.Confirm(
                    PageText.confirmBulkApprove(picks.size()), "/perioder/" + period + "/godkann",
                    "Ja, godkänn " + picks.size() + " rapporter", "/perioder/" + period, fields, items));
            return;
        }
        var done = app.statusBoard().approve(PageAccess.actor(ctx), period, picks);
        var rows = app.statusBoard().picked(viewer, period, picks);
        Map<String, String> names = rows.stream().collect(Collectors.toMap(r -> r.status().unit(),
                r -> r.status().name(), (a, b) -> a, LinkedHashMap::new));
        List<String> approved = done.approved().stream().map(d -> PageText.bulkItem(names.get(d.unit()), d.unit(),
                d.version())).toList();
        List<String> refused = done.refused().stream().map(f -> PageText.bulkRefusedItem(f.name(), f.unit(),
                f.version(), f.reason())).toList();
        if (!refused.isEmpty()) {
            ctx.status(409);
        }
        board(ctx, new Outcome(approved.isEmpty() ? null : PageText.bulkApproved(approved.size()),
                refused.isEmpty() ? null : PageText.bulkRefused(refused.size()), approved, refused));
    }

    private void deadline(Context ctx) {
        String period = ctx.pathParam("period");
        String date = ctx.formParam("sista_dag");
        try {
            var p = app.periods().setDeadline(PageAccess.actor(ctx), period,
                    date == null || date.length() > 100 ? date == null ? null : date.substring(0, 100) : date);
            board(ctx, Outcome.notice(PageText.deadlineMoved(CommonText.periodName(p.code()),
                    p.deadline().toString())));
        } catch (TertialException.Invalid | TertialException.Conflict e) {
            ctx.status(e instanceof TertialException.Conflict ? 409 : 400);
            board(ctx, Outcome.error(e.getMessage()));
        }
    }

    private void board(Context ctx, Outcome outcome) {
        StatusBoard.Query q;
        Outcome shown = outcome;
        try {
            q = query(ctx);
        } catch (TertialException.Invalid e) {
            ctx.status(400);
            q = StatusBoard.Query.ALL;
            shown = Outcome.error(e.getMessage());
        }
        String code = ctx.pathParam("period");
        var board = app.statusBoard().board(PageAccess.signedIn(ctx).user(), code, q);
        boolean locked = board.period().state() == PeriodState.LOCKED;
        boolean mailOn = app.testMail().configured();
        List<Views.BoardRow> rows = new ArrayList<>();
        for (var r : board.rows()) {
            Views.UnitRow u = Views.UnitRow.of(r.status(), code);
            boolean owing = List.of("saknas", "forsenad", "atersand").contains(r.reviewKey());
            rows.add(new Views.BoardRow(u, r.status().namnd(), r.namndName(), r.controllers().isEmpty() ? "–"
                    : r.controllers(), mailOn && !locked && owing,
                    r.clean() && !locked ? r.status().unit() + ":" + r.status().currentVersion() : null));
        }
        List<Views.Option> namnder = new ArrayList<>();
        namnder.add(new Views.Option("", "Alla nämnder", q.namnd().isEmpty()));
        for (Namnd n : app.catalog().organisation().namnder()) {
            namnder.add(new Views.Option(n.code().value(), n.name() + " (" + n.code().value() + ")",
                    q.namnd().map(n.code().value()::equals).orElse(false)));
        }
        List<Views.Option> reviews = new ArrayList<>();
        reviews.add(new Views.Option("", "Alla lägen", q.review().isEmpty()));
        for (String k : StatusBoard.REVIEW_KEYS) {
            reviews.add(new Views.Option(k, StatusBoard.reviewWord(k), q.review().map(k::equals).orElse(false)));
        }
        String filters = link(q.filters());
        String base = "/perioder/" + code;
        List<Views.SortHeading> headings = new ArrayList<>();
        String[] labels = {"Enhet", "Nämnd", "Granskning", "Senaste uppladdning", "Version", "Inlämnad", "Controller"};
        for (int i = 0; i < labels.length; i++) {
            String key = StatusBoard.SORT_KEYS.get(i);
            boolean current = q.sort().map(key::equals).orElse(false);
            boolean nextDescending = current && !q.descending();
            String href = base + "?" + (filters.isEmpty() ? "" : filters + "&") + "sortera=" + key
                    + (nextDescending ? "&ordning=fallande" : "");
            headings.add(new Views.SortHeading(labels[i], href, current ? q.descending() ? "descending" : "ascending"
                    : null, current ? q.descending() ? "fallande" : "stigande" : null));
        }
        Map<String, String> all = new LinkedHashMap<>(q.filters());
        q.sort().ifPresent(s -> all.put("sortera", s));
        if (q.descending()) {
            all.put("ordning", "fallande");
        }
        List<Views.Count> c = new ArrayList<>();
        board.outcomeCounts().forEach((k, v) -> c.add(new Views.Count(CommonText.statusLabel(k), v)));
        List<Views.Count> rc = new ArrayList<>();
        board.reviewCounts().forEach((k, v) -> rc.add(new Views.Count(k, v)));
        Map<String, Object> params = new HashMap<>();
        params.put("rows", rows);
        params.put("shown", rows.size());
        params.put("total", board.total());
        params.put("headings", headings);
        params.put("namnder", namnder);
        params.put("reviews", reviews);
        params.put("search", q.search().orElse(""));
        params.put("counts", c);
        params.put("reviewCounts", rc);
        params.put("period", code);
        params.put("deadline", board.period().deadline().toString());
        params.put("locked", locked);
        params.put("mailOn", mailOn);
        params.put("bulk", rows.stream().anyMatch(r -> r.pick() != null));
        params.put("xlsxHref", base + "/status.xlsx" + (all.isEmpty() ? "" : "?" + link(all)));
        params.put("notice", shown.notice());
        params.put("error", shown.error());
        params.put("approved", shown.approved());
        params.put("refused", shown.refused());
        web.render(ctx, "board.jte", web.frame(ctx, "Status " + CommonText.periodName(board.period().code()),
                "/perioder"), params);
    }

    private static String link(Map<String, String> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
