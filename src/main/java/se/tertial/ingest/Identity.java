package se.tertial.ingest;

import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.UnitCode;

import java.util.List;

/** Whose workbook it is and which template versions it was made from, per its {@code _tertial} metadata. */
public record Identity(UnitCode unit, PeriodCode period, List<TemplateSpec> templates) {
    public Identity {
        templates = List.copyOf(templates);
    }
}
