package se.tertial.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import se.tertial.app.Config;
import se.tertial.app.Limits;
import se.tertial.app.Tertial;
import se.tertial.http.HttpApi;
import se.tertial.store.Checkpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * A real tertial server on a random port with a fresh SQLite file, users with real tokens (admin, finance, a
 * controller for FS-MED and FS-KIR), and a small HTTP client. Requests go as finance unless a token is given.
 */
public final class TestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Tertial app;
    private final Javalin server;
    private final HttpClient client = HttpClient.newHttpClient();
    public final String admin;
    public final String finance;
    public final String controller;

    public TestServer(Path dataDir) {
        this(dataDir, Config.DEFAULT_MAX_UPLOAD_BYTES, Checkpoint.NONE);
    }

    public TestServer(Path dataDir, long maxUploadBytes, Checkpoint checkpoint) {
        this(TestSpecs.DIR, dataDir, maxUploadBytes, checkpoint);
    }

    public TestServer(Path templates, Path dataDir, long maxUploadBytes, Checkpoint checkpoint) {
        this(templates, dataDir, maxUploadBytes, checkpoint, GENEROUS);
    }

    /** Test suites upload hundreds of files a minute; the rate tests set their own limits. */
    public static final Limits GENEROUS = Limits.DEFAULTS.withRates(100_000, 100_000);

    public TestServer(Path dataDir, Limits limits) {
        this(TestSpecs.DIR, dataDir, Config.DEFAULT_MAX_UPLOAD_BYTES, Checkpoint.NONE, limits);
    }

    public TestServer(Path templates, Path dataDir, long maxUploadBytes, Checkpoint checkpoint, Limits limits) {
        this(templates, dataDir, maxUploadBytes, checkpoint, limits, "http://tertial.test");
    }

    /** @param publicUrl where users reach the service; an https address makes the session cookie Secure */
    public TestServer(Path dataDir, String publicUrl) {
        this(TestSpecs.DIR, dataDir, Config.DEFAULT_MAX_UPLOAD_BYTES, Checkpoint.NONE, GENEROUS, publicUrl);
    }

    public TestServer(Path templates, Path dataDir, long maxUploadBytes, Checkpoint checkpoint, Limits limits,
                      String publicUrl) {
        this(new Config(templates, dataDir, "127.0.0.1", 0, publicUrl, "tertial", maxUploadBytes, limits),
                Clock.systemUTC(), checkpoint);
    }

    /** With e-mail to the given server and a clock the test moves. */
    public TestServer(Path dataDir, Clock clock, se.tertial.app.MailConfig mail) {
        this(new Config(TestSpecs.DIR, dataDir, "127.0.0.1", 0, "http://tertial.test", "tertial",
                Config.DEFAULT_MAX_UPLOAD_BYTES, GENEROUS, mail), clock, Checkpoint.NONE);
    }

    private TestServer(Config config, Clock clock, Checkpoint checkpoint) {
        this(config, clock, checkpoint, true);
    }

    /** The service started again on an existing store (a restart): its users stay, with a new key each. */
    public static TestServer reopen(Path dataDir, Clock clock, se.tertial.app.MailConfig mail) {
        return new TestServer(new Config(TestSpecs.DIR, dataDir, "127.0.0.1", 0, "http://tertial.test", "tertial",
                Config.DEFAULT_MAX_UPLOAD_BYTES, GENEROUS, mail), clock, Checkpoint.NONE, false);
    }

    /**
     * On exactly the store the configuration names, whichever database this run of the suite is on; {@code fresh}:
     * a new store that gets the test users, otherwise an existing one whose users get new keys.
     */
    public static TestServer exactly(Config config, boolean fresh) {
        return new TestServer(config, Clock.systemUTC(), Checkpoint.NONE, fresh, true);
    }

    /**
     * Signing in with the region's accounts through {@code sso}, at the public address http://tertial.test (a proxy
     * the test plays); {@code fresh}: false for a second instance on the same store.
     */
    public static TestServer withSso(Path dataDir, se.tertial.app.SsoConfig sso, boolean fresh) {
        return new TestServer(new Config(TestSpecs.DIR, dataDir, "127.0.0.1", 0, "http://tertial.test", "tertial",
                Config.DEFAULT_MAX_UPLOAD_BYTES, GENEROUS).withSso(sso), Clock.systemUTC(), Checkpoint.NONE, fresh);
    }

    /** As {@link #withSso(Path, se.tertial.app.SsoConfig, boolean)} on a fixed port that is its public address. */
    public static TestServer withSso(Path dataDir, se.tertial.app.SsoConfig sso, int port) {
        return new TestServer(new Config(TestSpecs.DIR, dataDir, "127.0.0.1", port, "http://127.0.0.1:" + port,
                "tertial", Config.DEFAULT_MAX_UPLOAD_BYTES, GENEROUS).withSso(sso), Clock.systemUTC(),
                Checkpoint.NONE, true);
    }

    /** A port nobody listens on now. */
    public static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The embedded SQLite store in {@code dataDir}, in every run of the suite. */
    public static TestServer onSqlite(Path dataDir) {
        return exactly(new Config(TestSpecs.DIR, dataDir, "127.0.0.1", 0, "http://tertial.test", "tertial",
                Config.DEFAULT_MAX_UPLOAD_BYTES, GENEROUS), true);
    }

    private TestServer(Config config, Clock clock, Checkpoint checkpoint, boolean fresh) {
        this(config, clock, checkpoint, fresh, false);
    }

    private TestServer(Config config, Clock clock, Checkpoint checkpoint, boolean fresh, boolean asIs) {
        Path dataDir = config.dataDir();
        app = Tertial.open(asIs ? config : TestStores.on(config), clock, checkpoint);
        if (fresh) {
            admin = app.users().bootstrapAdmin(dataDir).orElseThrow().token();
            finance = app.users().add("ekonomi", "finance", List.of()).token();
            controller = app.users().add("controller.fs", "controller", List.of("FS-MED", "FS-KIR")).token();
        } else {
            admin = app.users().addKey("admin", "omstart").token();
            finance = app.users().addKey("ekonomi", "omstart").token();
            controller = app.users().addKey("controller.fs", "omstart").token();
        }
        server = HttpApi.create(app, new se.tertial.feed.FeedHttp(app), new se.tertial.web.WebApp(app))
                .start("127.0.0.1", config.port());
    }

    public Tertial app() {
        return app;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    public HttpResponse<byte[]> get(String path) {
        return get(path, finance);
    }

    public HttpResponse<byte[]> get(String path, String token) {
        return send(auth(HttpRequest.newBuilder(uri(path)), token).GET().build());
    }

    public HttpResponse<byte[]> post(String path, String json) {
        return post(path, json, finance);
    }

    public HttpResponse<byte[]> post(String path, String json, String token) {
        return send(auth(HttpRequest.newBuilder(uri(path)), token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** A multipart/form-data upload of one file in the field {@code file}. */
    public HttpResponse<byte[]> upload(String path, String token, String fileName, byte[] content) {
        String boundary = "tertial-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(auth(HttpRequest.newBuilder(uri(path)), token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public HttpResponse<byte[]> upload(String token, byte[] content) {
        return upload("/api/submissions", token, "ifylld mall.xlsx", content);
    }

    /** An upload with the uploader's message to finance in the field {@code message}. */
    public HttpResponse<byte[]> upload(String token, byte[] content, String message) {
        String boundary = "tertial-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"message\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(message.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"ifylld mall.xlsx\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(auth(HttpRequest.newBuilder(uri("/api/submissions")), token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public HttpResponse<byte[]> patch(String path, String json, String token) {
        return send(auth(HttpRequest.newBuilder(uri(path)), token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<byte[]> put(String path, String json, String token) {
        return send(auth(HttpRequest.newBuilder(uri(path)), token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public void createPeriod(String code) {
        HttpResponse<byte[]> r = post("/api/periods", "{\"code\":\"" + code + "\",\"deadline\":\"2022-09-09\"}");
        if (r.statusCode() != 201) {
            throw new AssertionError("could not create period " + code + ": " + new String(r.body()));
        }
    }

    public HttpResponse<byte[]> delete(String path, String token) {
        return send(auth(HttpRequest.newBuilder(uri(path)), token).DELETE().build());
    }

    /** The facts of a unit's current version for a period, as sorted "template.line.col=kronor" lines. */
    public String currentFacts(String unit, String period) {
        return app.database().read(c -> {
            StringBuilder s = new StringBuilder();
            try (var ps = c.prepareStatement("SELECT s.version, f.template, f.line, f.col, f.amount_kr FROM fact f "
                    + "JOIN submission s ON s.id = f.submission_id WHERE s.unit = ? AND s.period = ? "
                    + "AND s.is_current = 1 ORDER BY f.template, f.line, f.col")) {
                ps.setString(1, unit);
                ps.setString(2, period);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        s.append("v").append(rs.getInt(1)).append(' ').append(rs.getString(2)).append('.')
                                .append(rs.getString(3)).append('.').append(rs.getString(4)).append('=')
                                .append(rs.getLong(5)).append('\n');
                    }
                }
            }
            return s.toString();
        });
    }

    /** Counts rows of a table in the server's database. */
    public long count(String table) {
        return app.database().read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
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

    private static HttpRequest.Builder auth(HttpRequest.Builder b, String token) {
        return token == null ? b : b.header("Authorization", "Bearer " + token);
    }

    /** A Java string as a JSON string literal, control characters escaped. */
    public static String jsonString(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
