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
import se.tertial.store.CurrentVersionReads;
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
    private final se.tertial.store.ChangeStamps stamps;
    /**
     * The last few reports computed, each with the stamp of the stored data it was computed from: the report page,
     * a nämnd's drill-down and the feed ask for the same report again and again between uploads; reading and
     * consolidating 500 units each time took ~0.4 s. A stamp that differs (anything stored for the period, the
     * same period last year or last year's bokslut) computes it anew.
     */
    private final Map<ReportKey, Cached> cache = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<ReportKey, Cached> eldest) {
                    return size() > CACHED_REPORTS;
                }
            });
    /** Reports kept: a few periods, each as submitted and as approved. */
    static final int CACHED_REPORTS = 6;

    private record ReportKey(PeriodCode period, boolean approvedOnly) {}

    private record Cached(java.util.List<Object> stamp, Report report) {}

    public ReportService(SpecCatalog catalog, PeriodService periods, SubmissionRepository submissions,
                         ReviewService reviews, AuditService audit, se.tertial.store.ChangeStamps stamps) {
        this.stamps = stamps;
        this.catalog = catalog;
        this.periods = periods;
        this.submissions = submissions;
        this.reviews = reviews;
        this.audit = audit;
    }

    /** The figures and the facts behind them; a report is kept and shared, so nothing in it changes. */
    public record Report(Figures figures, Map<UnitCode, UnitFacts> current, ConsolidationInput input,
                         java.util.concurrent.atomic.AtomicReference<Map<String, java.util.List<CheckSources.Source>>>
                                 sources) {
        public Report(Figures figures, Map<UnitCode, UnitFacts> current, ConsolidationInput input) {
            this(figures, current, input, new java.util.concurrent.atomic.AtomicReference<>());
        }

        /**
         * For each failing check, the units its difference comes from: computed when first asked (one pass per
         * unit), then kept with the report.
         */
        public Map<String, java.util.List<CheckSources.Source>> checkSources() {
            Map<String, java.util.List<CheckSources.Source>> s = sources.get();
            if (s == null) {
                s = CheckSources.of(input, figures);
                sources.compareAndSet(null, s);
            }
            return s;
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

    /**
     * All of a report's input is read in one snapshot, so uploads committing meanwhile cannot tear it; the stamp is
     * read in the same snapshot, so a report is never kept under a stamp newer than its data.
     */
    public Report report(PeriodCode period, boolean approvedOnly) {
        java.util.List<PeriodCode> read = java.util.List.of(period, period.samePeriodLastYear(),
                period.lastYearBokslut());
        ReportKey key = new ReportKey(period, approvedOnly);
        Cached kept = cache.get(key);
        if (kept != null && kept.stamp().equals(stamps.of(read))) {
            return kept.report();
        }
        Cached made = submissions.snapshot(() -> new Cached(stamps.of(read), compute(period, approvedOnly)));
        cache.put(key, made);
        return made.report();
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
        return new Report(Consolidation.compute(input), java.util.Collections.unmodifiableMap(current), input);
    }

    /**
     * "Bokslut och prognos" for a period: its columns are the periods of {@link ForecastHistory#columnsFor} that
     * exist (a year without a T1 has no T1 column); with {@code approvedOnly} only approved versions count.
     */
    public ForecastHistory.Table forecastHistory(String periodCode, boolean approvedOnly) {
        PeriodCode period = periods.require(periodCode).code();
        java.util.Set<PeriodCode> existing = new java.util.HashSet<>();
        periods.list().forEach(p -> existing.add(p.code()));
        java.util.List<PeriodCode> columns = ForecastHistory.columnsFor(period).stream().filter(existing::contains)
                .toList();
        HistoryKey key = new HistoryKey(period, approvedOnly, columns);
        CachedHistory kept = histories.get(key);
        if (kept != null && kept.stamp().equals(stamps.of(columns))) {
            return kept.table();
        }
        CachedHistory made = submissions.snapshot(() -> new CachedHistory(stamps.of(columns),
                history(period, approvedOnly, existing)));
        histories.put(key, made);
        return made.table();
    }

    private record HistoryKey(PeriodCode period, boolean approvedOnly, java.util.List<PeriodCode> columns) {}

    private record CachedHistory(java.util.List<Object> stamp, ForecastHistory.Table table) {}

    /** "Bokslut och prognos" as shown last, with the stamp of what it was read from (as {@link #cache}). */
    private final Map<HistoryKey, CachedHistory> histories = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<HistoryKey, CachedHistory> eldest) {
                    return size() > CACHED_REPORTS;
                }
            });

    private ForecastHistory.Table history(PeriodCode period, boolean approvedOnly, java.util.Set<PeriodCode> existing) {
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

    /**
     * The current versions of each period read last, by submission id: a stored version never changes, so after an
     * upload or a review only the heads (one row per unit) and the versions not seen before are read. An approval
     * of one unit in a 500-unit region read 214 800 facts again (~0.4 s); it now reads 1 500 heads.
     */
    private final Map<PeriodCode, Map<Long, UnitFacts>> versions = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<PeriodCode, Map<Long, UnitFacts>> eldest) {
                    return size() > 3 * CACHED_REPORTS;
                }
            });

    /** Reads the period's current versions; called inside a snapshot, with the heads it compares in the same one. */
    private Map<UnitCode, UnitFacts> facts(PeriodCode period) {
        Map<Long, UnitFacts> kept = versions.getOrDefault(period, Map.of());
        java.util.List<CurrentVersionReads.Head> heads = submissions.current().heads(period);
        java.util.List<CurrentVersionReads.Head> unseen = heads.stream()
                .filter(h -> !kept.containsKey(h.submissionId())).toList();
        Map<Long, UnitFacts> now = new HashMap<>();
        // Many new versions (the first read, a bulk load) are read in three queries for the whole period.
        java.util.List<CurrentVersion> read = unseen.size() > heads.size() / 4
                ? submissions.currentForPeriod(period) : submissions.current().of(unseen);
        for (CurrentVersion v : read) {
            now.put(v.submissionId(), new UnitFacts(v.unit(), v.submissionId(), v.version(), v.uploadedAt(),
                    v.facts(), v.comments()));
        }
        Map<UnitCode, UnitFacts> m = new HashMap<>();
        for (CurrentVersionReads.Head h : heads) {
            UnitFacts f = now.computeIfAbsent(h.submissionId(), kept::get);
            m.put(h.unit(), f);
        }
        now.keySet().retainAll(heads.stream().map(CurrentVersionReads.Head::submissionId)
                .collect(java.util.stream.Collectors.toSet()));
        versions.put(period, now);
        return m;
    }
}
