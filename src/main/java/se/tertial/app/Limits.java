package se.tertial.app;

import java.time.Duration;

/**
 * What one user, one client address and one upload may cost the service. Documented in
 * {@code src/site/markdown/operations.md}, "Security and limits"; every number is a flag of {@code serve}.
 *
 * @param uploadTimeout          reading and checking one upload; past it the upload is refused, not stored
 * @param uploadsPerMinute       uploads per API key and per client address (bulk loads by an admin are exempt)
 * @param failedKeysPerMinute    failed key checks per client address before it is told to wait
 * @param rejectedBytesPerDay    bytes of rejected attempts kept per user and day; beyond it only SHA-256, size and
 *                               findings are kept
 * @param keepNonWorkbookBytes   a file that is not a workbook at all is kept only up to this size
 * @param maxDatabaseBytes       a cap on the database file (0: none); when it is reached uploads answer 507
 * @param feedPageRows           rows per page of the OData feed; the rest follows its {@code @odata.nextLink}
 */
public record Limits(Duration uploadTimeout, int uploadsPerMinute, int failedKeysPerMinute, long rejectedBytesPerDay,
                     int keepNonWorkbookBytes, long maxDatabaseBytes, int feedPageRows) {
    public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(20), 60, 20, 100L * 1024 * 1024, 64 * 1024, 0,
            5000);

    public Limits {
        if (uploadTimeout.isNegative() || uploadTimeout.isZero()) {
            throw new IllegalArgumentException("upload timeout must be positive");
        }
        if (uploadsPerMinute < 1 || failedKeysPerMinute < 1 || rejectedBytesPerDay < 0 || keepNonWorkbookBytes < 0
                || maxDatabaseBytes < 0 || feedPageRows < 1 || feedPageRows > 100_000) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public Limits withUploadTimeout(Duration d) {
        return new Limits(d, uploadsPerMinute, failedKeysPerMinute, rejectedBytesPerDay, keepNonWorkbookBytes,
                maxDatabaseBytes, feedPageRows);
    }

    public Limits withRates(int uploads, int failedKeys) {
        return new Limits(uploadTimeout, uploads, failedKeys, rejectedBytesPerDay, keepNonWorkbookBytes,
                maxDatabaseBytes, feedPageRows);
    }

    public Limits withRejectedBytesPerDay(long bytes) {
        return new Limits(uploadTimeout, uploadsPerMinute, failedKeysPerMinute, bytes, keepNonWorkbookBytes,
                maxDatabaseBytes, feedPageRows);
    }

    public Limits withMaxDatabaseBytes(long bytes) {
        return new Limits(uploadTimeout, uploadsPerMinute, failedKeysPerMinute, rejectedBytesPerDay,
                keepNonWorkbookBytes, bytes, feedPageRows);
    }

    public Limits withFeedPageRows(int rows) {
        return new Limits(uploadTimeout, uploadsPerMinute, failedKeysPerMinute, rejectedBytesPerDay,
                keepNonWorkbookBytes, maxDatabaseBytes, rows);
    }
}
