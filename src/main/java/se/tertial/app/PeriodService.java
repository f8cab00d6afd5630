package se.tertial.app;

import se.tertial.spec.ApiText;
import se.tertial.spec.PeriodCode;
import se.tertial.store.Period;
import se.tertial.spec.Organisation;
import se.tertial.spec.Unit;
import se.tertial.store.PeriodRepository;
import se.tertial.store.PeriodState;
import se.tertial.store.SubmissionRepository;
import se.tertial.store.UnitStatus;
import se.tertial.store.UploadOutcome;
import se.tertial.store.User;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Creating and looking up reporting periods. */
public final class PeriodService {
    private final PeriodRepository periods;
    private final Clock clock;

    private final AuditService audit;

    public PeriodService(PeriodRepository periods, AuditService audit, Clock clock) {
        this.audit = audit;
        this.periods = periods;
        this.clock = clock;
    }

    public List<Period> list() {
        return periods.list();
    }

    /** Creates an open period; {@link TertialException.Invalid} for a bad code or date, Conflict if it exists. */
    public Period create(String code, String deadline) {
        if (code == null) {
            throw new TertialException.Invalid(ApiText.missingField("code"));
        }
        if (deadline == null) {
            throw new TertialException.Invalid(ApiText.missingField("deadline"));
        }
        PeriodCode period = parse(code);
        LocalDate date;
        try {
            date = LocalDate.parse(deadline.trim());
        } catch (DateTimeParseException e) {
            throw new TertialException.Invalid(ApiText.invalidDeadline(deadline));
        }
        return periods.create(period, date, clock.instant())
                .orElseThrow(() -> new TertialException.Conflict(ApiText.periodExists(period.toString())));
    }

    /** The stored period; {@link TertialException.Invalid} for a malformed code, NotFound if it does not exist. */
    public Period require(String code) {
        PeriodCode period = parse(code);
        return periods.find(period)
                .orElseThrow(() -> new TertialException.NotFound(ApiText.unknownPeriod(period.toString())));
    }

    /** Creates a period, audited. */
    public Period create(Actor actor, String code, String deadline) {
        Period p = create(code, deadline);
        audit.record(audit.event(actor, AuditKind.PERIOD_CREATED).period(p.code().toString())
                .detail("sista dag " + p.deadline()));
        return p;
    }

    /**
     * Moves an open period's deadline, audited with the old and the new date; Invalid for a date that is not one,
     * Conflict for a locked period (its round is over).
     */
    public Period setDeadline(Actor actor, String code, String deadline) {
        Period p = require(code);
        if (deadline == null || deadline.isBlank()) {
            throw new TertialException.Invalid(ApiText.missingField("deadline"));
        }
        LocalDate date;
        try {
            date = LocalDate.parse(deadline.strip());
        } catch (DateTimeParseException e) {
            throw new TertialException.Invalid(ApiText.invalidDeadline(deadline));
        }
        if (p.state() == PeriodState.LOCKED) {
            throw new TertialException.Conflict(ApiText.deadlineOfLockedPeriod(p.code().toString()));
        }
        periods.setDeadline(p.code(), date);
        audit.record(audit.event(actor, AuditKind.DEADLINE_CHANGED).period(p.code().toString())
                .detail("sista dag " + p.deadline() + " → " + date));
        return require(code);
    }

    /** Locks or unlocks a period, audited. */
    public Period setLocked(Actor actor, String code, boolean locked) {
        Period p = setLocked(code, locked);
        audit.record(audit.event(actor, locked ? AuditKind.LOCK : AuditKind.UNLOCK).period(p.code().toString()));
        return p;
    }

    /** Locks or reopens a period; NotFound if it does not exist. */
    public Period setLocked(String code, boolean locked) {
        Period p = require(code);
        periods.setState(p.code(), locked ? PeriodState.LOCKED : PeriodState.OPEN);
        return require(code);
    }

