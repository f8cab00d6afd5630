package se.tertial.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import se.tertial.app.BudgetService;
import se.tertial.app.PeriodService;
import se.tertial.app.ReceivedFile;
import se.tertial.app.Tertial;
import se.tertial.app.TertialException;
import se.tertial.http.Downloads;
import se.tertial.report.ReportJson;
import se.tertial.spec.CommonText;
import se.tertial.spec.PageText;
import se.tertial.spec.Namnd;
import se.tertial.store.Period;
import se.tertial.store.PeriodState;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finance's pages: the periods (create, lock, reopen), the budget workbook, the audit log, and the
 * report with the nämndsavvikelser table (the same figures as its JSON, in mnkr) and the checks.
 */
final class FinancePages {
    private final Tertial app;
    private final WebApp web;

    FinancePages(Tertial app, WebApp web) {
        this.app = app;
        this.web = web;
    }

    void routes(RoutesConfig r) {
        r.get("/perioder", ctx -> periods(ctx, null, 200), PageRole.FINANCE);
        r.post("/perioder", this::create, PageRole.FINANCE);
        r.post("/perioder/{period}/las", ctx -> lock(ctx, true), PageRole.FINANCE);
        r.post("/perioder/{period}/oppna", ctx -> lock(ctx, false), PageRole.FINANCE);
        r.get("/rapport/{period}", this::report, PageRole.FINANCE);
        r.get("/rapport/{period}/namnd/{code}", this::namnd, PageRole.FINANCE);
        r.get("/rapport/{period}/konsolidering.xlsx", ctx -> Downloads.send(ctx,
                app.reports().workbook(PageAccess.actor(ctx), ctx.pathParam("period"),
                        "true".equals(ctx.queryParam("godkanda")))), PageRole.FINANCE);
        r.get("/handelser", this::audit, PageRole.FINANCE);
        r.get("/handelser.xlsx", ctx -> Downloads.send(ctx, app.audit().workbook(PageAccess.signedIn(ctx).user(),
                auditQuery(ctx))), PageRole.FINANCE);
        r.get("/budget", ctx -> budget(ctx, null), PageRole.FINANCE);
        r.get("/budget/{year}/mall.xlsx", ctx -> Downloads.send(ctx, app.budgets().template(ctx.pathParam("year"))),
                PageRole.FINANCE);
        r.post("/budget", this::loadBudget, PageRole.FINANCE);
    }

    private void periods(Context ctx, String error, int status) {
        periods(ctx, null, error, status, "", "");
    }

    private void periods(Context ctx, String notice, String error, int status, String code, String deadline) {
        List<Views.PeriodRow> rows = new ArrayList<>();
        for (Period p : app.periods().list()) {
            boolean locked = p.state() == PeriodState.LOCKED;
            rows.add(new Views.PeriodRow(p.code().toString(), CommonText.periodName(p.code()), p.deadline().toString(),
                    locked, locked ? "låst" : "öppen", "/perioder/" + p.code(), "/rapport/" + p.code()));
        }
        ctx.status(status);
        Map<String, Object> params = new HashMap<>();
        params.put("periods", rows);
        params.put("error", error);
        params.put("notice", notice);
        params.put("code", code);
        params.put("deadline", deadline);
        web.render(ctx, "periods.jte", web.frame(ctx, "Perioder", "/perioder"), params);
    }

    private void create(Context ctx) {
        String code = short100(ctx.formParam("kod"));
        String deadline = short100(ctx.formParam("sista_dag"));
        try {
            app.periods().create(PageAccess.actor(ctx), code, deadline);
        } catch (TertialException.Invalid | TertialException.Conflict e) {
            periods(ctx, null, e.getMessage(), 400, code, deadline);
            return;
        }
        periods(ctx, PageText.periodCreated(CommonText.periodName(se.tertial.spec.PeriodCode.parse(code.strip())),
                deadline.strip()), null, 201, "", "");
    }

    private static String short100(String v) {
        return v == null ? "" : v.length() > 100 ? v.substring(0, 100) : v;
    }

    /** Locking asks first (a second step, not a script dialog); reopening does not need to. */
    private void lock(Context ctx, boolean locked) {
        Period period = app.periods().require(ctx.pathParam("period"));
        String name = CommonText.periodName(period.code());
        if (locked && !AdminPages.confirmed(ctx)) {
            web.confirm(ctx, "Lås " + name, "/perioder", new Views.Confirm(PageText.confirmLock(name),
                    "/perioder/" + period.code() + "/las", "Ja, lås perioden", "/perioder", List.of(), List.of()));
            return;
        }
        app.periods().setLocked(PageAccess.actor(ctx), period.code().toString(), locked);
        periods(ctx, locked ? PageText.periodLockedNotice(name) : PageText.periodUnlockedNotice(name), null, 200,
                "", "");
    }

