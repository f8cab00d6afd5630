package se.tertial.store;


/** A write failed because the disk, or the configured cap on the database, is full. Nothing was written. */
public final class StoreFullException extends StoreException {
    public StoreFullException(String file, Throwable cause) {
        super("database full: " + file, cause);
    }
}
