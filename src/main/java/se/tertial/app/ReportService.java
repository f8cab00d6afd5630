package se.tertial.app;

import se.tertial.report.CheckSources;
import se.tertial.report.Consolidation;
import se.tertial.report.ConsolidationInput;
import se.tertial.report.Figures;
import se.tertial.report.ForecastHistory;
import se.tertial.report.ReportWorkbook;
import se.tertial.report.UnitFacts;
import se.tertial.spec.ReportText;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.UnitCode;
import se.tertial.store.CurrentVersion;
import se.tertial.store.Period;
import se.tertial.store.SubmissionRepository;
import se.tertial.store.UploadOutcome;
import se.tertial.workbook.WorkbookFormat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The consolidated report of a period: figures from the current versions, as a workbook or as JSON. */
public final class ReportService {
    private final SpecCatalog catalog;
    private final PeriodService periods;
    private final SubmissionRepository submissions;
    private final ReviewService reviews;
    private final AuditService audit;

    public ReportService(SpecCatalog catalog, PeriodService periods, SubmissionRepository submissions,
                         ReviewService reviews, AuditService audit) {
        this.catalog = catalog;
        this.periods = periods;
        this.submissions = submissions;
        this.reviews = reviews;
        this.audit = audit;
    }

    /** The figures and the facts behind them. */
    public record Report(Figures figures, Map<UnitCode, UnitFacts> current, ConsolidationInput input) {
        /** For each failing check, the units its difference comes from (computed when asked: one pass per unit). */
        public Map<String, java.util.List<CheckSources.Source>> checkSources() {
            return CheckSources.of(input, figures);
        }
    }

    public Report report(String periodCode) {
        return report(periodCode, false);
    }

    /** With {@code approvedOnly}, from the versions finance has approved only. */
    public Report report(String periodCode, boolean approvedOnly) {
        Period period = periods.require(periodCode);
        return report(period.code(), approvedOnly);
    }

    public Report report(PeriodCode period) {
        return report(period, false);
    }

    /** All of a report's input is read in one snapshot, so uploads committing meanwhile cannot tear it. */
    public Report report(PeriodCode period, boolean approvedOnly) {
        return submissions.snapshot(() -> compute(period, approvedOnly));
    }

    private Report compute(PeriodCode period, boolean approvedOnly) {
        Map<UnitCode, UnitFacts> current = facts(period);
        Set<String> approved = reviews.approvedUnits(period);
        Set<UnitCode> notApproved = new HashSet<>();
        current.keySet().stream().filter(u -> !approved.contains(u.value())).forEach(notApproved::add);
        if (approvedOnly) {
            current.keySet().removeIf(notApproved::contains);
        }
        Set<UnitCode> rejected = new HashSet<>();
        submissions.status(period).forEach((unit, s) -> {
            if (s.latest().filter(o -> o == UploadOutcome.REJECTED).isPresent()) {
                rejected.add(UnitCode.of(unit));
            }
        });
        ConsolidationInput input = new ConsolidationInput(catalog, period, current,
                facts(period.samePeriodLastYear()), facts(period.lastYearBokslut()), rejected, notApproved,
                approvedOnly);
        return new Report(Consolidation.compute(input), current, input);
    }

    /**
     * "Bokslut och prognos" for a period: its columns are the periods of {@link ForecastHistory#columnsFor} that
     * exist (a year without a T1 has no T1 column); with {@code approvedOnly} only approved versions count.
     */
    public ForecastHistory.Table forecastHistory(String periodCode, boolean approvedOnly) {
        PeriodCode period = periods.require(periodCode).code();
        java.util.Set<PeriodCode> existing = new java.util.HashSet<>();
        periods.list().forEach(p -> existing.add(p.code()));
        return submissions.snapshot(() -> {
            Map<PeriodCode, Map<UnitCode, UnitFacts>> byColumn = new java.util.LinkedHashMap<>();
            for (PeriodCode c : ForecastHistory.columnsFor(period)) {
                if (existing.contains(c)) {
                    Map<UnitCode, UnitFacts> f = facts(c);
                    if (approvedOnly) {
                        Set<String> approved = reviews.approvedUnits(c);
                        f.keySet().removeIf(u -> !approved.contains(u.value()));
                    }
                    byColumn.put(c, f);
                }
            }
            return ForecastHistory.compute(catalog, period, byColumn);
        });
    }

    public GeneratedFile workbook(String periodCode) {
        return workbook(periodCode, false);
    }

    /** The consolidated workbook, its download audited. */
    public GeneratedFile workbook(Actor actor, String periodCode, boolean approvedOnly) {
        GeneratedFile file = workbook(periodCode, approvedOnly);
        audit.record(audit.event(actor, AuditKind.DOWNLOAD_REPORT).period(PeriodService.parse(periodCode).toString())
                .detail(file.fileName()));
        return file;
    }

    public GeneratedFile workbook(String periodCode, boolean approvedOnly) {
        Report r = report(periodCode, approvedOnly);
        byte[] bytes = ReportWorkbook.write(catalog, r.figures(), r.current(),
                forecastHistory(periodCode, approvedOnly));
        return new GeneratedFile(ReportText.reportFileName(r.figures().period()), WorkbookFormat.XLSX.contentType(),
                bytes);
    }

    private Map<UnitCode, UnitFacts> facts(PeriodCode period) {
        Map<UnitCode, UnitFacts> m = new HashMap<>();
        for (CurrentVersion v : submissions.currentForPeriod(period)) {
            m.put(v.unit(), new UnitFacts(v.unit(), v.submissionId(), v.version(), v.uploadedAt(), v.facts(),
                    v.comments()));
        }
        return m;
    }
}
