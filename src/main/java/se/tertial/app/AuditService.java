package se.tertial.app;

import se.tertial.spec.ApiText;
import se.tertial.spec.CommonText;
import se.tertial.spec.WorkbookText;
import se.tertial.store.AuditEvent;
import se.tertial.store.AuditRepository;
import se.tertial.store.User;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The audit log as the services write it and finance and admin read it. Actions that change stored data write their
 * event inside their own transaction (uploads, review decisions); the others append it right after they succeed.
 */
public final class AuditService {
    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    private final AuditRepository events;
    private final Clock clock;

    public AuditService(AuditRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** A new event of the actor, now. */
    public AuditEvent event(Actor actor, AuditKind kind) {
        return actor.event(clock.instant(), kind.code());
    }

    public void record(AuditEvent event) {
        events.append(event);
    }

    public void record(Actor actor, AuditKind kind) {
        record(event(actor, kind));
    }

    /** A failed sign-in: the actor is the name that was tried (an unknown name is recorded as given, shortened). */
    public void failedSignIn(String triedName, String address, String reason) {
        String name = triedName == null || triedName.isBlank() ? "-" : triedName.strip();
        events.append(AuditEvent.of(clock.instant(), name.length() > 64 ? name.substring(0, 64) : name, Actor.WEB,
                address, AuditKind.SIGN_IN_FAILED.code()).detail(reason));
    }

    /** The filters of the audit page and {@code GET /api/audit}, as given (blank = any). Dates are Swedish days. */
    public record Query(String period, String unit, String user, String kind, String from, String to) {}

    /** Events for finance and admin, oldest first; the dates {@code from} and {@code to} are inclusive days. */
    public List<AuditEvent> list(User viewer, Query q) {
        if (!viewer.seesAllUnits()) {
            throw new TertialException.Forbidden(ApiText.FORBIDDEN);
        }
        Optional<String> kind = blank(q.kind());
        kind.ifPresent(k -> AuditKind.fromCode(k).orElseThrow(() ->
                new TertialException.Invalid(ApiText.unknownAuditKind(k))));
        Optional<Instant> from = blank(q.from()).map(d -> day(d).atStartOfDay(SWEDEN).toInstant());
        Optional<Instant> to = blank(q.to()).map(d -> day(d).plusDays(1).atStartOfDay(SWEDEN).toInstant());
        blank(q.period()).ifPresent(PeriodService::parse);
        return events.list(new AuditRepository.Filter(blank(q.period()), blank(q.unit()), blank(q.user()), kind,
                from, to, 100_000));
    }

    static final java.time.format.DateTimeFormatter STAMP = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss").withZone(SWEDEN);

    /** The same events as {@link #list} as an .xlsx: one row per event, times in Swedish local time. */
    public GeneratedFile workbook(User viewer, Query q) {
        List<AuditEvent> events = list(viewer, q);
        List<List<Object>> rows = new java.util.ArrayList<>();
        for (AuditEvent e : events) {
            List<Object> row = new java.util.ArrayList<>();
            row.add(e.id());
            row.add(java.time.LocalDateTime.ofInstant(e.at(), SWEDEN));
            row.add(e.actor());
            row.add(e.via());
            row.add(e.address().orElse(null));
            row.add(kindInWords(e.kind()));
            row.add(e.unit().orElse(null));
            row.add(e.period().orElse(null));
            row.add(e.version().orElse(null));
            row.add(e.uploadId().orElse(null));
            row.add(detailInWords(e).orElse(null));
            rows.add(row);
        }
        String selection = WorkbookText.auditSelection(blank(q.period()).orElse(null), blank(q.unit()).orElse(null),
                blank(q.user()).orElse(null), blank(q.kind()).map(AuditService::kindInWords).orElse(null),
                blank(q.from()).orElse(null), blank(q.to()).orElse(null));
        byte[] bytes = se.tertial.workbook.ListWorkbook.write(WorkbookText.AUDIT_SHEET, WorkbookText.auditTitle(events.size(),
                STAMP.format(clock.instant())) + " " + selection, WorkbookText.AUDIT_SHEET + " – " + selection,
                WorkbookText.AUDIT_HEADINGS, new int[] {7, 19, 14, 14, 15, 20, 11, 9, 8, 12, 40}, rows);
        return new GeneratedFile("handelselogg.xlsx", se.tertial.workbook.WorkbookFormat.XLSX.contentType(), bytes);
    }

    /** The outcome codes an upload's or a budget's detail holds, as stored (read once per row of up to 100 000). */
    private static final java.util.regex.Pattern OUTCOME_CODE = java.util.regex.Pattern.compile(
            "\\b(?:accepted_with_warnings|accepted|rejected|forbidden|unchanged|duplicate)\\b");

    /** The kind of an event in words ("Uppladdning"); an unknown code as stored. */
    public static String kindInWords(String code) {
        return AuditKind.fromCode(code).map(AuditKind::swedish).orElse(code);
    }

    /**
     * An event's detail as a person reads it: the outcome of an upload or a budget in words ("mottagen med
     * varningar", not its code, which JSON keeps), a role by its Swedish name.
     */
    public static Optional<String> detailInWords(AuditEvent e) {
        return e.detail().map(d -> {
            String out = OUTCOME_CODE.matcher(d).replaceAll(m -> CommonText.bulkOutcome(m.group()));
            for (String role : List.of("finance", "admin", "controller")) {
                out = out.replace("(" + role + ")", "(" + CommonText.roleName(role) + ")");
            }
            return out;
        });
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new TertialException.Invalid(ApiText.invalidDate(text));
        }
    }

    private static Optional<String> blank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }
}
