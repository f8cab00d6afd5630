package se.tertial.app;

import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.ApiText;
import se.tertial.spec.WorkbookText;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Unit;
import se.tertial.store.Period;
import se.tertial.store.SubmissionRepository;
import se.tertial.workbook.Prefill;
import se.tertial.workbook.TemplateRequest;
import se.tertial.workbook.TemplateWriter;
import se.tertial.workbook.WorkbookFormat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipOutputStream;

/** Generates the templates units fill in, prefilled from what the store already holds. */
public final class TemplateService {
    private final SpecCatalog catalog;
    private final PeriodService periods;
    private final PriorPrefill prior;
    private final TemplateWriter writer;
    private final Config config;
    private final Clock clock;

    private final BudgetService budgets;

    public TemplateService(SpecCatalog catalog, PeriodService periods, SubmissionRepository submissions,
                           BudgetService budgets, TemplateWriter writer, Config config, Clock clock) {
        this.budgets = budgets;
        this.catalog = catalog;
        this.periods = periods;
        this.prior = new PriorPrefill(submissions::currentFacts);
        this.writer = writer;
        this.config = config;
        this.clock = clock;
    }

    /** The template of a unit for a stored period. */
    public GeneratedFile template(String unitCode, String periodCode, WorkbookFormat format) {
        Period period = periods.require(periodCode);
        Unit unit = unit(unitCode);
        return template(unit, period.code(), Optional.of(period.deadline()), format);
    }

    /** The template of a unit for any period, stored or not (the CLI works without a created period). */
    public GeneratedFile template(Unit unit, PeriodCode period, Optional<LocalDate> deadline, WorkbookFormat format) {
        TemplateRequest request = request(unit, period, deadline);
        return new GeneratedFile(TemplateWriter.fileName(request, format), format.contentType(),
                writer.write(request, format));
    }

    /**
     * Every unit's .xlsx template for a stored period, in one zip written as it is made: one template in memory at a
     * time. The templates are stored in the zip as they are (an .xlsx is already compressed).
     */
    public StreamedFile zip(String periodCode) {
        Period period = periods.require(periodCode);
        return new StreamedFile(WorkbookText.zipFileName(period.code()), "application/zip", out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            for (Unit unit : catalog.organisation().units()) {
                GeneratedFile file = template(unit, period.code(), Optional.of(period.deadline()),
                        WorkbookFormat.XLSX);
                ZipArchive.putStored(zip, file.fileName(), file.bytes());
            }
            zip.finish();
        });
    }

    public Unit unit(String unitCode) {
        return catalog.organisation().unit(unitCode)
                .orElseThrow(() -> new TertialException.NotFound(ApiText.unknownUnit(unitCode)));
    }

    TemplateRequest request(Unit unit, PeriodCode period, Optional<LocalDate> deadline) {
        List<TemplateSpec> specs = catalog.currentFor(unit);
        return new TemplateRequest(catalog.organisation().region(), unit,
                catalog.organisation().namnd(unit.namnd()), period, deadline, specs,
                prefill(unit, period, specs), config.publicUrl() + "/", Version.get(), clock.instant());
    }

    /** Last year's figures, and once finance has loaded the year's budget, the budget columns: all locked. */
    private Prefill prefill(Unit unit, PeriodCode period, List<TemplateSpec> specs) {
        Prefill.Builder builder = prior.build(unit, period, specs).toBuilder();
        budgets.expected(unit.code(), period).ifPresent(budget -> {
            for (TemplateSpec spec : specs) {
                for (ColumnSpec col : spec.columns()) {
                    if (col.kind() == ColumnKind.BUDGET) {
                        builder.column(spec.id(), col.code());
                    }
                }
            }
            budget.forEach((k, v) -> builder.value(k.template(), k.column(), k.line(), v));
        });
        return builder.build();
    }
}
