package se.tertial.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A unit's state in a period: the outcome of its latest upload attempt (FORBIDDEN attempts by others do not count),
 * and its current accepted version.
 */
public record UnitStatus(String unit, Optional<UploadOutcome> latest, Optional<Instant> latestAt,
                         Optional<String> latestBy, Optional<Integer> currentVersion, Optional<Instant> currentAt,
                         Optional<String> currentBy, Optional<String> currentStatus) {}
