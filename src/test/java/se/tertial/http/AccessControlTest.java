package se.tertial.http;

import io.javalin.Javalin;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A route that declares no role is refused: access is denied by default. */
class AccessControlTest {
    @Test
    void refusesRoutesThatDeclareNoRole() throws Exception {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.beforeMatched(AccessControl::check);
            config.routes.get("/open", ctx -> ctx.result("ok"), Role.PUBLIC);
            config.routes.get("/forgotten", ctx -> ctx.result("secret"));
        }).start("127.0.0.1", 0);
        try {
            HttpClient client = HttpClient.newHttpClient();
            assertEquals(200, client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/open"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + app.port() + "/forgotten")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode());
            assertEquals(false, r.body().contains("secret"));
        } finally {
            app.stop();
        }
    }
}