    /** One unit's state in a period, as finance follows the round. */
    public record UnitStatusView(String unit, String name, String namnd, String status, Integer currentVersion,
                                 java.time.Instant uploadedAt, String uploadedBy, java.time.Instant latestAttemptAt,
                                 String latestAttemptBy, String review, String reviewLabel, Integer reviewVersion,
                                 String reviewBy, java.time.Instant reviewAt,
                                 List<ThreadEntry> thread) {}

    /** One entry of a unit's thread: a submission, approval, return or reopening, with its message. */
    public record ThreadEntry(java.time.Instant at, String author, String action, Integer version, String message) {
        static ThreadEntry of(se.tertial.store.ReviewRepository.Message m) {
            return new ThreadEntry(m.at(), m.author(), m.action(), m.version().orElse(null), m.text().orElse(null));
        }
    }

    /**
     * As {@link #status(String, User, Organisation, SubmissionRepository)}, with each unit's place in the review
     * round: its state (the latest attempt's outcome stays beside it in {@code status}), who decided when, and the
     * thread.
     */
    public List<UnitStatusView> status(String code, User user, Organisation org, SubmissionRepository submissions,
                                       ReviewService reviews) {
        Period p = require(code);
        List<UnitStatusView> plain = status(code, user, org, submissions);
        Map<String, Integer> current = new java.util.HashMap<>();
        plain.forEach(s -> {
            if (s.currentVersion() != null) {
                current.put(s.unit(), s.currentVersion());
            }
        });
        Map<String, ReviewService.UnitReview> round = new java.util.HashMap<>();
        reviews.round(user, p.code(), p.deadline(), current).forEach(r -> round.put(r.unit(), r));
        List<UnitStatusView> out = new java.util.ArrayList<>();
        for (UnitStatusView s : plain) {
            ReviewService.UnitReview r = round.get(s.unit());
            out.add(new UnitStatusView(s.unit(), s.name(), s.namnd(), s.status(), s.currentVersion(), s.uploadedAt(),
                    s.uploadedBy(), s.latestAttemptAt(), s.latestAttemptBy(), r.state().dbValue(), r.label(),
                    r.decidedVersion().orElse(null), r.changedBy().orElse(null), r.changedAt().orElse(null),
                    r.thread().stream().map(ThreadEntry::of).toList()));
        }
        return out;
    }

    /** Every unit (a controller: their units) in organisation order: missing, accepted, accepted with warnings or
     *  rejected (the latest attempt), with the current version and who uploaded it when. */
    public List<UnitStatusView> status(String code, User user, Organisation org, SubmissionRepository submissions) {
        Period p = require(code);
        Map<String, UnitStatus> known = submissions.status(p.code());
        List<UnitStatusView> result = new java.util.ArrayList<>();
        for (Unit u : org.units()) {
            if (!user.seesAllUnits() && !user.units().contains(u.code())) {
                continue;
            }
            UnitStatus s = known.get(u.code().value());
            if (s == null) {
                result.add(new UnitStatusView(u.code().value(), u.name(), u.namnd().value(), "missing", null, null,
                        null, null, null, null, null, null, null, null, List.of()));
                continue;
            }
            UploadOutcome latest = s.latest().orElseThrow();
            String status = latest == UploadOutcome.UNCHANGED ? s.currentStatus().orElse("accepted") : latest.dbValue();
            result.add(new UnitStatusView(u.code().value(), u.name(), u.namnd().value(), status,
                    s.currentVersion().orElse(null), s.currentAt().orElse(null), s.currentBy().orElse(null),
                    s.latestAt().orElse(null), s.latestBy().orElse(null), null, null, null, null, null, List.of()));
        }
        return result;
    }

    public static PeriodCode parse(String code) {
        try {
            return PeriodCode.parse(code);
        } catch (IllegalArgumentException e) {
            throw new TertialException.Invalid(e.getMessage());
        }
    }
}
