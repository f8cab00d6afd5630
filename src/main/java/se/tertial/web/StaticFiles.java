package se.tertial.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Our two static files, {@code /static/tertial.css} and {@code /static/tertial.js}, read from the class path once and
 * answered from memory with an ETag. Jetty's static-file handler is not used: it mounts the whole 57 MB jar as a file
 * system when the server is built, which alone took a quarter of a second of every start (measured with JFR).
 */
final class StaticFiles {
    private record File(byte[] bytes, String type, String etag) {}

    private final Map<String, File> files;

    StaticFiles() {
        files = Map.of("tertial.css", load("tertial.css", "text/css; charset=utf-8"),
                "tertial.js", load("tertial.js", "text/javascript; charset=utf-8"));
    }

    void routes(RoutesConfig r) {
        r.get("/static/{file}", this::serve, PageRole.PUBLIC);
    }

    private void serve(Context ctx) {
        File f = files.get(ctx.pathParam("file"));
        if (f == null) {
            throw new NotFoundResponse();
        }
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.header("ETag", f.etag());
        if (f.etag().equals(ctx.header("If-None-Match"))) {
            ctx.status(304);
            return;
        }
        ctx.contentType(f.type()).result(f.bytes());
    }

    private static File load(String name, String type) {
        try (InputStream in = StaticFiles.class.getResourceAsStream("/static/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing /static/" + name + " in the jar");
            }
            byte[] bytes = in.readAllBytes();
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(bytes);
            return new File(bytes, type, "\"" + Long.toHexString(crc.getValue()) + "-" + bytes.length + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
