package se.tertial.app;

import se.tertial.ingest.CommentRule;
import se.tertial.money.Amount;
import se.tertial.spec.ApiText;
import se.tertial.spec.BalanceCheck;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.FactKey;
import se.tertial.spec.Finding;
import se.tertial.spec.FindingText;
import se.tertial.spec.LineKind;
import se.tertial.spec.LineSpec;
import se.tertial.spec.PageText;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Unit;
import se.tertial.store.ReviewRepository;
import se.tertial.store.SubmissionRepository;
import se.tertial.store.UploadRecord;
import se.tertial.store.User;
import se.tertial.store.VersionReads;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The figures of a unit's current version for the review page and its JSON: the same stored facts the
 * consolidation reads, laid out by the unit's templates, with the comparisons finance asks for.
 */
public final class ReviewFigures {
    private final SpecCatalog catalog;
    private final VersionReads versions;
    private final SubmissionRepository submissions;
    private final ReviewRepository reviews;

    ReviewFigures(SpecCatalog catalog, VersionReads versions, SubmissionRepository submissions,
                  ReviewRepository reviews) {
        this.catalog = catalog;
        this.versions = versions;
        this.submissions = submissions;
        this.reviews = reviews;
    }

    /** The unit's figures for the period as the viewer may see them (a controller: their own units only). */
    public UnitFigures of(User viewer, String unitCode, String periodCode) {
        Unit unit = catalog.organisation().unit(unitCode.strip())
                .orElseThrow(() -> new TertialException.NotFound(ApiText.unknownUnit(unitCode)));
        if (!viewer.mayAddress(unit.code().value())) {
            throw new TertialException.Forbidden(ApiText.unitForbidden(unit.code().value()));
        }
        PeriodCode period = PeriodService.parse(periodCode);
        Optional<VersionReads.Version> current = versions.current(unit.code(), period);
        if (current.isEmpty()) {
            return new UnitFigures(unit.code().value(), unit.name(), period.toString(), Optional.empty(), List.of(),
                    UnitFigures.Comparison.none(), UnitFigures.Comparison.none(), UnitFigures.Comparison.none());
        }
        VersionReads.Version v = current.get();
        List<TemplateSpec> templates = catalog.currentFor(unit);
        List<Finding> warnings = v.uploadId().flatMap(submissions::upload).map(UploadRecord::findings)
                .orElse(List.of());
        List<UnitFigures.Sheet> sheets = new ArrayList<>();
        for (TemplateSpec t : templates) {
            sheets.add(sheet(t, period, v, warnings));
        }
        Optional<VersionReads.Version> previous = v.version() > 1
                ? versions.version(unit.code(), period, v.version() - 1) : Optional.empty();
        Optional<VersionReads.Version> returned = lastReturned(unit.code().value(), period)
                .flatMap(n -> versions.version(unit.code(), period, n));
        PeriodCode lastYearPeriod = period.samePeriodLastYear();
        Optional<VersionReads.Version> lastYear = versions.current(unit.code(), lastYearPeriod);
        return new UnitFigures(unit.code().value(), unit.name(), period.toString(), Optional.of(v.version()), sheets,
                compare(templates, period, v, previous, previous.map(p -> PageText.versionName(p.version()))),
                compare(templates, period, v, returned, returned.map(p -> PageText.returnedVersion(p.version()))),
                compare(templates, period, v, lastYear, lastYear.map(p -> PageText.lastYearVersion(
                        lastYearPeriod.toString(), p.version()))));
    }

    /** The version finance last returned to the unit for this period, if it ever did. */
    private Optional<Integer> lastReturned(String unit, PeriodCode period) {
        Optional<Integer> last = Optional.empty();
        for (ReviewRepository.Message m : reviews.messages(period).getOrDefault(unit, List.of())) {
            if ("returned".equals(m.action()) && m.version().isPresent()) {
                last = m.version();
            }
        }
        return last;
    }

    private static List<ColumnSpec> numeric(TemplateSpec t) {
        return t.columns().stream().filter(c -> c.kind().isNumeric()).toList();
    }

