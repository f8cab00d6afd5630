package se.tertial.app;

import se.tertial.ingest.BudgetCell;
import se.tertial.ingest.BudgetIngest;
import se.tertial.ingest.BudgetResult;
import se.tertial.ingest.Outcome;
import se.tertial.money.Amount;
import se.tertial.spec.BudgetScope;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.FactKey;
import se.tertial.spec.LineSpec;
import se.tertial.spec.ApiText;
import se.tertial.spec.WorkbookText;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Unit;
import se.tertial.spec.UnitCode;
import se.tertial.store.BudgetRepository;
import se.tertial.store.NewUpload;
import se.tertial.store.SubmissionRepository;
import se.tertial.store.UploadOutcome;
import se.tertial.store.User;
import se.tertial.workbook.BudgetWorkbook;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The year's budget: its workbook, loading it, and what a unit's budget columns must hold in a period. */
public final class BudgetService {
    private final SpecCatalog catalog;
    private final BudgetRepository budgets;
    private final SubmissionRepository uploads;
    private final Config config;
    private final Clock clock;

    public BudgetService(SpecCatalog catalog, BudgetRepository budgets, SubmissionRepository uploads, Config config,
                         Clock clock) {
        this.catalog = catalog;
        this.budgets = budgets;
        this.uploads = uploads;
        this.config = config;
        this.clock = clock;
    }

    /** The outcome of loading a budget workbook. */
    public record Loaded(long uploadId, Outcome outcome, int year, List<se.tertial.spec.Finding> findings,
                         int amounts) {}

    /** The budget workbook for a year, with the amounts already loaded (if any) filled in. */
    public GeneratedFile template(String yearText) {
        int year = year(yearText);
        Map<BudgetRepository.Key, Amount> loaded = budgets.forYear(year);
        List<BudgetWorkbook.BudgetRow> rows = new ArrayList<>();
        for (BudgetCell cell : BudgetIngest.expectedRows(catalog)) {
            Unit unit = catalog.organisation().unit(cell.unit()).orElseThrow();
            LineSpec line = catalog.current(cell.template()).line(cell.line()).orElseThrow();
            Map<String, Amount> amounts = new HashMap<>();
            for (String col : BudgetWorkbook.AMOUNT_COLUMNS) {
                Amount a = loaded.get(new BudgetRepository.Key(cell.unit().value(), cell.template().value(),
                        cell.line().value(), col));
                if (a != null) {
                    amounts.put(col, a);
                }
            }
            rows.add(new BudgetWorkbook.BudgetRow(unit.code().value(), unit.name(), cell.template().value(),
                    cell.line().value(), line.label(), amounts));
        }
        byte[] bytes = BudgetWorkbook.write(year, catalog.organisation().region(), rows, config.publicUrl() + "/",
                config.sheetPassword(), Version.get(), clock.instant());
        return new GeneratedFile(WorkbookText.budgetFileName(year), se.tertial.workbook.WorkbookFormat.XLSX.contentType(),
                bytes);
    }

    /** As {@link #load(User, String, ReceivedFile)}, audited with the outcome. */
    public Loaded load(Actor actor, String yearText, ReceivedFile file, AuditService audit) {
        Loaded loaded = load(actor.user(), yearText, file);
        audit.record(audit.event(actor, AuditKind.BUDGET_LOADED).upload(loaded.uploadId())
                .detail(loaded.year() + ": " + loaded.outcome().json() + ", " + loaded.amounts() + " belopp"));
        return loaded;
    }

    /** Validates and, without errors, stores the year's budget (replacing an earlier one). */
    public Loaded load(User user, String yearText, ReceivedFile file) {
        int year = year(yearText);
        BudgetResult result = BudgetIngest.run(file.file(), catalog, year);
        NewUpload upload = new NewUpload("budget", user.name(), clock.instant(),
                se.tertial.spec.PlainText.name(file.fileName()), file.bytes(),
                file.sha256(), null, Integer.toString(year), null);
        if (result.outcome() == Outcome.REJECTED) {
            long id = uploads.store(upload, UploadOutcome.REJECTED, result.findings(), Optional.empty()).uploadId();
            return new Loaded(id, Outcome.REJECTED, year, result.findings(), 0);
        }
        Map<BudgetRepository.Key, Amount> amounts = new LinkedHashMap<>();
        result.amounts().forEach((k, v) -> amounts.put(new BudgetRepository.Key(k.unit().value(),
                k.template().value(), k.line().value(), k.column()), v));
        long id = budgets.replace(year, amounts, upload, result.findings());
        return new Loaded(id, result.outcome(), year, result.findings(), amounts.size());
    }

    /**
     * What the unit's budget columns hold in the period once a budget is loaded for its year: the year column
     * from BUDGET_AR, the period column from BUDGET_T1/BUDGET_T2 (the year's at T3). Empty before a budget is loaded.
     */
    public Optional<Map<FactKey, Amount>> expected(UnitCode unitCode, PeriodCode period) {
        Optional<Map<BudgetRepository.Key, Amount>> loaded = budgets.forUnit(period.year(), unitCode);
        Optional<Unit> unit = catalog.organisation().unit(unitCode);
        if (loaded.isEmpty() || unit.isEmpty()) {
            return Optional.empty();
        }
        Map<FactKey, Amount> expected = new HashMap<>();
        for (TemplateSpec spec : catalog.currentFor(unit.get())) {
            for (ColumnSpec col : spec.columns()) {
                if (col.kind() != ColumnKind.BUDGET || col.budget().isEmpty()) {
                    continue;
                }
                String source = budgetColumn(col.budget().get(), period);
                for (LineSpec line : spec.lines()) {
                    Amount a = loaded.get().get(new BudgetRepository.Key(unitCode.value(), spec.id().value(),
                            line.code().value(), source));
                    if (a != null) {
                        expected.put(new FactKey(spec.id(), line.code(), col.code()), a);
                    }
                }
            }
        }
        return Optional.of(expected);
    }

    static String budgetColumn(BudgetScope scope, PeriodCode period) {
        if (scope == BudgetScope.YEAR || period.isYearEnd()) {
            return "BUDGET_AR";
        }
        return "BUDGET_T" + period.tertial();
    }

    private static int year(String text) {
        try {
            int y = Integer.parseInt(text);
            if (y < 1990 || y > 2999) {
                throw new NumberFormatException();
            }
            return y;
        } catch (NumberFormatException e) {
            throw new TertialException.Invalid(ApiText.invalidYear(text));
        }
    }
}
