package se.tertial.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import se.tertial.app.Tertial;
import se.tertial.app.TertialException;
import se.tertial.spec.ApiText;
import se.tertial.spec.CommonText;
import se.tertial.spec.MailText;
import se.tertial.spec.PageText;
import se.tertial.store.ApiKey;
import se.tertial.store.User;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's pages: people (create with a role and units, change them later, a one-time password shown
 * once, deactivate and reactivate after a confirmation), their e-mail with a test message, and their API keys for
 * scripts (make one, shown once; revoke after a confirmation). Every action says in words that it was done.
 */
final class AdminPages {
    private final Tertial app;
    private final WebApp web;

    AdminPages(Tertial app, WebApp web) {
        this.app = app;
        this.web = web;
    }

    void routes(RoutesConfig r) {
        r.get("/anvandare", ctx -> users(ctx, Views.UserForm.EMPTY, null, null, 200), PageRole.ADMIN);
        r.post("/anvandare", this::create, PageRole.ADMIN);
        r.get("/anvandare/{name}", ctx -> user(ctx, null, null), PageRole.ADMIN);
        r.post("/anvandare/{name}/roll", this::change, PageRole.ADMIN);
        r.post("/anvandare/{name}/engangslosenord", this::oneTime, PageRole.ADMIN);
        r.post("/anvandare/{name}/inaktivera", ctx -> active(ctx, false), PageRole.ADMIN);
        r.post("/anvandare/{name}/aktivera", ctx -> active(ctx, true), PageRole.ADMIN);
        r.post("/anvandare/{name}/nycklar", this::newKey, PageRole.ADMIN);
        r.post("/anvandare/{name}/epost", this::email, PageRole.ADMIN);
        r.post("/anvandare/{name}/regionkonto", this::ssoLogin, PageRole.ADMIN);
        r.post("/anvandare/{name}/testmejl", this::testMail, PageRole.ADMIN);
        r.post("/anvandare/{name}/nycklar/{id}/aterkalla", this::revoke, PageRole.ADMIN);
    }

    private void users(Context ctx, Views.UserForm form, String notice, String error, int status) {
        List<Views.UserRow> rows = new ArrayList<>();
        for (User u : app.users().list()) {
            rows.add(new Views.UserRow(u.name(), CommonText.roleName(u.role().dbValue()), unitsText(u), u.active(),
                    "/anvandare/" + u.name()));
        }
        ctx.status(status);
        Map<String, Object> p = new HashMap<>();
        p.put("users", rows);
        p.put("form", form);
        p.put("roles", roles(form.role()));
        p.put("notice", notice);
        p.put("error", error);
        web.render(ctx, "users.jte", web.frame(ctx, "Användare", "/anvandare"), p);
    }

    private static List<Views.Option> roles(String selected) {
        return List.of("controller", "finance", "admin").stream()
                .map(r -> new Views.Option(r, CommonText.roleName(r), r.equals(selected))).toList();
    }

    private static String unitsText(User u) {
        return String.join(", ", u.units().stream().map(Object::toString).sorted().toList());
    }

