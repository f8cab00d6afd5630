package se.tertial.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import se.tertial.app.BulkLoader;
import se.tertial.app.ReceivedFile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/** Posts files to a running tertial ({@code POST /api/submissions?bulk=true}), the same ingest as direct loading. */
final class HttpSubmitter implements BulkLoader.Submitter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI uri;
    private final String token;

    HttpSubmitter(String baseUrl, String token, boolean allowLocked, boolean dryRun) {
        this.uri = URI.create(baseUrl.replaceAll("/+$", "") + "/api/submissions?bulk=true"
                + (allowLocked ? "&allowLocked=true" : "") + (dryRun ? "&dryRun=true" : ""));
        this.token = token;
    }

    @Override
    public BulkLoader.FileResult submit(Path file, String name, byte[] bytes) {
        String boundary = "tertial-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream(bytes.length + 512);
        String fileName = URLEncoder.encode(file.getFileName().toString(), StandardCharsets.UTF_8).replace("+", " ");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + fileName.replace("%", "_") + "\"; filename*=UTF-8''" + URLEncoder.encode(file.getFileName().toString(),
                StandardCharsets.UTF_8).replace("+", "%20") + "\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(bytes);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        String sha = ReceivedFile.sha256(bytes);
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode j = JSON.readTree(r.body());
            if (!j.has("status") || j.get("status").isInt()) {
                return new BulkLoader.FileResult(name, sha, "", "", "", "error", 0,
                        "HTTP " + r.statusCode() + ": " + text(j, "message"));
            }
            JsonNode errors = j.get("errors");
            return new BulkLoader.FileResult(name, sha, text(j, "unit"), text(j, "period"), text(j, "source"),
                    j.get("status").asText(), j.path("facts").asInt(),
                    errors != null && errors.size() > 0 ? errors.get(0).get("message").asText() : "",
                    j.path("retried").asBoolean(false));
        } catch (IOException e) {
            return new BulkLoader.FileResult(name, sha, "", "", "", "error", 0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new BulkLoader.FileResult(name, sha, "", "", "", "error", 0, "avbruten");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