    private static se.tertial.app.AuditService.Query auditQuery(Context ctx) {
        return new se.tertial.app.AuditService.Query(ctx.queryParam("period"), ctx.queryParam("enhet"),
                ctx.queryParam("anvandare"), ctx.queryParam("typ"), ctx.queryParam("fran"), ctx.queryParam("till"));
    }

    /** The audit log with filters; the newest 500 events on the page, all of them in the .xlsx. */
    private void audit(Context ctx) {
        var q = auditQuery(ctx);
        List<se.tertial.store.AuditEvent> events = app.audit().list(PageAccess.signedIn(ctx).user(), q);
        List<Views.AuditRow> rows = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0 && rows.size() < 500; i--) {
            var e = events.get(i);
            rows.add(new Views.AuditRow(e.id(), CommonText.dateTime(e.at()), e.actor(), e.via(),
                    e.address().orElse(""), se.tertial.app.AuditService.kindInWords(e.kind()), e.unit().orElse(""),
                    e.period().orElse(""), e.version().map(String::valueOf).orElse(""),
                    se.tertial.app.AuditService.detailInWords(e).orElse("")));
        }
        List<Views.Option> kinds = new ArrayList<>();
        kinds.add(new Views.Option("", "Alla", q.kind() == null || q.kind().isBlank()));
        for (var k : se.tertial.app.AuditKind.values()) {
            kinds.add(new Views.Option(k.code(), k.swedish(), k.code().equals(q.kind())));
        }
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        Map<String, Object> p = new HashMap<>();
        p.put("rows", rows);
        p.put("total", events.size());
        p.put("kinds", kinds);
        p.put("period", nz(q.period()));
        p.put("unit", nz(q.unit()));
        p.put("user", nz(q.user()));
        p.put("from", nz(q.from()));
        p.put("to", nz(q.to()));
        p.put("xlsxHref", "/handelser.xlsx" + query);
        web.render(ctx, "audit.jte", web.frame(ctx, "Händelselogg", "/handelser"), p);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** How many units a check names on the page; the JSON has them all. */
    private static final int SOURCES_SHOWN = 10;

    private void report(Context ctx) {
        String code = ctx.pathParam("period");
        boolean approvedOnly = "true".equals(ctx.queryParam("godkanda"));
        var report = app.reports().report(code, approvedOnly);
        var figures = report.figures();
        ReportJson.Namndsavvikelser n = ReportJson.namndsavvikelser(figures);
        List<Views.DeviationRow> rows = new ArrayList<>();
        for (ReportJson.NamndRowView row : n.rows()) {
            rows.add(new Views.DeviationRow(row.label(), !"group".equals(row.kind()), mnkr(row.periodDeviation()),
                    mnkr(row.forecastDeviation()), "namnd".equals(row.kind()) ? "/rapport/" + code + "/namnd/"
                    + row.namnd() + (approvedOnly ? "?godkanda=true" : "") : null));
        }
        List<Views.CheckRow> checks = new ArrayList<>();
        for (ReportJson.CheckView check : ReportJson.kontroller(figures, report.checkSources()).rows()) {
            List<Views.CheckSource> sources = check.sources().stream().limit(SOURCES_SHOWN).map(u ->
                    new Views.CheckSource(u.name() + " (" + u.unit() + ")", "/enheter/" + u.unit() + "/" + code,
                            u.difference() == null ? null : mnkr(u.difference()))).toList();
            checks.add(new Views.CheckRow(check.label(), mnkr(check.difference()), check.ok(),
                    PageText.checkExplained(check.code()), sources, check.sources().size() - sources.size()));
        }
        var history = app.reports().forecastHistory(code, approvedOnly);
        List<String> columns = history.columns().stream().map(c -> se.tertial.spec.ReportText.historyColumn(
                c.isYearEnd(), c.year(), c.tertial())).toList();
        List<Views.HistoryRow> historyRows = new ArrayList<>();
        List<String> namnder = new ArrayList<>();
        List<List<BigDecimal>> totals = new ArrayList<>();
        for (var row : history.rows()) {
            List<BigDecimal> values = history.columns().stream().map(c -> row.values().get(c)
                    .map(se.tertial.money.Amount::tkr).orElse(null)).toList();
            historyRows.add(new Views.HistoryRow(row.unit().orElse(row.namnd()), row.name(), row.total(),
                    values.stream().map(FinancePages::mnkr).toList()));
            if (row.total()) {
                namnder.add(row.namnd());
                totals.add(values);
            }
        }
        Map<String, Object> params = new HashMap<>();
        params.put("period", code);
        params.put("rows", rows);
        params.put("checks", checks);
        params.put("missing", n.report().missing());
        params.put("rejected", n.report().rejected());
        params.put("notApproved", n.report().notApproved());
        params.put("approvedOnly", approvedOnly);
        params.put("deviationChart", BarChart.of(PageText.deviationChartTitle(CommonText.periodName(
                figures.period())), n.rows().stream().filter(row -> "namnd".equals(row.kind())).map(row ->
                new BarChart.Values(row.label(), row.periodDeviation(), row.forecastDeviation())).toList()));
        params.put("historyColumns", columns);
        params.put("historyRows", historyRows);
        params.put("historyChart", LineChart.of(se.tertial.spec.PageText.historyChartTitle(code), columns, namnder,
                totals));
        web.render(ctx, "report.jte", web.frame(ctx, "Rapport " + n.report().name(), "/perioder"), params);
    }

