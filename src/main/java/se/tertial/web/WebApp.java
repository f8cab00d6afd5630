package se.tertial.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import se.tertial.app.Tertial;
import se.tertial.app.Version;
import se.tertial.http.Extension;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pages for people, at {@code /}, over the same application services as the API: sign-in, "Mina enheter" for
 * controllers (templates, uploads with their findings, history). Server-rendered from JTE templates, no script
 * needed; every page carries strict security headers.
 */
public final class WebApp implements Extension {
    /** No inline script or style anywhere: the CSP allows only our own files. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    private final Tertial app;
    private final Pages pages = new Pages();
    private final boolean httpsPublicUrl;
    /** The CSP; signing out of a session from the region's account may continue at the provider's sign-out. */
    private final String csp;

    public WebApp(Tertial app) {
        this.app = app;
        this.httpsPublicUrl = app.config().publicUrl().startsWith("https://");
        this.csp = app.sso().config().issuer().map(i -> {
            java.net.URI u = java.net.URI.create(i);
            return CSP.replace("form-action 'self'", "form-action 'self' " + u.getScheme() + "://"
                    + u.getRawAuthority());
        }).orElse(CSP);
    }

    @Override
    public void install(JavalinConfig config) {
        var r = config.routes;
        new StaticFiles().routes(r);
        r.before(this::securityHeaders);
        r.beforeMatched(new PageAccess(app.auth())::check);
        r.exception(Redirect.class, (e, ctx) -> ctx.redirect(e.to, HttpStatus.SEE_OTHER));
        new SignInPages(app, this).routes(r);
        new UnitPages(app, this).routes(r);
        new FinancePages(app, this).routes(r);
        new BoardPages(app, this).routes(r);
        new ExcelPages(app, this).routes(r);
        new AdminPages(app, this).routes(r);
    }

    private void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        if (!ctx.path().startsWith("/api/")) {
            ctx.header("Content-Security-Policy", csp);
            ctx.header("X-Frame-Options", "DENY");
        }
    }

    @Override
    public boolean owns(Context ctx) {
        String path = ctx.path();
        return !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/odata/")
                && !path.equals("/odata");
    }

    @Override
    public void renderError(Context ctx, int status, String message) {
        render(ctx, "error.jte", frame(ctx, se.tertial.spec.PageText.errorTitle(status), null),
                Map.of("status", status, "message", message));
    }

    /** The confirmation step of an action: the question, the button that does it, and "Avbryt". */
    void confirm(Context ctx, String title, String current, Views.Confirm confirm) {
        render(ctx, "confirm.jte", frame(ctx, title, current), Map.of("confirm", confirm));
    }

    void render(Context ctx, String template, Frame frame, Map<String, Object> params) {
        Map<String, Object> all = new java.util.HashMap<>(params);
        all.put("frame", frame);
        ctx.header("Cache-Control", "no-store");
        pages.render(ctx, template, all);
    }

    /** The frame of a page: the signed-in person (if any), their navigation, the page's CSRF token. */
    Frame frame(Context ctx, String title, String current) {
        var s = PageAccess.maybeSignedIn(ctx);
        if (s.isEmpty()) {
            return new Frame(title, null, null, "", Version.get(), List.of());
        }
        var user = s.get().user();
        List<Frame.Nav> nav = new ArrayList<>();
        if (!user.mustChangePassword()) {
            nav.add(new Frame.Nav("/enheter", user.seesAllUnits() ? "Enheter" : "Mina enheter",
                    "/enheter".equals(current)));
            if (user.role() != se.tertial.store.UserRole.CONTROLLER) {
                nav.add(new Frame.Nav("/perioder", "Perioder", "/perioder".equals(current)));
                nav.add(new Frame.Nav("/budget", "Budget", "/budget".equals(current)));
                nav.add(new Frame.Nav("/handelser", "Händelselogg", "/handelser".equals(current)));
            }
            if (user.role() == se.tertial.store.UserRole.ADMIN) {
                nav.add(new Frame.Nav("/anvandare", "Användare", "/anvandare".equals(current)));
            }
        }
        if (!user.mustChangePassword()) {
            nav.add(new Frame.Nav("/excel", "Till Excel", "/excel".equals(current)));
        }
        if (user.sso().subject().isEmpty() || user.mustChangePassword()) {
            // Someone who signs in with the region's account has no password here to change.
            nav.add(new Frame.Nav("/losenord", "Byt lösenord", "/losenord".equals(current)));
        }
        return new Frame(title, user.sso().displayName().map(d -> d + ", " + user.name()).orElse(user.name()),
                se.tertial.spec.CommonText.roleName(user.role().dbValue()),
                s.get().csrf(), Version.get(), nav);
    }

    /** The session cookie: HttpOnly, SameSite=Lax, Secure over https; it lives as long as the browser session. */
    void setSessionCookie(Context ctx, String id) {
        Cookie c = new Cookie(PageAccess.COOKIE, id, "/", -1, false, true, null, SameSite.LAX);
        c.setPath("/");
        c.setHttpOnly(true);
        c.setSameSite(SameSite.LAX);
        c.setSecure(secure(ctx));
        c.setMaxAge(-1);
        ctx.cookie(c);
    }

    boolean secure(Context ctx) {
        return httpsPublicUrl || "https".equalsIgnoreCase(ctx.scheme());
    }
}
