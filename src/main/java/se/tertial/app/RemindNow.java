package se.tertial.app;

import se.tertial.spec.ApiText;
import se.tertial.spec.MailText;
import se.tertial.spec.Organisation;
import se.tertial.spec.Unit;
import se.tertial.store.Period;
import se.tertial.store.ReminderRepository;
import se.tertial.store.ReviewState;
import se.tertial.store.User;
import se.tertial.store.UserRepository;
import se.tertial.store.UserRole;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finance's "Påminn" on the status board: the reminder e-mail to a unit's controllers now, not on the schedule;
 * at most once per unit and day (across instances, through the same record the scheduled reminders use), each
 * unit's reminder audited with whom it went to.
 */
public final class RemindNow {
    private final Optional<Mailer> mailer;
    private final Organisation organisation;
    private final PeriodService periods;
    private final ReviewService reviews;
    private final se.tertial.store.SubmissionRepository submissions;
    private final UserRepository users;
    private final ReminderRepository sent;
    private final AuditService audit;
    private final String publicUrl;
    private final Clock clock;

    RemindNow(Optional<Mailer> mailer, Organisation organisation, PeriodService periods, ReviewService reviews,
              se.tertial.store.SubmissionRepository submissions, UserRepository users, ReminderRepository sent,
              AuditService audit, String publicUrl, Clock clock) {
        this.mailer = mailer;
        this.organisation = organisation;
        this.periods = periods;
        this.reviews = reviews;
        this.submissions = submissions;
        this.users = users;
        this.sent = sent;
        this.audit = audit;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** What a press of the button did: units reminded, and those left out with why. */
    public record Outcome(List<String> reminded, List<String> alreadyToday, List<String> noAddress) {}

    /** The units still owing a report (saknas, försenad or återsänd). */
    public List<String> missing(String periodCode) {
        Period p = periods.require(periodCode);
        List<String> out = new ArrayList<>();
        states(p).forEach((unit, state) -> {
            if (state == ReviewState.SAKNAS || state == ReviewState.ATERSAND) {
                out.add(unit);
            }
        });
        return out;
    }

    /** Reminds the units' controllers now; one press at a time across instances, so none is reminded twice. */
    public Outcome remind(Actor actor, String periodCode, List<String> unitCodes) {
        Mailer m = mailer.orElseThrow(() -> new TertialException.Invalid(MailText.MAIL_NOT_CONFIGURED));
        Period p = periods.require(periodCode);
        return sent.exclusively(() -> remind(actor, m, p, unitCodes))
                .orElseThrow(() -> new TertialException.Conflict(MailText.REMINDERS_BUSY));
    }

    private Outcome remind(Actor actor, Mailer m, Period p, List<String> unitCodes) {
        Map<String, ReviewState> states = states(p);
        String kind = "manual-" + LocalDate.ofInstant(clock.instant(), AuditService.SWEDEN);
        List<String> reminded = new ArrayList<>();
        List<String> already = new ArrayList<>();
        List<String> noAddress = new ArrayList<>();
        for (String code : unitCodes) {
            Unit unit = organisation.unit(code.strip())
                    .orElseThrow(() -> new TertialException.Invalid(ApiText.unknownUnit(code)));
            List<User> to = users.list().stream().filter(u -> u.active() && u.role() == UserRole.CONTROLLER
                    && u.units().contains(unit.code()) && u.email().isPresent()).toList();
            if (to.isEmpty()) {
                noAddress.add(unit.code().value());
                continue;
            }
            if (to.stream().anyMatch(u -> sent.sent(p.code(), kind, u.id()).contains(unit.code().value()))) {
                already.add(unit.code().value());
                continue;
            }
            ReviewState state = states.getOrDefault(unit.code().value(), ReviewState.SAKNAS);
            String line = MailText.mailReminderLine(unit, state.swedish(), publicUrl + "/enheter/"
                    + unit.code().value() + "/" + p.code());
            boolean late = clock.instant().isAfter(p.deadline().plusDays(1).atStartOfDay(AuditService.SWEDEN)
                    .toInstant());
            List<String> names = new ArrayList<>();
            for (User u : to) {
                try {
                    m.send(u.email().get(), MailText.mailReminderSubject(p.code(), p.deadline(), late),
                            MailText.mailReminder(u.name(), p.code(), p.deadline(), late, List.of(line),
                                    publicUrl + "/enheter"));
                } catch (Exception e) {
                    throw new TertialException.Invalid(MailText.reminderFailed(u.email().get()));
                }
                sent.record(p.code(), kind, u.id(), Set.of(unit.code().value()), clock.instant());
                names.add(u.name() + " <" + u.email().get() + ">");
            }
            audit.record(audit.event(actor, AuditKind.REMINDER).unit(unit.code().value()).period(p.code().toString())
                    .detail(String.join(", ", names)));
            reminded.add(unit.code().value());
        }
        return new Outcome(reminded, already, noAddress);
    }

    private Map<String, ReviewState> states(Period p) {
        User all = new User(0, "påminnelser", UserRole.ADMIN, Set.of(), clock.instant());
        Map<String, Integer> current = new java.util.HashMap<>();
        submissions.status(p.code()).forEach((unit, s) -> s.currentVersion().ifPresent(v -> current.put(unit, v)));
        Map<String, ReviewState> states = new java.util.LinkedHashMap<>();
        reviews.round(all, p.code(), p.deadline(), current).forEach(r -> states.put(r.unit(), r.state()));
        return states;
    }
}
