package se.tertial.app;

/** An expected failure with a Swedish message for the user; the HTTP layer maps each kind to a status code. */
public abstract sealed class TertialException extends RuntimeException
        permits TertialException.NotFound, TertialException.Invalid, TertialException.Conflict,
        TertialException.Forbidden, TertialException.TooLarge, TertialException.TooMany,
        TertialException.StorageFull {

    protected TertialException(String message) {
        super(message);
    }

    /** The addressed thing (unit, period, ...) does not exist. */
    public static final class NotFound extends TertialException {
        public NotFound(String message) {
            super(message);
        }
    }

    /** The request itself is malformed (bad period code, bad date, ...). */
    public static final class Invalid extends TertialException {
        public Invalid(String message) {
            super(message);
        }
    }

    /** The request clashes with what is stored (e.g. the period already exists). */
    public static final class Conflict extends TertialException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The caller may not do this (e.g. a controller asking for another unit). */
    public static final class Forbidden extends TertialException {
        public Forbidden(String message) {
            super(message);
        }
    }

    /** The upload is larger than the configured limit. */
    public static final class TooLarge extends TertialException {
        public TooLarge(String message) {
            super(message);
        }
    }

    /** Too many requests in a short time; the caller may try again after {@link #retryAfterSeconds()}. */
    public static final class TooMany extends TertialException {
        private final long retryAfterSeconds;

        public TooMany(long retryAfterSeconds) {
            super(se.tertial.spec.ApiText.tooManyRequests(retryAfterSeconds));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }

    /** The disk or the database cap is full; nothing of the request was stored. */
    public static final class StorageFull extends TertialException {
        public StorageFull() {
            super(se.tertial.spec.ApiText.STORAGE_FULL);
        }
    }
}
