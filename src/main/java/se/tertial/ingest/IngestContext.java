package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.FactKey;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.UnitCode;

import java.util.Map;
import java.util.Optional;

/** What the ingest needs to know beyond the workbook; the application layer answers from the store. */
public interface IngestContext {
    SpecCatalog catalog();

    /** The period's state: empty if it does not exist, else whether it is locked. */
    Optional<Boolean> periodLocked(PeriodCode period);

    /** Whether the uploader may upload for the unit. */
    boolean mayUpload(UnitCode unit);

    /** The facts of the unit's current accepted version for a period, if any. */
    Optional<Map<FactKey, Amount>> currentFacts(UnitCode unit, PeriodCode period);

    /** The loaded budget's amounts for the unit's BUDGET columns in this period, if finance has loaded one. */
    Optional<Map<FactKey, Amount>> budget(UnitCode unit, PeriodCode period);

    /** Whether finance has approved the unit's report for the period (no new version is taken then). */
    default boolean reportApproved(UnitCode unit, PeriodCode period) {
        return false;
    }

    /** What reading one upload may cost; a deadline starts when the file is opened. */
    default se.tertial.workbook.ReadLimits limits() {
        return se.tertial.workbook.ReadLimits.DEFAULT;
    }
}
