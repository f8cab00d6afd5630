package se.tertial.workbook;

import java.time.Duration;

/**
 * A point in time after which work on one upload stops. Parsers check it as they go (cheaply, every few thousand
 * elements) and throw {@link Exceeded}; the ingest turns that into a finding and the upload is not stored.
 */
public final class Deadline {
    private final long endNanos;
    private final Duration budget;

    private Deadline(long endNanos, Duration budget) {
        this.endNanos = endNanos;
        this.budget = budget;
    }

    public static Deadline after(Duration d) {
        return new Deadline(System.nanoTime() + d.toNanos(), d);
    }

    /** For work that has no deadline (writing our own workbooks, tests of pure rules). */
    public static Deadline none() {
        return new Deadline(Long.MAX_VALUE, Duration.ofDays(365_000));
    }

    public Duration budget() {
        return budget;
    }

    public boolean passed() {
        return endNanos != Long.MAX_VALUE && System.nanoTime() - endNanos > 0;
    }

    /** Throws {@link Exceeded} once the deadline has passed. */
    public void check() {
        if (passed()) {
            throw new Exceeded(budget);
        }
    }

    /** The deadline passed while reading or checking an upload. */
    public static final class Exceeded extends RuntimeException {
        private final Duration budget;

        Exceeded(Duration budget) {
            super("deadline of " + budget + " passed", null, false, false);
            this.budget = budget;
        }

        public Duration budget() {
            return budget;
        }
    }
}
