package se.tertial.app;

import se.tertial.ingest.IngestContext;
import se.tertial.money.Amount;
import se.tertial.spec.FactKey;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.UnitCode;
import se.tertial.store.PeriodRepository;
import se.tertial.store.PeriodState;
import se.tertial.store.StoredFacts;
import se.tertial.store.SubmissionRepository;
import se.tertial.store.User;

import java.util.Map;
import java.util.Optional;

/** Answers the ingest's questions from the store, for one uploader. */
final class StoreIngestContext implements IngestContext {
    private final SpecCatalog catalog;
    private final PeriodRepository periods;
    private final SubmissionRepository submissions;
    private final BudgetService budgets;
    private final User user;
    private final UploadService.Options options;
    private final se.tertial.workbook.ReadLimits limits;
    private final se.tertial.store.ReviewRepository reviews;

    StoreIngestContext(SpecCatalog catalog, PeriodRepository periods, SubmissionRepository submissions,
                       BudgetService budgets, se.tertial.store.ReviewRepository reviews, User user,
                       UploadService.Options options, se.tertial.workbook.ReadLimits limits) {
        this.reviews = reviews;
        this.options = options;
        this.limits = limits;
        this.catalog = catalog;
        this.periods = periods;
        this.submissions = submissions;
        this.budgets = budgets;
        this.user = user;
    }

    @Override
    public se.tertial.workbook.ReadLimits limits() {
        return limits;
    }

    @Override
    public SpecCatalog catalog() {
        return catalog;
    }

    @Override
    public Optional<Boolean> periodLocked(PeriodCode period) {
        Optional<Boolean> locked = periods.find(period).map(p -> p.state() == PeriodState.LOCKED);
        if (locked.isEmpty() && options.bulk()) {
            return Optional.of(false); // created when the file is stored
        }
        return locked.map(l -> l && !options.allowLocked());
    }

    @Override
    public boolean reportApproved(UnitCode unit, PeriodCode period) {
        return reviews.isApproved(unit.value(), period);
    }

    @Override
    public boolean mayUpload(UnitCode unit) {
        return user.mayActFor(unit);
    }

    @Override
    public Optional<Map<FactKey, Amount>> currentFacts(UnitCode unit, PeriodCode period) {
        if (options.lastYear().isPresent()) {
            return options.lastYear().get().get(unit, period,
                    () -> submissions.currentFacts(unit, period).map(StoredFacts::facts));
        }
        return submissions.currentFacts(unit, period).map(StoredFacts::facts);
    }

    @Override
    public Optional<Map<FactKey, Amount>> budget(UnitCode unit, PeriodCode period) {
        return budgets.expected(unit, period);
    }
}
