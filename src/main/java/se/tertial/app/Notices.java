package se.tertial.app;

import se.tertial.spec.Unit;
import se.tertial.store.Period;

import java.util.Optional;

/**
 * Notices of the review round to the people concerned (by e-mail when it is configured). Sending never fails the
 * action that caused it: an implementation queues and logs.
 */
public interface Notices {
    /** To the unit's controllers: finance approved their report. */
    void approved(Unit unit, Period period, int version, Optional<String> message);

    /** To the unit's controllers: finance returned their report with a message. */
    void returned(Unit unit, Period period, int version, String message);

    /** To finance users who opted in: a unit submitted a new version. */
    void submitted(Unit unit, Period period, int version, String by, Optional<String> message);

    /** No e-mail configured: nothing is sent. */
    Notices NONE = new Notices() {
        @Override
        public void approved(Unit unit, Period period, int version, Optional<String> message) {
        }

        @Override
        public void returned(Unit unit, Period period, int version, String message) {
        }

        @Override
        public void submitted(Unit unit, Period period, int version, String by, Optional<String> message) {
        }
    };
}
