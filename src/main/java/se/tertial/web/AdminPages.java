package se.tertial.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import se.tertial.app.Tertial;
import se.tertial.app.TertialException;
import se.tertial.spec.Messages;
import se.tertial.store.ApiKey;
import se.tertial.store.User;
import se.tertial.store.UserRepository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's pages: people (create with a role and units, a one-time password shown once, deactivate,
 * reactivate) and their API keys for scripts (make one, shown once; revoke).
 */
final class AdminPages {
    private final Tertial app;
    private final WebApp web;

    AdminPages(Tertial app, WebApp web) {
        this.app = app;
        this.web = web;
    }

    void routes(RoutesConfig r) {
        r.get("/anvandare", ctx -> users(ctx, null, null, 200), PageRole.ADMIN);
        r.post("/anvandare", this::create, PageRole.ADMIN);
        r.get("/anvandare/{name}", ctx -> user(ctx, null, null), PageRole.ADMIN);
        r.post("/anvandare/{name}/engangslosenord", this::oneTime, PageRole.ADMIN);
        r.post("/anvandare/{name}/inaktivera", ctx -> active(ctx, false), PageRole.ADMIN);
        r.post("/anvandare/{name}/aktivera", ctx -> active(ctx, true), PageRole.ADMIN);
        r.post("/anvandare/{name}/nycklar", this::newKey, PageRole.ADMIN);
        r.post("/anvandare/{name}/epost", this::email, PageRole.ADMIN);
        r.post("/anvandare/{name}/nycklar/{id}/aterkalla", this::revoke, PageRole.ADMIN);
    }

    private void users(Context ctx, String notice, String error, int status) {
        List<Views.UserRow> rows = new ArrayList<>();
        for (User u : app.users().list()) {
            rows.add(new Views.UserRow(u.name(), Messages.roleName(u.role().dbValue()), String.join(", ",
                    u.units().stream().map(Object::toString).sorted().toList()), u.active(),
                    "/anvandare/" + u.name()));
        }
        ctx.status(status);
        Map<String, Object> p = new HashMap<>();
        p.put("users", rows);
        p.put("notice", notice);
        p.put("error", error);
        web.render(ctx, "users.jte", web.frame(ctx, "Användare", "/anvandare"), p);
    }

    private void create(Context ctx) {
        String units = ctx.formParam("enheter") == null ? "" : ctx.formParam("enheter");
        UserRepository.Created created;
        try {
            created = app.users().add(PageAccess.actor(ctx), ctx.formParam("namn"), ctx.formParam("roll"), Arrays.stream(units.split(","))
                    .map(String::strip).filter(x -> !x.isEmpty()).toList());
        } catch (TertialException.Invalid | TertialException.Conflict e) {
            users(ctx, null, e.getMessage(), 400);
            return;
        }
        // People sign in with a password; the key every user is created with is for scripts and not shown here.
        app.users().keys(created.user().name()).forEach(k -> app.users().revokeKey(created.user().name(), k.id()));
        String password = app.auth().setOneTimePassword(created.user());
        users(ctx, Messages.userCreated(created.user().name(), password), null, 201);
    }

    private void user(Context ctx, String notice, String error) {
        User u = app.users().require(ctx.pathParam("name"));
        List<Views.KeyRow> keys = new ArrayList<>();
        for (ApiKey k : app.users().keys(u.name())) {
            keys.add(new Views.KeyRow(k.id(), k.name(), Messages.dateTime(k.createdAt()),
                    k.lastUsedAt().map(Messages::dateTime).orElse("aldrig"), k.active()));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("name", u.name());
        p.put("role", Messages.roleName(u.role().dbValue()));
        p.put("active", u.active());
        p.put("email", u.email().orElse(""));
        p.put("notify", u.notifySubmissions());
        p.put("finance", u.seesAllUnits());
        p.put("keys", keys);
        p.put("notice", notice);
        p.put("error", error);
        web.render(ctx, "user.jte", web.frame(ctx, "Användare " + u.name(), "/anvandare"), p);
    }

    /** The user's e-mail address for reminders and notices; finance may opt in to hear of submissions. */
    private void email(Context ctx) {
        String name = ctx.pathParam("name");
        try {
            app.users().setEmail(PageAccess.actor(ctx), name, ctx.formParam("epost"),
                    ctx.formParam("meddelanden") != null);
        } catch (se.tertial.app.TertialException.Invalid e) {
            ctx.status(400);
            user(ctx, null, e.getMessage());
            return;
        }
        throw new Redirect("/anvandare/" + name);
    }

    private void oneTime(Context ctx) {
        User u = app.users().require(ctx.pathParam("name"));
        user(ctx, Messages.oneTimePasswordSet(u.name(), app.auth().setOneTimePassword(u)), null);
    }

    private void active(Context ctx, boolean active) {
        app.users().setActive(PageAccess.actor(ctx), ctx.pathParam("name"), active);
        throw new Redirect("/anvandare/" + ctx.pathParam("name"));
    }

    private void newKey(Context ctx) {
        try {
            var key = app.users().addKey(PageAccess.actor(ctx), ctx.pathParam("name"), ctx.formParam("nyckelnamn"));
            user(ctx, Messages.keyCreated(key.token()), null);
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
            throw new TertialException.Invalid(Messages.invalidId(ctx.pathParam("id")));
        }
        app.users().revokeKey(PageAccess.actor(ctx), ctx.pathParam("name"), id);
        throw new Redirect("/anvandare/" + ctx.pathParam("name"));
    }
}
