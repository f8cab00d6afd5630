package se.tertial.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tertial.app.AuthService;
import se.tertial.app.Tertial;
import se.tertial.app.TertialException;
import se.tertial.spec.LogText;
import se.tertial.spec.PageText;
import se.tertial.sso.OidcClient;
import se.tertial.store.Tokens;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Signing in with the region's account: "Logga in med …" sends the browser to the provider (a cookie binds the
 * sign-in to this browser), the provider sends it back to {@code /logga-in/oidc}, where the code is exchanged, the
 * ID token validated and the person signed in with the role and units their claims give — or refused on a Swedish
 * page, audited, with no session. Signing out of such a session also ends the provider's, when it can.
 */
final class SsoPages {
    private static final Logger LOG = LoggerFactory.getLogger(SsoPages.class);
    /** Binds a sign-in under way to the browser that began it. */
    static final String COOKIE = "tertial_sso";
    static final String CALLBACK = "/logga-in/oidc";
    private final Tertial app;
    private final WebApp web;
    private final SignInPages signIn;
    private final Optional<OidcClient> client;

    SsoPages(Tertial app, WebApp web, SignInPages signIn) {
        this.app = app;
        this.web = web;
        this.signIn = signIn;
        this.client = app.sso().config().enabled() ? Optional.of(new OidcClient(app.sso().config(),
                URI.create(app.config().publicUrl() + CALLBACK))) : Optional.empty();
    }

    void routes(RoutesConfig r) {
        r.get(CALLBACK + "/start", this::start, PageRole.PUBLIC);
        r.get(CALLBACK, this::callback, PageRole.PUBLIC);
    }

    /** Where the sign-in button points, with the page to land on afterwards. */
    static String startHref(String next) {
        return CALLBACK + "/start" + (next == null || next.equals("/") ? "" : "?till="
                + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    private void start(Context ctx) {
        if (client.isEmpty()) {
            signIn.loginForm(ctx, PageText.ssoFailed("off", app.sso().config().label()), 404);
            return;
        }
        OidcClient.Start s;
        try {
            s = client.get().start();
        } catch (OidcClient.Failure e) {
            refuse(ctx, e, Optional.empty());
            return;
        }
        String browser = Tokens.generate();
        app.sso().begin(s.state(), browser, s.nonce(), s.verifier(), SignInPages.safeNext(ctx.queryParam("till")));
        // Lax: the provider's redirect back is a top-level navigation, which carries it.
        Cookie c = new Cookie(COOKIE, browser, CALLBACK, 600, web.secure(ctx), true, null, SameSite.LAX);
        ctx.cookie(c);
        throw new Redirect(s.authorize().toString());
    }

    private void callback(Context ctx) {
        if (client.isEmpty()) {
            signIn.loginForm(ctx, PageText.ssoFailed("off", app.sso().config().label()), 404);
            return;
        }
        String browser = ctx.cookie(COOKIE);
        ctx.removeCookie(COOKIE, CALLBACK);
        var pending = app.sso().take(ctx.queryParam("state"), browser);
        if (pending.isEmpty()) {
            LOG.warn("sso: unknown, used, late or foreign state from {}", LogText.safe(ctx.ip()));
            app.sso().refused("okänt, använt eller för gammalt state", Optional.empty(), ctx.ip());
            signIn.loginForm(ctx, PageText.ssoFailed("state", app.sso().config().label()), 400);
            return;
        }
        String code = ctx.queryParam("code");
        if (code == null || code.isBlank() || code.length() > 4096) {
            String error = Optional.ofNullable(ctx.queryParam("error")).map(LogText::safe).orElse("inget svar");
            app.sso().refused("leverantören svarade " + (error.length() > 100 ? error.substring(0, 100) : error),
                    Optional.empty(), ctx.ip());
            signIn.loginForm(ctx, PageText.ssoFailed("code_refused", app.sso().config().label()), 400);
            return;
        }
        se.tertial.app.SsoService.Identity id;
        try {
            id = client.get().finish(code, pending.get().nonce(), pending.get().verifier());
        } catch (OidcClient.Failure e) {
            refuse(ctx, e, Optional.empty());
            return;
        }
        AuthService.SignedIn s;
        try {
            s = app.sso().signIn(id, ctx.ip());
        } catch (TertialException.Forbidden e) {
            signIn.loginForm(ctx, e.getMessage(), 403);
            return;
        }
        PageAccess.maybeSignedIn(ctx).ifPresent(old -> app.auth().logout(old.sessionId()));
        web.setSessionCookie(ctx, s.sessionId());
        throw new Redirect(pending.get().next());
    }

    private void refuse(Context ctx, OidcClient.Failure e, Optional<String> subject) {
        String kind = e.kind().name().toLowerCase(java.util.Locale.ROOT);
        LOG.warn("sso: sign-in refused ({}) from {}: {}", kind, LogText.safe(ctx.ip()), LogText.safe(
                String.valueOf(e.getMessage())));
        app.sso().refused(switch (e.kind()) {
            case PROVIDER_DOWN -> "leverantören svarar inte";
            case CODE_REFUSED -> "koden godtogs inte";
            case TOKEN_INVALID -> "ogiltigt ID-intyg: " + LogText.safe(String.valueOf(e.getMessage()));
        }, subject, ctx.ip());
        signIn.loginForm(ctx, PageText.ssoFailed(kind, app.sso().config().label()),
                e.kind() == OidcClient.Failure.Kind.PROVIDER_DOWN ? 502 : 403);
    }

    /** After tertial's session ended: the provider's sign-out, when the user came that way and it has one. */
    Optional<URI> providerLogout(boolean viaSso) {
        if (client.isEmpty() || !viaSso) {
            return Optional.empty();
        }
        return client.get().logout(URI.create(app.config().publicUrl() + "/logga-in"));
    }
}
