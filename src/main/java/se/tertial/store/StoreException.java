package se.tertial.store;

/** A database failure that no caller can repair; the message is for the log, not the user. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
