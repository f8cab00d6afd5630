package se.tertial.workbook;

import se.tertial.spec.Organisation;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.Unit;
import se.tertial.testkit.TestSpecs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Template requests for the shipped example organisation. */
final class Requests {
    static final Instant GENERATED = Instant.parse("2022-09-01T08:30:00Z");

    private Requests() {}

    static TemplateRequest of(String unitCode, String period, Prefill prefill) {
        Organisation org = TestSpecs.catalog().organisation();
        Unit unit = org.unit(unitCode).orElseThrow();
        return new TemplateRequest(org.region(), unit, org.namnd(unit.namnd()), PeriodCode.parse(period),
                Optional.of(LocalDate.of(2022, 9, 9)), TestSpecs.catalog().currentFor(unit), prefill,
                "https://tertial.example.se/", "test", GENERATED);
    }
}