    /** The report's second level: a nämnd's units, each leading to its review page (lines and comments). */
    private void namnd(Context ctx) {
        String code = ctx.pathParam("period");
        boolean approvedOnly = "true".equals(ctx.queryParam("godkanda"));
        var n = app.namndDrilldown().of(PageAccess.signedIn(ctx).user(), code, ctx.pathParam("code"), approvedOnly);
        List<Views.DrillUnit> units = new ArrayList<>();
        for (var u : n.units()) {
            units.add(new Views.DrillUnit(u.figures().unit(), u.figures().name(), u.group(),
                    mnkr(u.figures().periodDeviation().map(se.tertial.money.Amount::tkr).orElse(null)),
                    mnkr(u.figures().forecastDeviation().map(se.tertial.money.Amount::tkr).orElse(null)),
                    u.review(), u.reviewLabel(), u.warnings(), u.latestUpload().map(CommonText::dateTime)
                    .map(t -> t + u.latestBy().map(b -> " av " + b).orElse("")).orElse("–"),
                    "/enheter/" + u.figures().unit() + "/" + code, u.figures().comments()));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("period", code);
        params.put("namnd", n.drilldown().namnd());
        params.put("units", units);
        params.put("periodTotal", mnkr(n.drilldown().period().map(se.tertial.money.Amount::tkr).orElse(null)));
        params.put("forecastTotal", mnkr(n.drilldown().forecast().map(se.tertial.money.Amount::tkr).orElse(null)));
        params.put("approvedOnly", approvedOnly);
        params.put("chart", BarChart.of(PageText.unitChartTitle(n.drilldown().name(), CommonText.periodName(
                n.figures().period())), n.units().stream().map(u -> new BarChart.Values(u.figures().name(),
                u.figures().periodDeviation().map(se.tertial.money.Amount::tkr).orElse(null),
                u.figures().forecastDeviation().map(se.tertial.money.Amount::tkr).orElse(null))).toList()));
        web.render(ctx, "namnd.jte", web.frame(ctx, n.drilldown().name() + ", " + CommonText.periodName(
                n.figures().period()), "/perioder"), params);
    }

    /**
     * Tkr as mnkr with one decimal (more when a small non-zero figure would otherwise round to 0 and lose its sign),
     * an explicit sign (U+2212 for minus) and a decimal comma; "–" when absent.
     */
    static String mnkr(BigDecimal tkr) {
        if (tkr == null) {
            return "–";
        }
        int decimals = 1;
        while (decimals < 3 && tkr.signum() != 0
                && tkr.movePointLeft(3).setScale(decimals, RoundingMode.HALF_UP).signum() == 0) {
            decimals++;
        }
        BigDecimal m = tkr.movePointLeft(3).setScale(decimals, RoundingMode.HALF_UP);
        String digits = m.abs().toPlainString().replace('.', ',');
        return (m.signum() > 0 ? "+" : m.signum() < 0 ? "\u2212" : "±") + digits;
    }

    private void budget(Context ctx, BudgetService.Loaded loaded) {
        Map<String, Object> params = new HashMap<>();
        int year = java.time.Year.now().getValue();
        params.put("years", List.of(year - 1, year, year + 1));
        params.put("loaded", loaded == null ? null : new Views.UploadView("budget " + loaded.year(),
                loaded.outcome().json(), CommonText.bulkOutcome(loaded.outcome().json()),
                loaded.outcome() != se.tertial.ingest.Outcome.REJECTED, null, Integer.toString(loaded.year()), null,
                UnitPages.findings(app.catalog(), loaded.findings()), "/inlamningar/" + loaded.uploadId() + "/markerad",
                "/inlamningar/" + loaded.uploadId()));
        web.render(ctx, "budget.jte", web.frame(ctx, "Budget", "/budget"), params);
    }

    private void loadBudget(Context ctx) {
        UploadedFile part = PageFiles.chosen(ctx).get(0);
        try (ReceivedFile file = PageFiles.receive(part, app.config().maxUploadBytes())) {
            BudgetService.Loaded loaded = app.budgets().load(PageAccess.actor(ctx), ctx.formParam("ar"),
                    file, app.audit());
            ctx.status(loaded.outcome() == se.tertial.ingest.Outcome.REJECTED ? 422 : 200);
            budget(ctx, loaded);
        }
    }
}
