package se.tertial.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A line (row) of a template.
 *
 * @param sum for {@link LineKind#SUM} lines the lines it adds up; empty otherwise
 * @param internal true for internal trade, which consolidation eliminates
 * @param accounts the account classes, shown to the controller as a hint (balans)
 */
public record LineSpec(LineCode code, String label, LineKind kind, Sign sign, boolean internal,
                       List<Term<LineCode>> sum, Optional<String> accounts) {
    public LineSpec {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sign, "sign");
        sum = List.copyOf(sum);
        Objects.requireNonNull(accounts, "accounts");
    }
}
