package se.tertial.http;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.Config;
import se.tertial.app.Tertial;
import se.tertial.testkit.TestSpecs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A route that declares no role is refused even to an admin: access is denied by default. */
class AccessControlTest {
    @TempDir
    Path tmp;

    @Test
    void refusesRoutesThatDeclareNoRole() throws Exception {
        try (Tertial app = Tertial.open(se.tertial.testkit.TestStores.on(new Config(TestSpecs.DIR, tmp, "127.0.0.1", 0, null, "tertial")))) {
            String admin = app.users().bootstrapAdmin(tmp).orElseThrow().token();
            AccessControl access = new AccessControl(app.users(), new RateLimiter(20, java.time.Clock.systemUTC()));
            Javalin server = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.routes.beforeMatched(access::check);
                config.routes.get("/open", ctx -> ctx.result("ok"), Role.PUBLIC);
                config.routes.get("/admin", ctx -> ctx.result("ok"), Role.ADMIN);
                config.routes.get("/forgotten", ctx -> ctx.result("secret"));
            }).start("127.0.0.1", 0);
            try {
                HttpClient client = HttpClient.newHttpClient();
                assertEquals(200, get(client, server, "/open", null).statusCode());
                assertEquals(401, get(client, server, "/admin", null).statusCode());
                assertEquals(200, get(client, server, "/admin", admin).statusCode());
                HttpResponse<String> r = get(client, server, "/forgotten", admin);
                assertEquals(403, r.statusCode());
                assertFalse(r.body().contains("secret"));
            } finally {
                server.stop();
            }
        }
    }

    private static HttpResponse<String> get(HttpClient client, Javalin server, String path, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
