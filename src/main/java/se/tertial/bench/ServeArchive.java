package se.tertial.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The class-data-sharing archive of {@code serve} and the short commands, {@code target/tertial-serve.jsa} beside
 * the jar: the classes a start uses, already parsed and verified, mapped when the JVM starts instead of read from
 * the 56 MB jar (measured, serve to the first 200 on an existing store: ~2.2 s → ~1.4 s). {@code scripts/tertial}
 * uses it when it is newer than the jar; {@code java -jar target/tertial.jar} works as before without it.
 *
 * <p>{@code mvn package} makes it: {@link #main} starts {@code serve} from the jar just built, in a JVM with
 * {@code -XX:ArchiveClassesAtExit}, on a fresh data directory and a free loopback port; asks for what a first visit
 * asks for (health, the sign-in page, the style sheet, {@code /api/me} with the administrator's key, a template);
 * and stops it as an operator would (SIGTERM), at which the JVM writes the archive. {@code mvn verify} then starts a
 * JVM that must map it ({@code -Xshare:on}).
 */
public final class ServeArchive {
    /** The archive's file name, beside the jar. */
    static final String FILE_NAME = "tertial-serve.jsa";

    private ServeArchive() {}

    /** {@code ServeArchive JAR TEMPLATES DIR ARCHIVE}. */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ServeArchive JAR TEMPLATES DIR ARCHIVE");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        Path archive = Path.of(args[3]);
        Path data = Path.of(args[2]).resolve("data");
        Files.deleteIfExists(archive);
        delete(data);
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=error,cds+dynamic=error", "-jar",
                jar.toString(), "serve", "--templates", args[1], "--data", data.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port)));
        Path log = Path.of(args[2]).resolve("serve.log");
        Files.createDirectories(log.getParent());
        Process serve = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            train("http://127.0.0.1:" + port, data);
        } finally {
            serve.destroy();
            if (!serve.waitFor(120, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
                throw new IllegalStateException("serve did not stop; see " + log);
            }
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("no archive was written; see " + log);
        }
    }

    private static void train(String base, Path data) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (true) {
            try {
                if (get(http, base + "/api/health", null) == 200) {
                    break;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("serve did not answer within two minutes");
            }
            Thread.sleep(50);
        }
        String token = Files.readString(data.resolve(se.tertial.app.UserService.ADMIN_TOKEN_FILE)).strip();
        for (String path : List.of("/", "/logga-in", "/static/tertial.css", "/api/me", "/api/periods",
                "/api/reports/2022-T2/status.json")) {
            get(http, base + path, token);
        }
    }

    private static int get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        return http.send(r.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
