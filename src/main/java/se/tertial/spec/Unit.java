package se.tertial.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit that fills in templates: a förvaltning, verksamhetsområde or a nämnd's central budget.
 *
 * @param group the "varav" group inside the nämnd; empty for a nämnd with a single group (RF)
 * @param templates the templates the unit receives, in sheet order
 */
public record Unit(UnitCode code, String name, NamndCode namnd, Optional<String> group, List<TemplateId> templates) {
    public Unit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(namnd, "namnd");
        Objects.requireNonNull(group, "group");
        templates = List.copyOf(templates);
    }
}
