package se.tertial.store;

/** The store cannot be opened where it was asked to be; the message is Swedish and says what to do. */
public final class StoreStartupException extends StoreException {
    public StoreStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
