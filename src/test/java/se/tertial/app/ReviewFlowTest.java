package se.tertial.app;

import org.junit.jupiter.api.Test;
import se.tertial.store.ReviewState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.tertial.app.ReviewFlow.Action.APPROVE;
import static se.tertial.app.ReviewFlow.Action.REOPEN;
import static se.tertial.app.ReviewFlow.Action.RETURN;
import static se.tertial.app.ReviewFlow.Action.UPLOAD;
import static se.tertial.store.ReviewState.ATEROPPNAD;
import static se.tertial.store.ReviewState.ATERSAND;
import static se.tertial.store.ReviewState.GODKAND;
import static se.tertial.store.ReviewState.INLAMNAD;
import static se.tertial.store.ReviewState.SAKNAS;

/** Every state and action of the review round, allowed or refused, as a pure function. */
class ReviewFlowTest {
    /** The whole table: state → action → next state (absent: refused). */
    private static final Map<ReviewState, Map<ReviewFlow.Action, ReviewState>> ALLOWED = Map.of(
            SAKNAS, Map.of(UPLOAD, INLAMNAD),
            INLAMNAD, Map.of(UPLOAD, INLAMNAD, APPROVE, GODKAND, RETURN, ATERSAND),
            ATERSAND, Map.of(UPLOAD, INLAMNAD),
            GODKAND, Map.of(REOPEN, ATEROPPNAD),
            ATEROPPNAD, Map.of(UPLOAD, INLAMNAD, APPROVE, GODKAND, RETURN, ATERSAND));

    @Test
    void everyTransitionIsAllowedOrRefusedAsTheTableSays() {
        List<String> wrong = new ArrayList<>();
        int cases = 0;
        for (ReviewState state : ReviewState.values()) {
            for (ReviewFlow.Action action : ReviewFlow.Action.values()) {
                cases++;
                ReviewFlow.Step step = ReviewFlow.step(state, action, false, "FS-MED", "2022-T2");
                ReviewState expected = ALLOWED.get(state).get(action);
                if (expected == null) {
                    if (step.allowed() || step.refusal().isEmpty() || step.refusal().get().isBlank()) {
                        wrong.add(state + " " + action + " should be refused with a reason: " + step);
                    }
                } else if (!step.next().equals(java.util.Optional.of(expected))) {
                    wrong.add(state + " " + action + " should lead to " + expected + ": " + step);
                }
            }
        }
        assertEquals(20, cases);
        assertEquals(List.of(), wrong);
    }

    @Test
    void aLockedPeriodFreezesEveryState() {
        for (ReviewState state : ReviewState.values()) {
            for (ReviewFlow.Action action : ReviewFlow.Action.values()) {
                ReviewFlow.Step step = ReviewFlow.step(state, action, true, "FS-MED", "2022-T2");
                assertFalse(step.allowed(), state + " " + action);
                assertTrue(step.refusal().orElseThrow().contains("låst"), step.refusal().get());
            }
        }
    }

    @Test
    void refusalsSayWhyInSwedishNamingUnitAndPeriod() {
        String approved = ReviewFlow.step(GODKAND, UPLOAD, false, "FS-MED", "2022-T2").refusal().orElseThrow();
        assertTrue(approved.contains("FS-MED 2022-T2") && approved.contains("godkänd") && approved.contains("återöppnat"),
                approved);
        String reopen = ReviewFlow.step(INLAMNAD, REOPEN, false, "FS-MED", "2022-T2").refusal().orElseThrow();
        assertTrue(reopen.contains("inlämnad"), reopen);
        assertTrue(ReviewFlow.step(SAKNAS, APPROVE, false, "FS-KIR", "2022-T2").refusal().orElseThrow()
                .contains("FS-KIR"));
    }

    @Test
    void theSwedishNamesAreTheIssuesOwn() {
        assertEquals(List.of("saknas", "inlämnad", "återsänd", "godkänd", "återöppnad"),
                java.util.Arrays.stream(ReviewState.values()).map(ReviewState::swedish).toList());
    }
}
