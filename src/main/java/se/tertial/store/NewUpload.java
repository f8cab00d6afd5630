package se.tertial.store;

import java.time.Instant;
import java.util.Objects;

/** An upload attempt to record: who sent which bytes, and whose workbook it claims to be (when readable). */
public record NewUpload(String kind, String uploadedBy, Instant uploadedAt, String fileName, byte[] bytes,
                        String sha256, String unit, String period, String format) {
    public NewUpload {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(sha256, "sha256");
    }
}
