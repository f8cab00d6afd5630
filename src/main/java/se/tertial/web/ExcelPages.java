package se.tertial.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import se.tertial.app.Tertial;
import se.tertial.http.PublicRoot;

import java.util.HashMap;
import java.util.Map;

/**
 * "Hämta data till Excel": the feed's address, the steps in Excel in Swedish, and a key named "Excel" for the
 * signed-in person, shown once — for finance and for controllers (whose feed holds their units only).
 */
final class ExcelPages {
    /** The name every key made here gets, so the administrator sees what it is for. */
    static final String KEY_NAME = "Excel";
    private final Tertial app;
    private final WebApp web;

    ExcelPages(Tertial app, WebApp web) {
        this.app = app;
        this.web = web;
    }

    void routes(RoutesConfig r) {
        PageRole[] everyone = {PageRole.CONTROLLER, PageRole.FINANCE, PageRole.ADMIN};
        r.get("/excel", ctx -> page(ctx, null), everyone);
        r.post("/excel/nyckel", this::makeKey, everyone);
    }

    private void makeKey(Context ctx) {
        var key = app.users().addKey(PageAccess.actor(ctx), PageAccess.signedIn(ctx).user().name(), KEY_NAME);
        page(ctx, key.token());
    }

    private void page(Context ctx, String newKey) {
        var user = PageAccess.signedIn(ctx).user();
        Map<String, Object> params = new HashMap<>();
        params.put("feedUrl", PublicRoot.of(ctx, app.config().publicUrl()) + "/odata/");
        params.put("newKey", newKey);
        params.put("allUnits", user.seesAllUnits());
        web.render(ctx, "excel.jte", web.frame(ctx, "Hämta data till Excel", "/excel"), params);
    }
}
