package se.tertial.store;

import se.tertial.spec.PeriodCode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/** A reporting period as stored: its code, the units' deadline and whether uploads are accepted. */
public record Period(PeriodCode code, LocalDate deadline, PeriodState state, Instant createdAt) {
    public Period {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(deadline, "deadline");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
