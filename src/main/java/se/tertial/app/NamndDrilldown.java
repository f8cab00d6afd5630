package se.tertial.app;

import se.tertial.report.Figures;
import se.tertial.spec.ApiText;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.UnitCode;
import se.tertial.store.Period;
import se.tertial.store.SubmissionRepository;
import se.tertial.store.UnitStatus;
import se.tertial.store.User;
import se.tertial.store.VersionReads;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report's second level: one nämnd's units with their period and prognos deviation (the figures of the
 * workbook's drill-down sheet), beside each unit's place in the review round, its number of warnings and its
 * latest upload. The third level, a unit's lines and comments, is the unit's review page and its figures.
 */
public final class NamndDrilldown {
    private final ReportService reports;
    private final PeriodService periods;
    private final ReviewService reviews;
    private final SubmissionRepository submissions;
    private final VersionReads versions;

    NamndDrilldown(ReportService reports, PeriodService periods, ReviewService reviews, SubmissionRepository submissions,
                   VersionReads versions) {
        this.reports = reports;
        this.periods = periods;
        this.reviews = reviews;
        this.submissions = submissions;
        this.versions = versions;
    }

    /** A unit of the nämnd: its figures, review state (code and words), warnings and latest upload. */
    public record UnitLine(Figures.UnitRow figures, String group, String review, String reviewLabel, int warnings,
                           Optional<Instant> latestUpload, Optional<String> latestBy) {}

    public record Namnd(Figures figures, Figures.Drilldown drilldown, List<UnitLine> units) {}

    public Namnd of(User viewer, String periodCode, String namnd, boolean approvedOnly) {
        if (!viewer.seesAllUnits()) {
            throw new TertialException.Forbidden(ApiText.FORBIDDEN);
        }
        Period period = periods.require(periodCode);
        ReportService.Report report = reports.report(period.code(), approvedOnly);
        Figures.Drilldown d = report.figures().drilldowns().stream().filter(x -> x.namnd().equals(namnd))
                .findFirst().orElseThrow(() -> new TertialException.NotFound(ApiText.unknownNamnd(namnd)));
        Map<String, Integer> current = new HashMap<>();
        Map<String, UnitStatus> status = submissions.status(period.code());
        status.forEach((u, s) -> s.currentVersion().ifPresent(v -> current.put(u, v)));
        Map<String, ReviewService.UnitReview> round = new HashMap<>();
        reviews.round(viewer, period.code(), period.deadline(), current).forEach(r -> round.put(r.unit(), r));
        List<UnitLine> units = new java.util.ArrayList<>();
        for (Figures.GroupRows g : d.groups()) {
            for (Figures.UnitRow u : g.units()) {
                ReviewService.UnitReview r = round.get(u.unit());
                UnitStatus s = status.get(u.unit());
                units.add(new UnitLine(u, g.group(), r == null ? "saknas" : r.state().dbValue(),
                        r == null ? "saknas" : r.label(), warnings(UnitCode.of(u.unit()), period.code()),
                        s == null ? Optional.empty() : s.latestAt(), s == null ? Optional.empty() : s.latestBy()));
            }
        }
        return new Namnd(report.figures(), d, units);
    }

    private int warnings(UnitCode unit, PeriodCode period) {
        return versions.current(unit, period).flatMap(VersionReads.Version::uploadId).flatMap(submissions::upload)
                .map(r -> (int) r.findings().stream().filter(f -> !f.isError()).count()).orElse(0);
    }
}
