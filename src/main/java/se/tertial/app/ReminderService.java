package se.tertial.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.tertial.spec.LogText;
import se.tertial.spec.MailText;
import se.tertial.spec.Organisation;
import se.tertial.spec.Unit;
import se.tertial.store.Period;
import se.tertial.store.PeriodState;
import se.tertial.store.ReminderRepository;
import se.tertial.store.ReviewState;
import se.tertial.store.User;
import se.tertial.store.UserRepository;
import se.tertial.store.UserRole;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reminders to controllers whose units have not reported ({@code saknas}) or must report again ({@code återsänd}):
 * some days before the deadline (default 5 and 1) and the day after it. One e-mail per person listing all their
 * units for that reminder; a unit, period and reminder is never sent to a person twice, also across restarts (the
 * store remembers). When the service was down on a reminder's day, the latest reminder that is due is sent, not
 * the ones it has passed.
 */
public final class ReminderService {
    private static final Logger LOG = LoggerFactory.getLogger(ReminderService.class);
    private final MailConfig config;
    private final Optional<Mailer> mailer;
    private final Organisation organisation;
    private final PeriodService periods;
    private final ReviewService reviews;
    private final se.tertial.store.SubmissionRepository submissions;
    private final UserRepository users;
    private final ReminderRepository sent;
    private final String publicUrl;
    private final Clock clock;

    ReminderService(MailConfig config, Optional<Mailer> mailer, Organisation organisation, PeriodService periods,
                    ReviewService reviews, se.tertial.store.SubmissionRepository submissions, UserRepository users,
                    ReminderRepository sent, String publicUrl, Clock clock) {
        this.config = config;
        this.mailer = mailer;
        this.organisation = organisation;
        this.periods = periods;
        this.reviews = reviews;
        this.submissions = submissions;
        this.users = users;
        this.sent = sent;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** The reminder due today for a deadline ("before-5", "before-1", "after-1"), if any. */
    static Optional<String> due(LocalDate today, LocalDate deadline, List<Integer> daysBefore, int daysAfter) {
        String kind = null;
        LocalDate latest = null;
        for (int d : daysBefore) {
            LocalDate on = deadline.minusDays(d);
            if (!on.isAfter(today) && (latest == null || on.isAfter(latest))) {
                latest = on;
                kind = "before-" + d;
            }
        }
        LocalDate after = deadline.plusDays(daysAfter);
        if (!after.isAfter(today) && after.isAfter(deadline)) {
            kind = "after-" + daysAfter;
        }
        return Optional.ofNullable(kind);
    }

    /** Sends the reminders due now; returns how many e-mails went out. Without a mail server, nothing. */
    public int run() {
        if (mailer.isEmpty()) {
            return 0;
        }
        // Several instances on one database each run the schedule; one round runs at a time, and what it sent is
        // recorded before the next may start, so no reminder goes twice.
        return sent.exclusively(this::round).orElse(0);
    }

    private int round() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), AuditService.SWEDEN);
        int mails = 0;
        for (Period p : periods.list()) {
            if (p.state() != PeriodState.OPEN) {
                continue;
            }
            Optional<String> kind = due(today, p.deadline(), config.daysBefore(), config.daysAfter());
            if (kind.isEmpty()) {
                continue;
            }
            mails += remind(p, kind.get());
        }
        return mails;
    }

    private int remind(Period p, String kind) {
        User all = new User(0, "påminnelser", UserRole.ADMIN, java.util.Set.of(), clock.instant());
        Map<String, Integer> current = new java.util.HashMap<>();
        submissions.status(p.code()).forEach((unit, s) -> s.currentVersion().ifPresent(v -> current.put(unit, v)));
        Map<String, ReviewState> states = new LinkedHashMap<>();
        reviews.round(all, p.code(), p.deadline(), current).forEach(r -> states.put(r.unit(), r.state()));
        int mails = 0;
        for (User u : users.list()) {
            if (!u.active() || u.role() != UserRole.CONTROLLER || u.email().isEmpty()) {
                continue;
            }
            java.util.Set<String> already = sent.sent(p.code(), kind, u.id());
            List<Unit> units = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            for (Unit unit : organisation.units()) {
                ReviewState s = states.get(unit.code().value());
                if (u.units().contains(unit.code()) && (s == ReviewState.SAKNAS || s == ReviewState.ATERSAND)
                        && !already.contains(unit.code().value())) {
                    units.add(unit);
                    lines.add(MailText.mailReminderLine(unit, s.swedish(), publicUrl + "/enheter/"
                            + unit.code().value() + "/" + p.code()));
                }
            }
            if (units.isEmpty()) {
                continue;
            }
            String subject = MailText.mailReminderSubject(p.code(), p.deadline(), kind.startsWith("after"));
            String text = MailText.mailReminder(u.name(), p.code(), p.deadline(), kind.startsWith("after"), lines,
                    publicUrl + "/enheter");
            try {
                mailer.get().send(u.email().get(), subject, text);
            } catch (Exception e) {
                LOG.warn("reminder to {} not sent, tried again later: {}", LogText.safe(u.email().get()),
                        LogText.safe(e.toString()));
                continue;
            }
            sent.record(p.code(), kind, u.id(), units.stream().map(x -> x.code().value()).toList(), clock.instant());
            mails++;
        }
        return mails;
    }
}
