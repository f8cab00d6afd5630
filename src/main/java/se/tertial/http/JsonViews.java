package se.tertial.http;

import se.tertial.spec.Messages;
import se.tertial.spec.Namnd;
import se.tertial.spec.Organisation;
import se.tertial.spec.TemplateId;
import se.tertial.spec.Unit;
import se.tertial.store.Period;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of the API: stable field names in English, texts in Swedish. */
final class JsonViews {
    private JsonViews() {}

    record OrganisationView(String region, List<NamndView> namnder) {}

    record NamndView(String code, String name, List<UnitView> units) {}

    record UnitView(String code, String name, String group, List<String> templates) {}

    record PeriodView(String code, String name, LocalDate deadline, String state, Instant createdAt) {}

    record CreatePeriod(String code, String deadline) {}

    record Health(String status, String version) {}

    static OrganisationView organisation(Organisation org) {
        return new OrganisationView(org.region(), org.namnder().stream().map(n -> namnd(org, n)).toList());
    }

    private static NamndView namnd(Organisation org, Namnd n) {
        return new NamndView(n.code().value(), n.name(), org.unitsOf(n.code()).stream().map(JsonViews::unit).toList());
    }

    private static UnitView unit(Unit u) {
        return new UnitView(u.code().value(), u.name(), u.group().orElse(null),
                u.templates().stream().map(TemplateId::value).toList());
    }

    static PeriodView period(Period p) {
        return new PeriodView(p.code().toString(), Messages.periodName(p.code()), p.deadline(),
                p.state().dbValue(), p.createdAt());
    }
}
