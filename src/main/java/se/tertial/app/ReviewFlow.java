package se.tertial.app;

import se.tertial.spec.ApiText;
import se.tertial.store.ReviewState;

import java.util.Optional;

/**
 * The review round's rules, as a pure function of a report's state: which action is allowed in which state, and
 * the state it leads to. A locked period freezes every state. Refusals carry the Swedish reason.
 */
public final class ReviewFlow {
    /** What can happen to a unit's report for a period. */
    public enum Action {
        /** A new accepted version arrives. */
        UPLOAD,
        /** Finance approves the current version. */
        APPROVE,
        /** Finance returns the current version with a message. */
        RETURN,
        /** Finance reopens an approved report so a new version may come. */
        REOPEN
    }

    /** Either the next state or the reason the action is refused. */
    public record Step(Optional<ReviewState> next, Optional<String> refusal) {
        static Step to(ReviewState s) {
            return new Step(Optional.of(s), Optional.empty());
        }

        static Step refused(String why) {
            return new Step(Optional.empty(), Optional.of(why));
        }

        public boolean allowed() {
            return next.isPresent();
        }
    }

    private ReviewFlow() {}

    public static Step step(ReviewState state, Action action, boolean periodLocked, String unit, String period) {
        if (periodLocked) {
            return Step.refused(ApiText.reviewPeriodLocked(period));
        }
        return switch (action) {
            case UPLOAD -> state == ReviewState.GODKAND ? Step.refused(ApiText.reviewApprovedNoUpload(unit, period))
                    : Step.to(ReviewState.INLAMNAD);
            case APPROVE, RETURN -> switch (state) {
                case INLAMNAD, ATEROPPNAD -> Step.to(action == Action.APPROVE ? ReviewState.GODKAND
                        : ReviewState.ATERSAND);
                case SAKNAS -> Step.refused(ApiText.reviewNothingSubmitted(unit, period));
                case ATERSAND -> Step.refused(ApiText.reviewAlreadyReturned(unit, period));
                case GODKAND -> Step.refused(ApiText.reviewAlreadyApproved(unit, period));
            };
            case REOPEN -> state == ReviewState.GODKAND ? Step.to(ReviewState.ATEROPPNAD)
                    : Step.refused(ApiText.reviewNotApproved(unit, period, state.swedish()));
        };
    }
}
