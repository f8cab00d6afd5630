package se.tertial.spec;

import java.util.Objects;

/** A committee (nämnd) responsible for a part of the budget. */
public record Namnd(NamndCode code, String name) {
    public Namnd {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
    }
}
