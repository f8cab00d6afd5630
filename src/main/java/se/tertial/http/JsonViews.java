package se.tertial.http;

import se.tertial.spec.CommonText;
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

    /** A period's new deadline, "2022-09-16". */
    record Deadline(String deadline) {}

    /** {@code database}: "ok" or "otillgänglig"; {@code store}: "sqlite" or "postgresql". */
    record Health(String status, String version, String database, String store) {}

    record FindingView(String sheet, String cell, String line, String column, String rule, String severity,
                       String message) {}

    record UploadView(long id, String unit, String period, Integer version, String status, boolean unchanged,
                      String source, int facts, List<FindingView> warnings, List<FindingView> errors,
                      boolean retried, boolean sameAsBefore) {}

    record UploadSummary(long id, String unit, String period, Integer version, boolean current, String status,
                         String uploadedBy, Instant uploadedAt, String fileName, long size, String sha256) {}

    record UploadDetail(long id, String unit, String period, Integer version, boolean current, String status,
                        String uploadedBy, Instant uploadedAt, String fileName, long size, String sha256,
                        String format, List<FindingView> errors, List<FindingView> warnings) {}

    record BudgetView(long id, int year, String status, int amounts, List<FindingView> warnings,
                      List<FindingView> errors) {}

    record CreateUser(String name, String role, List<String> units) {}

    record CreateKey(String name) {}

    /** The body of approve and return ({@code version} required) and of reopen. */
    record Decide(Integer version, String message) {}

    record DecidedView(String unit, String period, String state, String label, int version) {}

    static DecidedView decided(se.tertial.app.ReviewService.Decided d) {
        return new DecidedView(d.unit(), d.period(), d.state().dbValue(), d.state().swedish(), d.version());
    }

    record MessageView(Instant at, String author, String action, Integer version, String message) {}

    static MessageView message(se.tertial.store.ReviewRepository.Message m) {
        return new MessageView(m.at(), m.author(), m.action(), m.version().orElse(null), m.text().orElse(null));
    }

    record ReviewView(String unit, String period, String state, String label, Integer version, String changedBy,
                      Instant changedAt, List<MessageView> thread) {}

    static ReviewView review(String period, se.tertial.app.ReviewService.UnitReview r) {
        return new ReviewView(r.unit(), period, r.state().dbValue(), r.label(), r.decidedVersion().orElse(null),
                r.changedBy().orElse(null), r.changedAt().orElse(null),
                r.thread().stream().map(JsonViews::message).toList());
    }

    record AuditView(long id, Instant at, String actor, String via, String address, String kind, String kindLabel,
                     String unit, String period, Long submissionId, Integer version, Long uploadId, String detail) {}

    static AuditView audit(se.tertial.store.AuditEvent e) {
        return new AuditView(e.id(), e.at(), e.actor(), e.via(), e.address().orElse(null), e.kind(),
                se.tertial.app.AuditKind.fromCode(e.kind()).map(se.tertial.app.AuditKind::swedish).orElse(e.kind()),
                e.unit().orElse(null), e.period().orElse(null), e.submissionId().orElse(null),
                e.version().orElse(null), e.uploadId().orElse(null), e.detail().orElse(null));
    }

    /** {@code PATCH /api/users/{name}}: every field optional. */
    record ChangeUser(String email, Boolean notifySubmissions, Boolean active) {}

    record NewKeyView(long id, String user, String key) {}

    record KeyView(long id, String name, Instant createdAt, Instant lastUsedAt, Instant revokedAt, boolean active) {}

    static KeyView key(se.tertial.store.ApiKey k) {
        return new KeyView(k.id(), k.name(), k.createdAt(), k.lastUsedAt().orElse(null), k.revokedAt().orElse(null),
                k.active());
    }

    record UserView(String name, String role, List<String> units, Instant createdAt, String token, String email,
                    boolean notifySubmissions, boolean active) {}

    static FindingView finding(se.tertial.spec.Finding f) {
        return new FindingView(f.sheet(), f.cell(), f.line(), f.column(), f.rule(), f.severity().json(), f.message());
    }

    static List<FindingView> findings(List<se.tertial.spec.Finding> list, se.tertial.spec.Severity severity) {
        return list.stream().filter(f -> f.severity() == severity).map(JsonViews::finding).toList();
    }

    static UploadView upload(se.tertial.app.UploadService.Result r) {
        return new UploadView(r.id(), r.unit().orElse(null), r.period().orElse(null), r.version().orElse(null),
                r.outcome().dbValue(), r.unchanged(), r.source().orElse(null), r.facts(),
                r.warnings().stream().map(JsonViews::finding).toList(),
                r.errors().stream().map(JsonViews::finding).toList(), r.retried(), r.sameAsBefore());
    }

    static UploadSummary summary(se.tertial.store.UploadRecord r) {
        return new UploadSummary(r.id(), r.unit(), r.period(), r.version().orElse(null), r.current(),
                r.outcome().dbValue(), r.uploadedBy(), r.uploadedAt(), r.fileName(), r.size(), r.sha256());
    }

    static UploadDetail detail(se.tertial.store.UploadRecord r) {
        return new UploadDetail(r.id(), r.unit(), r.period(), r.version().orElse(null), r.current(),
                r.outcome().dbValue(), r.uploadedBy(), r.uploadedAt(), r.fileName(), r.size(), r.sha256(), r.format(),
                findings(r.findings(), se.tertial.spec.Severity.ERROR),
                findings(r.findings(), se.tertial.spec.Severity.WARNING));
    }

    static UserView user(se.tertial.store.User u, String token) {
        return new UserView(u.name(), u.role().dbValue(), u.units().stream().map(x -> x.value()).sorted().toList(),
                u.createdAt(), token, u.email().orElse(null), u.notifySubmissions(), u.active());
    }

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
        return new PeriodView(p.code().toString(), CommonText.periodName(p.code()), p.deadline(),
                p.state().dbValue(), p.createdAt());
    }
}
