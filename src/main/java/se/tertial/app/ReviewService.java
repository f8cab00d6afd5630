package se.tertial.app;

import se.tertial.spec.ApiText;
import se.tertial.spec.Organisation;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.Unit;
import se.tertial.store.Period;
import se.tertial.store.ReviewRepository;
import se.tertial.store.ReviewState;
import se.tertial.store.User;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The review round: finance approves or returns each unit's report (a specific version), and reopens an approved
 * one; every decision is checked against {@link ReviewFlow} inside the transaction that stores it, with its thread
 * entry and audit event. Controllers read the state and thread of their own units.
 */
public final class ReviewService {
    public static final int MESSAGE_MAX = 4000;
    private final Organisation organisation;
    private final PeriodService periods;
    private final ReviewRepository reviews;
    private final AuditService audit;
    private final Notices notices;
    private final Clock clock;

    public ReviewService(Organisation organisation, PeriodService periods, ReviewRepository reviews,
                         AuditService audit, Notices notices, Clock clock) {
        this.organisation = organisation;
        this.periods = periods;
        this.reviews = reviews;
        this.audit = audit;
        this.notices = notices;
        this.clock = clock;
    }

    /** The outcome of a decision, for the API and the pages. */
    public record Decided(String unit, String period, ReviewState state, int version) {}

    public Decided approve(Actor actor, String period, String unit, Integer version, String message) {
        return decide(actor, period, unit, ReviewFlow.Action.APPROVE, Optional.ofNullable(version), message, false);
    }

    public Decided returnToUnit(Actor actor, String period, String unit, Integer version, String message) {
        return decide(actor, period, unit, ReviewFlow.Action.RETURN, Optional.ofNullable(version), message, true);
    }

    public Decided reopen(Actor actor, String period, String unit, String message) {
        return decide(actor, period, unit, ReviewFlow.Action.REOPEN, Optional.empty(), message, false);
    }

    private Decided decide(Actor actor, String periodText, String unitText, ReviewFlow.Action action,
                           Optional<Integer> version, String messageText, boolean messageRequired) {
        if (!actor.user().seesAllUnits()) {
            throw new TertialException.Forbidden(ApiText.FORBIDDEN);
        }
        Period period = periods.require(periodText);
        Unit unit = organisation.unit(unitText)
                .orElseThrow(() -> new TertialException.NotFound(ApiText.unknownUnit(unitText)));
        Optional<String> message = Optional.ofNullable(messageText).map(se.tertial.spec.PlainText::message)
                .map(String::strip).filter(m -> !m.isEmpty());
        if (messageRequired && message.isEmpty()) {
            throw new TertialException.Invalid(ApiText.REVIEW_MESSAGE_REQUIRED);
        }
        if (message.isPresent() && message.get().length() > MESSAGE_MAX) {
            throw new TertialException.Invalid(ApiText.reviewMessageTooLong(MESSAGE_MAX));
        }
        if (action != ReviewFlow.Action.REOPEN && version.isEmpty()) {
            throw new TertialException.Invalid(ApiText.REVIEW_VERSION_REQUIRED);
        }
        String code = unit.code().value();
        String p = period.code().toString();
        AuditKind kind = switch (action) {
            case APPROVE -> AuditKind.APPROVE;
            case RETURN -> AuditKind.RETURN;
            case REOPEN -> AuditKind.REOPEN;
            case UPLOAD -> throw new IllegalArgumentException("an upload is not a decision");
        };
        String thread = switch (action) {
            case APPROVE -> "approved";
            case RETURN -> "returned";
            default -> "reopened";
        };
        ReviewRepository.Decision d;
        try {
            d = reviews.decide(code, period.code(), version, (state, locked) -> {
                ReviewFlow.Step step = ReviewFlow.step(state, action, locked, code, p);
                return step.next().orElseThrow(() -> new TertialException.Conflict(step.refusal().orElseThrow()));
            }, thread, actor.user().name(), clock.instant(), message, audit.event(actor, kind));
        } catch (ReviewRepository.StaleVersion e) {
            throw new TertialException.Conflict(ApiText.reviewStaleVersion(code, p, version.orElse(0), e.current()));
        }
        Decided decided = new Decided(code, p, d.state(), d.version());
        switch (action) {
            case APPROVE -> notices.approved(unit, period, d.version(), message);
            case RETURN -> notices.returned(unit, period, d.version(), message.orElseThrow());
            default -> { }
        }
        return decided;
    }

    /** One unit's place in the round, for the status board, "Mina enheter" and the API. */
    public record UnitReview(String unit, String name, String namnd, ReviewState state, boolean overdue,
                             Optional<Integer> decidedVersion, Optional<String> changedBy,
                             Optional<Instant> changedAt, List<ReviewRepository.Message> thread) {
        /** "försenad" for a missing report after the deadline, else the state's Swedish name. */
        public String label() {
            return overdue && state == ReviewState.SAKNAS ? "försenad" : state.swedish();
        }
    }

    /**
     * Every unit the viewer may see in organisation order, with its state, who changed it when, and its thread.
     * {@code current} are the units with a current version and its number.
     */
    public List<UnitReview> round(User viewer, PeriodCode period, LocalDate deadline, Map<String, Integer> current) {
        Map<String, ReviewRepository.Row> rows = reviews.states(period);
        Map<String, List<ReviewRepository.Message>> threads = reviews.messages(period);
        boolean late = LocalDate.ofInstant(clock.instant(), AuditService.SWEDEN).isAfter(deadline);
        List<UnitReview> out = new ArrayList<>();
        for (Unit u : organisation.units()) {
            String code = u.code().value();
            if (!viewer.mayAddress(code)) {
                continue;
            }
            ReviewRepository.Row row = rows.get(code);
            ReviewState state = !current.containsKey(code) ? ReviewState.SAKNAS
                    : row == null ? ReviewState.INLAMNAD : row.state();
            Optional<Integer> decided = Optional.empty();
            List<ReviewRepository.Message> thread = threads.getOrDefault(code, List.of());
            if (row != null && row.submissionId().isPresent()) {
                long id = row.submissionId().get();
                decided = thread.stream().filter(m -> m.submissionId().equals(Optional.of(id)))
                        .flatMap(m -> m.version().stream()).findFirst();
            }
            out.add(new UnitReview(code, u.name(), u.namnd().value(), state, late && state == ReviewState.SAKNAS,
                    decided, Optional.ofNullable(row).map(ReviewRepository.Row::changedBy),
                    Optional.ofNullable(row).map(ReviewRepository.Row::changedAt), thread));
        }
        return out;
    }

    /** Units whose report for the period is approved. */
    public java.util.Set<String> approvedUnits(PeriodCode period) {
        java.util.Set<String> out = new java.util.HashSet<>();
        reviews.states(period).forEach((unit, row) -> {
            if (row.state() == ReviewState.GODKAND) {
                out.add(unit);
            }
        });
        return out;
    }
}
