package se.tertial.workbook;

import java.time.Duration;

/**
 * What one upload may cost to read: a deadline for reading and checking it, the longest cell text and the most
 * shared-string text kept in memory, and how many filled cells outside the template's area are tolerated before the
 * workbook is refused. Every upload is read under these limits; nothing outside the area is parsed into memory.
 *
 * @param timeout           reading plus validation; past it the upload is refused and not stored
 * @param maxCellChars      Excel's own limit is 32 767 characters per cell
 * @param maxStringChars    all shared strings and formula texts kept for one workbook
 * @param maxOutsideCells   filled cells outside the area (notes beside the table are fine; a data dump is not)
 */
public record ReadLimits(Duration timeout, int maxCellChars, long maxStringChars, int maxOutsideCells) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    public static final ReadLimits DEFAULT = new ReadLimits(DEFAULT_TIMEOUT, 32_767, 8_000_000, 1_000);

    public ReadLimits {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (maxCellChars < 1 || maxStringChars < 1 || maxOutsideCells < 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public ReadLimits withTimeout(Duration t) {
        return new ReadLimits(t, maxCellChars, maxStringChars, maxOutsideCells);
    }

    /** A deadline starting now. */
    public Deadline start() {
        return Deadline.after(timeout);
    }
}
