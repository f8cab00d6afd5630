package se.tertial.http;

import io.javalin.http.Context;
import se.tertial.app.GeneratedFile;
import se.tertial.app.StreamedFile;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/** Sends a generated file as an attachment with a Swedish file name that every browser keeps intact. */
public final class Downloads {
    private Downloads() {}

    public static void send(Context ctx, GeneratedFile file) {
        ctx.contentType(file.contentType());
        ctx.header("Content-Disposition", contentDisposition(file.fileName()));
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.result(file.bytes());
    }

    /** A file written to the response as it is made; the headers are the same. */
    public static void send(Context ctx, StreamedFile file) throws java.io.IOException {
        ctx.contentType(file.contentType());
        ctx.header("Content-Disposition", contentDisposition(file.fileName()));
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        try (java.io.OutputStream out = ctx.outputStream()) {
            file.body().writeTo(out);
        }
    }

    /** RFC 6266: an ASCII fallback plus the exact UTF-8 name in {@code filename*}. */
    static String contentDisposition(String fileName) {
        String ascii = Normalizer.normalize(fileName, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^\\x20-\\x7e]", "_").replace("\"", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
