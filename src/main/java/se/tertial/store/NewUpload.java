package se.tertial.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An upload attempt to record: who sent which bytes, and whose workbook it claims to be (when readable).
 *
 * @param keepRejectedUpTo a rejected attempt's bytes are kept only up to this size (a file that is no workbook at
 *                         all is kept only when small); its SHA-256, size and findings are always kept
 */
public record NewUpload(String kind, String uploadedBy, Instant uploadedAt, String fileName, byte[] bytes,
                        String sha256, String unit, String period, String format, long keepRejectedUpTo) {
    public NewUpload(String kind, String uploadedBy, Instant uploadedAt, String fileName, byte[] bytes,
                     String sha256, String unit, String period, String format) {
        this(kind, uploadedBy, uploadedAt, fileName, bytes, sha256, unit, period, format, Long.MAX_VALUE);
    }

    public NewUpload {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(uploadedBy, "uploadedBy");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(sha256, "sha256");
    }
}