    private static UnitFigures.Sheet sheet(TemplateSpec t, PeriodCode period, VersionReads.Version v,
                                           List<Finding> findings) {
        List<ColumnSpec> columns = numeric(t);
        List<UnitFigures.Column> heads = columns.stream()
                .map(c -> new UnitFigures.Column(c.code().value(), c.headingFor(period))).toList();
        List<UnitFigures.Line> lines = new ArrayList<>();
        for (LineSpec l : t.lines()) {
            List<Optional<Amount>> values = columns.stream().map(c -> v.get(new FactKey(t.id(), l.code(), c.code())))
                    .toList();
            List<String> warnings = findings.stream().filter(f -> !f.isError() && t.sheet().equals(f.sheet())
                    && l.code().value().equals(f.line())).map(f -> FindingText.ruleName(f.rule()) + ": " + f.message())
                    .toList();
            lines.add(new UnitFigures.Line(l.code().value(), l.label(), l.kind() == LineKind.SUM, values,
                    v.comment(t.id(), l.code()), warnings, needsComment(t, l, v)));
        }
        return new UnitFigures.Sheet(t.id().value(), t.sheet(), heads, lines, balance(t, period, v));
    }

    /** An entered line whose deviation reaches the template's threshold (the rule that demands a comment). */
    private static boolean needsComment(TemplateSpec t, LineSpec l, VersionReads.Version v) {
        if (t.commentThreshold().isEmpty() || l.kind() != LineKind.INPUT) {
            return false;
        }
        var threshold = t.commentThreshold().get();
        Amount limit = CommentRule.limit(threshold, v.get(new FactKey(t.id(), l.code(), threshold.ofColumn()))
                .orElse(Amount.ZERO));
        return t.columns().stream().filter(c -> c.kind() == ColumnKind.FORMULA)
                .map(c -> v.get(new FactKey(t.id(), l.code(), c.code())))
                .anyMatch(d -> d.isPresent() && d.get().abs().compareTo(limit) >= 0);
    }

    private static List<UnitFigures.Balance> balance(TemplateSpec t, PeriodCode period, VersionReads.Version v) {
        List<UnitFigures.Balance> checks = new ArrayList<>();
        if (t.balance().isEmpty()) {
            return checks;
        }
        BalanceCheck b = t.balance().get();
        Amount tolerance = Amount.ofTkr(b.toleranceTkr());
        for (ColumnSpec c : numeric(t)) {
            Optional<Amount> assets = v.get(new FactKey(t.id(), b.assets(), c.code()));
            Optional<Amount> liabilities = v.get(new FactKey(t.id(), b.equityAndLiabilities(), c.code()));
            if (assets.isPresent() && liabilities.isPresent()) {
                Amount diff = assets.get().minus(liabilities.get());
                checks.add(new UnitFigures.Balance(c.headingFor(period), assets.get(), liabilities.get(), diff,
                        diff.abs().compareTo(tolerance) < 0));
            }
        }
        return checks;
    }

    /** Every amount cell and comment of the version that differs from the other version's. */
    static UnitFigures.Comparison compare(List<TemplateSpec> templates, PeriodCode period, VersionReads.Version now,
                                          Optional<VersionReads.Version> other, Optional<String> name) {
        if (other.isEmpty()) {
            return UnitFigures.Comparison.none();
        }
        VersionReads.Version before = other.get();
        List<UnitFigures.Change> changes = new ArrayList<>();
        for (TemplateSpec t : templates) {
            for (LineSpec l : t.lines()) {
                for (ColumnSpec c : numeric(t)) {
                    FactKey k = new FactKey(t.id(), l.code(), c.code());
                    if (!before.get(k).equals(now.get(k))) {
                        changes.add(new UnitFigures.Change(t.sheet(), l.code().value(), l.label(), c.headingFor(period),
                                before.get(k), now.get(k), Optional.empty(), Optional.empty()));
                    }
                }
                Optional<String> was = before.comment(t.id(), l.code());
                Optional<String> is = now.comment(t.id(), l.code());
                if (!was.equals(is)) {
                    changes.add(new UnitFigures.Change(t.sheet(), l.code().value(), l.label(),
                            PageText.COMMENT_COLUMN, Optional.empty(), Optional.empty(),
                            Optional.of(was.orElse("")), Optional.of(is.orElse(""))));
                }
            }
        }
        return new UnitFigures.Comparison(name, Optional.of(before.version()), changes);
    }
}
