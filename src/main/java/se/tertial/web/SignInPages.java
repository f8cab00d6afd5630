package se.tertial.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.config.RoutesConfig;
import se.tertial.app.AuthService;
import se.tertial.app.Tertial;
import se.tertial.app.TertialException;
import se.tertial.spec.PageText;
import se.tertial.store.Tokens;
import se.tertial.store.UserRole;

import java.util.HashMap;
import java.util.Map;

/** Signing in and out, and choosing a new password (required after a one-time password). */
final class SignInPages {
    /** Before there is a session, the sign-in form is protected by a double-submit token in its own cookie. */
    static final String LOGIN_CSRF_COOKIE = "tertial_login";
    private final Tertial app;
    private final WebApp web;
    private final SsoPages sso;

    SignInPages(Tertial app, WebApp web) {
        this.app = app;
        this.web = web;
        this.sso = new SsoPages(app, web, this);
    }

    void routes(RoutesConfig r) {
        sso.routes(r);
        r.get("/", this::home, PageRole.SIGNED_IN);
        r.get("/logga-in", ctx -> loginForm(ctx, null, 200), PageRole.PUBLIC);
        r.post("/logga-in", this::login, PageRole.PUBLIC);
        r.post("/logga-ut", this::logout, PageRole.SIGNED_IN);
        r.get("/losenord", ctx -> passwordForm(ctx, null), PageRole.SIGNED_IN);
        r.post("/losenord", this::changePassword, PageRole.SIGNED_IN);
    }

    private void home(Context ctx) {
        var user = PageAccess.signedIn(ctx).user();
        if (user.mustChangePassword()) {
            throw new Redirect("/losenord");
        }
        throw new Redirect("/enheter");
    }

    void loginForm(Context ctx, String error, int status) {
        String token = Tokens.generate();
        Cookie c = new Cookie(LOGIN_CSRF_COOKIE, token, "/logga-in", -1, web.secure(ctx), true, null, SameSite.STRICT);
        ctx.cookie(c);
        ctx.status(status);
        Map<String, Object> p = new HashMap<>();
        p.put("error", error);
        p.put("token", token);
        p.put("next", safeNext(ctx.queryParam("till") != null ? ctx.queryParam("till") : ctx.formParam("till")));
        p.put("name", ctx.formParam("namn") == null ? "" : ctx.formParam("namn"));
        var config = app.sso().config();
        p.put("ssoLabel", config.enabled() ? config.label() : null);
        p.put("ssoHref", SsoPages.startHref((String) p.get("next")));
        p.put("passwordsForAll", config.passwordsForAll());
        web.render(ctx, "login.jte", web.frame(ctx, "Logga in", null), p);
    }

    private void login(Context ctx) {
        String cookie = ctx.cookie(LOGIN_CSRF_COOKIE);
        String form = ctx.formParam(PageAccess.CSRF_FIELD);
        if (cookie == null || form == null || !java.security.MessageDigest.isEqual(cookie.getBytes(),
                form.getBytes())) {
            loginForm(ctx, PageText.CSRF_FAILED, 403);
            return;
        }
        AuthService.SignedIn s;
        try {
            s = app.auth().login(ctx.formParam("namn"), ctx.formParam("losenord"), ctx.ip());
        } catch (TertialException.TooMany e) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            loginForm(ctx, e.getMessage(), 429);
            return;
        } catch (TertialException.Invalid e) {
            loginForm(ctx, e.getMessage(), 401);
            return;
        }
        // A new session id at every sign-in; an old session of this browser ends.
        PageAccess.maybeSignedIn(ctx).ifPresent(old -> app.auth().logout(old.sessionId()));
        web.setSessionCookie(ctx, s.sessionId());
        throw new Redirect(s.user().mustChangePassword() ? "/losenord" : safeNext(ctx.formParam("till")));
    }

    /** Only a path on this site; anything else (another host, "//x", "/\\x") goes to the start page. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.contains("\r") || next.contains("\n") || next.length() > 200 || next.startsWith("/logga")) {
            return "/";
        }
        return next;
    }

    private void logout(Context ctx) {
        var signedIn = PageAccess.signedIn(ctx);
        app.auth().logout(signedIn.sessionId());
        ctx.removeCookie(PageAccess.COOKIE, "/");
        throw new Redirect(sso.providerLogout(signedIn.user().sso().subject().isPresent())
                .map(java.net.URI::toString).orElse("/logga-in"));
    }

    private void passwordForm(Context ctx, String error) {
        Map<String, Object> p = new HashMap<>();
        p.put("error", error);
        p.put("mustChange", PageAccess.signedIn(ctx).user().mustChangePassword());
        if (error != null) {
            ctx.status(400);
        }
        web.render(ctx, "password.jte", web.frame(ctx, "Byt lösenord", "/losenord"), p);
    }

    private void changePassword(Context ctx) {
        var s = PageAccess.signedIn(ctx);
        AuthService.SignedIn fresh;
        try {
            fresh = app.auth().changePassword(s.user(), ctx.formParam("nuvarande"), ctx.formParam("nytt"),
                    ctx.formParam("upprepa"));
        } catch (TertialException.Invalid e) {
            passwordForm(ctx, e.getMessage());
            return;
        }
        web.setSessionCookie(ctx, fresh.sessionId());
        throw new Redirect("/");
    }
}