    private static List<String> unitList(String text) {
        return Arrays.stream((text == null ? "" : text).split("[,;\\s]+")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList();
    }

    private void create(Context ctx) {
        Views.UserForm form = new Views.UserForm(field(ctx, "namn"), field(ctx, "roll"), field(ctx, "enheter"));
        User created;
        try {
            created = app.users().addPerson(PageAccess.actor(ctx), form.name(), form.role(), unitList(form.units()));
        } catch (TertialException.Invalid | TertialException.Conflict e) {
            users(ctx, form, null, e.getMessage(), 400);
            return;
        }
        String password = app.auth().setOneTimePassword(created);
        users(ctx, Views.UserForm.EMPTY, PageText.userCreated(created.name(), password), null, 201);
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.length() > 2000 ? v.substring(0, 2000) : v;
    }

    private void user(Context ctx, String notice, String error) {
        User u = app.users().require(ctx.pathParam("name"));
        List<Views.KeyRow> keys = new ArrayList<>();
        for (ApiKey k : app.users().keys(u.name())) {
            keys.add(new Views.KeyRow(k.id(), k.name(), CommonText.dateTime(k.createdAt()),
                    k.lastUsedAt().map(CommonText::dateTime).orElse("aldrig"), k.active()));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("name", u.name());
        p.put("role", CommonText.roleName(u.role().dbValue()));
        p.put("roles", roles(u.role().dbValue()));
        p.put("units", String.join(", ", u.assignedUnits().stream().map(Object::toString).sorted().toList()));
        p.put("claimUnits", String.join(", ", u.sso().claimUnits().stream().map(Object::toString).sorted().toList()));
        p.put("ssoOn", app.sso().config().enabled());
        p.put("ssoSubject", u.sso().subject().orElse(null));
        p.put("ssoLogin", u.sso().login().orElse(""));
        p.put("active", u.active());
        p.put("email", u.email().orElse(""));
        p.put("notify", u.notifySubmissions());
        p.put("finance", u.seesAllUnits());
        p.put("mail", app.testMail().describe());
        p.put("mailOn", app.testMail().configured() && u.email().isPresent());
        p.put("keys", keys);
        p.put("notice", notice);
        p.put("error", error);
        web.render(ctx, "user.jte", web.frame(ctx, "Användare " + u.name(), "/anvandare"), p);
    }

    /** A controller's units, or anyone's role: changed at once, audited with before and after. */
    private void change(Context ctx) {
        String name = ctx.pathParam("name");
        try {
            User u = app.users().change(PageAccess.actor(ctx), name, field(ctx, "roll"),
                    unitList(field(ctx, "enheter")));
            user(ctx, PageText.userRoleSaved(u.name(), CommonText.roleName(u.role().dbValue()), unitsText(u)), null);
        } catch (TertialException.Invalid e) {
            ctx.status(400);
            user(ctx, null, e.getMessage());
        }
    }

    /** The user's e-mail address for reminders and notices; finance may opt in to hear of submissions. */
    private void email(Context ctx) {
        String name = ctx.pathParam("name");
        try {
            User u = app.users().setEmail(PageAccess.actor(ctx), name, ctx.formParam("epost"),
                    ctx.formParam("meddelanden") != null);
            user(ctx, PageText.emailSaved(u.email().orElse(null)), null);
        } catch (TertialException.Invalid e) {
            ctx.status(400);
            user(ctx, null, e.getMessage());
        }
    }

    /** The sign-in name a user will come with from the region's account, to link them at their first sign-in. */
    private void ssoLogin(Context ctx) {
        try {
            User u = app.sso().setLogin(PageAccess.actor(ctx), ctx.pathParam("name"), field(ctx, "regionkonto"));
            user(ctx, PageText.ssoLoginSaved(u.name(), u.sso().login().orElse(null)), null);
        } catch (TertialException.Invalid e) {
            ctx.status(400);
            user(ctx, null, e.getMessage());
        }
    }

    private void testMail(Context ctx) {
        try {
            String to = app.testMail().send(PageAccess.actor(ctx), ctx.pathParam("name"));
            user(ctx, MailText.mailTestSent(to), null);
        } catch (TertialException.Invalid e) {
            ctx.status(400);
            user(ctx, null, e.getMessage());
        }
    }

    private void oneTime(Context ctx) {
        User u = app.users().require(ctx.pathParam("name"));
        user(ctx, PageText.oneTimePasswordSet(u.name(), app.auth().setOneTimePassword(u)), null);
    }

    private void active(Context ctx, boolean active) {
        User u = app.users().require(ctx.pathParam("name"));
        String action = "/anvandare/" + u.name() + (active ? "/aktivera" : "/inaktivera");
        if (!active && !confirmed(ctx)) {
            web.confirm(ctx, "Inaktivera " + u.name(), "/anvandare", new Views.Confirm(
                    PageText.confirmDeactivate(u.name()), action, "Ja, inaktivera " + u.name(),
                    "/anvandare/" + u.name(), List.of(), List.of()));
            return;
        }
        app.users().setActive(PageAccess.actor(ctx), u.name(), active);
        user(ctx, active ? PageText.userReactivated(u.name()) : PageText.userDeactivated(u.name()), null);
    }

    static boolean confirmed(Context ctx) {
        return "ja".equals(ctx.formParam("bekraftat"));
    }

    private void newKey(Context ctx) {
        try {
            var key = app.users().addKey(PageAccess.actor(ctx), ctx.pathParam("name"), ctx.formParam("nyckelnamn"));
            user(ctx, PageText.keyCreated(key.token()), null);
        } catch (TertialException.Invalid e) {
            ctx.status(400);
            user(ctx, null, e.getMessage());
        }
    }

    private void revoke(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new TertialException.Invalid(ApiText.invalidId(ctx.pathParam("id")));
        }
        User u = app.users().require(ctx.pathParam("name"));
        if (!confirmed(ctx)) {
            String keyName = app.users().keys(u.name()).stream().filter(k -> k.id() == id).map(ApiKey::name)
                    .findFirst().orElseThrow(() -> new TertialException.NotFound(ApiText.keyNotFound(u.name(), id)));
            web.confirm(ctx, "Återkalla nyckel", "/anvandare", new Views.Confirm(
                    PageText.confirmRevoke(u.name(), id, keyName), "/anvandare/" + u.name() + "/nycklar/" + id
                    + "/aterkalla", "Ja, återkalla nyckeln", "/anvandare/" + u.name(), List.of(), List.of()));
            return;
        }
        app.users().revokeKey(PageAccess.actor(ctx), u.name(), id);
        user(ctx, PageText.keyRevoked(u.name(), id), null);
    }
}
