package se.tertial.app;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** The result of work done on another thread, with the exception it threw rethrown as it was thrown. */
public final class Futures {
    private Futures() {}

    /**
     * Waits for {@code f}; a {@link RuntimeException} or {@link Error} of the work is rethrown unchanged (a
     * {@code SpecException} still names its file), anything else wrapped.
     */
    public static <T> T result(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
