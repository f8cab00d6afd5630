package se.tertial.store;

import se.tertial.money.Amount;
import se.tertial.spec.FactKey;
import se.tertial.spec.LineCode;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.UnitCode;

import java.util.Map;

/**
 * The figures of an accepted upload, to become the unit's current version for the period.
 *
 * @param sheets the data sheet of each template, stored beside each fact
 * @param templates the template versions read, e.g. "resultat:1"
 * @param sourceDate when the figures were made; a version older than the current one does not replace it
 * @param intoLockedPeriod whether the version may go into a locked period (a bulk load told so); otherwise a period
 *                         locked after the checks, by any instance, refuses it in the storing transaction
 */
public record AcceptedVersion(UnitCode unit, PeriodCode period, boolean withWarnings, String templates,
                              Map<TemplateId, String> sheets, Map<FactKey, Amount> facts,
                              Map<TemplateId, Map<LineCode, String>> comments, java.time.Instant sourceDate,
                              boolean intoLockedPeriod) {
    /** Into an open period only. */
    public AcceptedVersion(UnitCode unit, PeriodCode period, boolean withWarnings, String templates,
                           Map<TemplateId, String> sheets, Map<FactKey, Amount> facts,
                           Map<TemplateId, Map<LineCode, String>> comments, java.time.Instant sourceDate) {
        this(unit, period, withWarnings, templates, sheets, facts, comments, sourceDate, false);
    }
}
