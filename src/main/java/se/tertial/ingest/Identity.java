package se.tertial.ingest;

import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.UnitCode;

import java.util.List;

/**
 * Whose workbook it is and which template versions it is read with: from its {@code _tertial} metadata, or for a
 * legacy workbook from the mapping that matched.
 */
public record Identity(UnitCode unit, PeriodCode period, List<TemplateSpec> templates, String source) {
    public Identity {
        templates = List.copyOf(templates);
    }

    /** "resultat v1" for a tertial template, "mappning vo-resultat-mnkr" for a legacy layout. */
    static String templates(List<TemplateSpec> specs) {
        return String.join(", ", specs.stream().map(s -> s.id() + " v" + s.version()).toList());
    }
}
