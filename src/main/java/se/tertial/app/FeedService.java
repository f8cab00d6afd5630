package se.tertial.app;

import se.tertial.money.Amount;
import se.tertial.report.Figures;
import se.tertial.spec.Headings;
import se.tertial.spec.LineSpec;
import se.tertial.spec.ColumnSpec;
import se.tertial.spec.ColumnKind;
import se.tertial.spec.Namnd;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.TemplateId;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.Unit;
import se.tertial.store.FeedFilter;
import se.tertial.store.FeedQuery;
import se.tertial.store.FeedRepository;
import se.tertial.store.FeedSet;
import se.tertial.store.Period;
import se.tertial.store.User;
import se.tertial.store.UserRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the OData feed reads: a page of a set for the person whose key asks (a controller sees their units' rows
 * only, and no nämndsavvikelser, which hold every unit's figures), its count, and the audit event of a key's first
 * read of a day. The names the feed shows beside codes come from the organisation and templates loaded.
 */
public final class FeedService {
    private final SpecCatalog catalog;
    private final FeedRepository repository;
    private final ReportService reports;
    private final PeriodService periods;
    private final se.tertial.store.Database db;
    private final se.tertial.store.ChangeStamps stamps;
    private final AuditService audit;
    private final Clock clock;
    /** The nämndsavvikelser rows per period, with the stamp of the stored data they were made from. */
    private final Map<String, Computed> computed = new ConcurrentHashMap<>();

    private record Computed(List<Object> stamp, List<List<Object>> rows) {}

    FeedService(SpecCatalog catalog, FeedRepository repository, ReportService reports, PeriodService periods,
                se.tertial.store.Database db, AuditService audit, Clock clock) {
        this.catalog = catalog;
        this.repository = repository;
        this.reports = reports;
        this.periods = periods;
        this.db = db;
        this.stamps = new se.tertial.store.ChangeStamps(db);
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes the feed's unit, line and column names from the specs loaded (only when they changed). */
    void refreshNames() {
        List<FeedRepository.DimUnit> units = new ArrayList<>();
        for (Unit u : catalog.organisation().units()) {
            Namnd n = catalog.organisation().namnd(u.namnd());
            units.add(new FeedRepository.DimUnit(u.code().value(), u.name(), n.code().value(), n.name(),
                    u.group().orElse(""), String.join(",", u.templates().stream().map(TemplateId::value).toList())));
        }
        List<FeedRepository.DimLabel> lines = new ArrayList<>();
        List<FeedRepository.DimLabel> columns = new ArrayList<>();
        for (TemplateId id : catalog.templateIds()) {
            TemplateSpec t = catalog.current(id);
            for (LineSpec l : t.lines()) {
                lines.add(new FeedRepository.DimLabel(id.value(), l.code().value(), l.label()));
            }
            for (ColumnSpec c : t.columns()) {
                if (c.kind() != ColumnKind.TEXT) {
                    columns.add(new FeedRepository.DimLabel(id.value(), c.code().value(),
                            Headings.generic(c.heading())));
                }
            }
        }
        repository.refreshDimensions(units, lines, columns);
    }

    /**
     * A page of rows; when asked, how many the condition selects in all; whether more follow; and, in the set's
     * natural order, where the next page starts.
     */
    public record Page(List<Object[]> rows, Optional<Long> count, boolean more, Optional<List<Object>> last) {}

    /**
     * One page of a set as the viewer may see it: {@code limit} rows after {@code skip} (counted after the position
     * {@code after}, in the natural order), and whether more follow. Throws {@link FeedRepository.BadFilter} for a
     * condition the set cannot evaluate.
     */
    public Page page(User viewer, FeedSet set, Optional<FeedFilter> filter, List<FeedQuery.Order> order, long skip,
                     int limit, boolean count, Optional<List<Object>> after) {
        boolean allowed = set != FeedSet.NAMNDSAVVIKELSER || viewer.seesAllUnits();
        List<List<Object>> rows = set == FeedSet.NAMNDSAVVIKELSER && allowed ? namndsavvikelser() : List.of();
        Optional<FeedFilter> condition = allowed ? filter : Optional.of(new FeedFilter.Constant(false));
        FeedQuery query = new FeedQuery(set, condition, order, skip, limit + 1,
                allowed && set != FeedSet.NAMNDSAVVIKELSER ? FeedRepository.unitsOf(viewer) : Optional.empty(), rows,
                after);
        FeedQuery counting = new FeedQuery(set, condition, order, 0, 1, query.units(), rows, Optional.empty());
        return db.snapshot(() -> {
            FeedRepository.Page page = repository.page(query);
            List<Object[]> found = page.rows();
            boolean more = found.size() > limit;
            Optional<Long> total = count ? Optional.of(repository.count(counting)) : Optional.empty();
            int handed = Math.min(limit, found.size());
            // the position of the last row handed out, not of the one fetched to see that more follow
            Optional<List<Object>> last = page.positions().isEmpty() ? Optional.empty()
                    : handed == 0 ? after : Optional.of(page.positions().get(handed - 1));
            return new Page(more ? found.subList(0, limit) : found, total, more, last);
        });
    }

    /**
     * Every period's nämndsavvikelser as rows, made again for a period only when anything its report is read from
     * has changed, on this instance or another (kept for every period: the feed lists them all).
     */
    private List<List<Object>> namndsavvikelser() {
        List<List<Object>> out = new ArrayList<>();
        for (Period p : periods.list()) {
            String code = p.code().toString();
            // read before the report: a change in between leaves a stamp older than the rows, never newer
            List<Object> stamp = stamps.of(List.of(p.code(), p.code().samePeriodLastYear(),
                    p.code().lastYearBokslut()));
            Computed c = computed.get(code);
            if (c == null || !c.stamp().equals(stamp)) {
                c = new Computed(stamp, rows(code, reports.report(p.code()).figures()));
                computed.put(code, c);
            }
            out.addAll(c.rows());
        }
        return out;
    }

    private static List<List<Object>> rows(String period, Figures f) {
        List<List<Object>> out = new ArrayList<>();
        int order = 0;
        for (Figures.NamndRow r : f.namndsavvikelser()) {
            order++;
            List<Object> row = new ArrayList<>();
            row.add(period + "/" + order);
            row.add(period);
            row.add(r.namnd());
            row.add(r.label());
            row.add(switch (r.kind()) {
                case NAMND -> "nämnd";
                case GROUP -> "varav";
                case TOTAL -> "totalt";
            });
            row.add((long) order);
            row.add(r.period().map(Amount::kronor).orElse(null));
            row.add(r.forecast().map(Amount::kronor).orElse(null));
            out.add(row);
        }
        return out;
    }

    /** A key's first read of the feed on a day (Swedish time) is audited; later reads that day are not. */
    public void noteRead(UserRepository.KeyUser key, String address) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), AuditService.SWEDEN);
        if (repository.firstReadToday(key.keyId(), today)) {
            audit.record(audit.event(Actor.key(key.user(), key.keyName(), address), AuditKind.FEED_READ)
                    .detail(key.keyName()));
        }
    }
}
