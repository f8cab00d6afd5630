package se.tertial.store;

/**
 * Named points inside a write transaction. Production passes {@link #NONE}; tests pass one that fails at a given
 * point to prove the transaction leaves nothing behind.
 */
@FunctionalInterface
public interface Checkpoint {
    Checkpoint NONE = name -> { };

    void reached(String name);
}
