package se.tertial.app;

import se.tertial.spec.Messages;
import se.tertial.spec.PeriodCode;
import se.tertial.store.Period;
import se.tertial.store.PeriodRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Creating and looking up reporting periods. */
public final class PeriodService {
    private final PeriodRepository periods;
    private final Clock clock;

    public PeriodService(PeriodRepository periods, Clock clock) {
        this.periods = periods;
        this.clock = clock;
    }

    public List<Period> list() {
        return periods.list();
    }

    /** Creates an open period; {@link TertialException.Invalid} for a bad code or date, Conflict if it exists. */
    public Period create(String code, String deadline) {
        if (code == null) {
            throw new TertialException.Invalid(Messages.missingField("code"));
        }
        if (deadline == null) {
            throw new TertialException.Invalid(Messages.missingField("deadline"));
        }
        PeriodCode period = parse(code);
        LocalDate date;
        try {
            date = LocalDate.parse(deadline.trim());
        } catch (DateTimeParseException e) {
            throw new TertialException.Invalid(Messages.invalidDeadline(deadline));
        }
        return periods.create(period, date, clock.instant())
                .orElseThrow(() -> new TertialException.Conflict(Messages.periodExists(period.toString())));
    }

    /** The stored period; {@link TertialException.Invalid} for a malformed code, NotFound if it does not exist. */
    public Period require(String code) {
        PeriodCode period = parse(code);
        return periods.find(period)
                .orElseThrow(() -> new TertialException.NotFound(Messages.unknownPeriod(period.toString())));
    }

    public static PeriodCode parse(String code) {
        try {
            return PeriodCode.parse(code);
        } catch (IllegalArgumentException e) {
            throw new TertialException.Invalid(e.getMessage());
        }
    }
}
