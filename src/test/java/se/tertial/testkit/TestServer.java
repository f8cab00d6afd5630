package se.tertial.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import se.tertial.app.Config;
import se.tertial.app.Tertial;
import se.tertial.http.HttpApi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/** A real tertial server on a random port with a fresh SQLite file, and a small HTTP client for it. */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Tertial app;
    private final Javalin server;
    private final HttpClient client = HttpClient.newHttpClient();

    public TestServer(Path dataDir) {
        app = Tertial.open(new Config(TestSpecs.DIR, dataDir, "127.0.0.1", 0, "http://tertial.test", "tertial"));
        server = HttpApi.create(app).start("127.0.0.1", 0);
    }

    public Tertial app() {
        return app;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<byte[]> post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<byte[]> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + new String(response.body()), e);
        }
    }

    @Override
    public void close() {
        server.stop();
        app.close();
    }
}
