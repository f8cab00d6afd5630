package se.tertial.app;

import se.tertial.spec.ApiText;
import se.tertial.spec.CommonText;
import se.tertial.spec.Namnd;
import se.tertial.spec.Organisation;
import se.tertial.spec.WorkbookText;
import se.tertial.store.Period;
import se.tertial.store.User;
import se.tertial.store.UserRepository;
import se.tertial.store.UserRole;
import se.tertial.workbook.ListWorkbook;
import se.tertial.workbook.WorkbookFormat;

import java.text.Collator;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The status board finance runs a round with: every unit's place in the period (review state, latest upload,
 * version, controllers), filtered by nämnd and review state, searched by name or code and sorted by any column;
 * the same selection as an .xlsx; and approving several clean units at once, each decision on its own.
 */
public final class StatusBoard {
    /** The review states a board filters on, as in its links ("forsenad": missing after the deadline). */
    public static final List<String> REVIEW_KEYS = List.of("saknas", "forsenad", "inlamnad", "atersand", "godkand",
            "ateroppnad");
    /** The columns a board sorts by, as in its links. */
    public static final List<String> SORT_KEYS = List.of("enhet", "namnd", "granskning", "uppladdning", "version",
            "inlamnad", "controller");
    private static final int SEARCH_MAX = 100;

    private final Organisation organisation;
    private final PeriodService periods;
    private final ReviewService reviews;
    private final se.tertial.store.SubmissionRepository submissions;
    private final UserRepository users;
    private final Clock clock;

    StatusBoard(Organisation organisation, PeriodService periods, ReviewService reviews,
                se.tertial.store.SubmissionRepository submissions, UserRepository users, Clock clock) {
        this.organisation = organisation;
        this.periods = periods;
        this.reviews = reviews;
        this.submissions = submissions;
        this.users = users;
        this.clock = clock;
    }

    /**
     * What finance asked to see; blank fields select everything, {@code sort} blank is the organisation's order.
     * Built by {@link #query}, which refuses what is not one of the board's own choices.
     */
    public record Query(Optional<String> namnd, Optional<String> review, Optional<String> search,
                        Optional<String> sort, boolean descending) {
        public static final Query ALL = new Query(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false);

        /** The query as link parameters, e.g. {@code namnd=FS&granskning=inlamnad}, without the sort. */
        public Map<String, String> filters() {
            Map<String, String> m = new LinkedHashMap<>();
            namnd.ifPresent(v -> m.put("namnd", v));
            review.ifPresent(v -> m.put("granskning", v));
            search.ifPresent(v -> m.put("sok", v));
            return m;
        }
    }

    /** A query from a page's or a link's parameters; Invalid naming the choice that is not one of the board's. */
    public Query query(String namnd, String review, String search, String sort, String order) {
        Optional<String> n = blank(namnd);
        if (n.isPresent() && organisation.namnder().stream().noneMatch(x -> x.code().value().equals(n.get()))) {
            throw new TertialException.Invalid(ApiText.boardUnknownNamnd(n.get()));
        }
        Optional<String> r = blank(review);
        if (r.isPresent() && !REVIEW_KEYS.contains(r.get())) {
            throw new TertialException.Invalid(ApiText.boardUnknownReview(r.get()));
        }
        Optional<String> s = blank(sort);
        if (s.isPresent() && !SORT_KEYS.contains(s.get())) {
            throw new TertialException.Invalid(ApiText.boardUnknownSort(s.get()));
        }
        Optional<String> o = blank(order);
        if (o.isPresent() && !o.get().equals("stigande") && !o.get().equals("fallande")) {
            throw new TertialException.Invalid(ApiText.boardUnknownSort(o.get()));
        }
        Optional<String> q = blank(search).map(v -> v.length() > SEARCH_MAX ? v.substring(0, SEARCH_MAX) : v);
        return new Query(n, r, q, s, o.map("fallande"::equals).orElse(false));
    }

    /**
     * One unit on the board: its status, its nämnd's name, its controllers ("namn (e-post)", comma-separated), the
     * review state as the board's filter names it, and whether it may be approved with others (submitted, the current
     * version accepted without warnings).
     */
    public record Row(PeriodService.UnitStatusView status, String namndName, String controllers, String reviewKey,
                      boolean clean) {}

    /** The board: the period, the rows selected, how many units there are in all, and counts over all of them. */
    public record Board(Period period, List<Row> rows, int total, Map<String, Long> reviewCounts,
                        Map<String, Long> outcomeCounts) {}

    public Board board(User viewer, String periodCode, Query q) {
        Period period = periods.require(periodCode);
        Map<String, String> namnder = new LinkedHashMap<>();
        for (Namnd n : organisation.namnder()) {
            namnder.put(n.code().value(), n.name());
        }
        Map<String, String> controllers = controllers();
        Map<String, Long> reviewCounts = new LinkedHashMap<>();
        List.of("saknas", "försenad", "inlämnad", "återsänd", "godkänd", "återöppnad")
                .forEach(s -> reviewCounts.put(s, 0L));
        Map<String, Long> outcomeCounts = new LinkedHashMap<>();
        List.of("missing", "accepted", "accepted_with_warnings", "rejected").forEach(s -> outcomeCounts.put(s, 0L));
        List<Row> all = new ArrayList<>();
        for (PeriodService.UnitStatusView s : periods.status(period.code().toString(), viewer, organisation,
                submissions, reviews)) {
            reviewCounts.merge(s.reviewLabel(), 1L, Long::sum);
            outcomeCounts.merge(s.status(), 1L, Long::sum);
            String key = "försenad".equals(s.reviewLabel()) ? "forsenad" : s.review();
            all.add(new Row(s, namnder.getOrDefault(s.namnd(), s.namnd()), controllers.getOrDefault(s.unit(), ""),
                    key, "inlamnad".equals(s.review()) && "accepted".equals(s.status())
                    && s.currentVersion() != null));
        }
        List<Row> rows = new ArrayList<>(all.stream().filter(r -> selected(r, q)).toList());
        q.sort().ifPresent(key -> {
            Comparator<Row> c = comparator(key);
            rows.sort(q.descending() ? c.reversed() : c);
        });
        if (q.sort().isEmpty() && q.descending()) {
            java.util.Collections.reverse(rows);
        }
        return new Board(period, rows, all.size(), reviewCounts, outcomeCounts);
    }

    private static boolean selected(Row r, Query q) {
        if (q.namnd().isPresent() && !q.namnd().get().equals(r.status().namnd())) {
            return false;
        }
        if (q.review().isPresent() && !q.review().get().equals(r.reviewKey())
                && !(q.review().get().equals("saknas") && r.reviewKey().equals("forsenad"))) {
            return false;
        }
        if (q.search().isPresent()) {
            String needle = q.search().get().toLowerCase(Locale.ROOT);
            return r.status().unit().toLowerCase(Locale.ROOT).contains(needle)
                    || r.status().name().toLowerCase(Locale.ROOT).contains(needle);
        }
        return true;
    }

    /** Each column's order; ties keep the organisation's order (the sort is stable), absent values last. */
    private static Comparator<Row> comparator(String key) {
        Collator sv = Collator.getInstance(Locale.forLanguageTag("sv-SE"));
        return switch (key) {
            case "enhet" -> Comparator.comparing(r -> r.status().name(), sv);
            case "namnd" -> Comparator.comparing(Row::namndName, sv);
            case "granskning" -> Comparator.comparingInt(r -> REVIEW_KEYS.indexOf(r.reviewKey()));
            case "uppladdning" -> Comparator.comparingInt(r -> List.of("missing", "rejected", "accepted_with_warnings",
                    "accepted").indexOf(r.status().status()));
            case "version" -> Comparator.comparing(r -> r.status().currentVersion(),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case "inlamnad" -> Comparator.comparing(r -> r.status().uploadedAt(),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            default -> Comparator.comparing(Row::controllers, sv);
        };
    }

    /** Each unit's active controllers, "namn (e-post)", in the order of their names. */
    private Map<String, String> controllers() {
        Map<String, List<String>> by = new TreeMap<>();
        for (User u : users.list()) {
            if (u.active() && u.role() == UserRole.CONTROLLER) {
                for (var unit : u.units()) {
                    by.computeIfAbsent(unit.value(), k -> new ArrayList<>())
                            .add(u.name() + u.email().map(e -> " (" + e + ")").orElse(""));
                }
            }
        }
        Map<String, String> out = new TreeMap<>();
        by.forEach((unit, names) -> out.put(unit, String.join(", ", names.stream().sorted().toList())));
        return out;
    }

    /** The selected rows as an .xlsx: one row per unit, the upload time a date cell in Swedish local time. */
    public GeneratedFile workbook(User viewer, String periodCode, Query q) {
        Board b = board(viewer, periodCode, q);
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : b.rows()) {
            PeriodService.UnitStatusView s = r.status();
            List<Object> row = new ArrayList<>();
            row.add(s.namnd());
            row.add(r.namndName());
            row.add(s.unit());
            row.add(s.name());
            row.add(s.reviewLabel());
            row.add(CommonText.statusLabel(s.status()));
            row.add(s.currentVersion());
            row.add(s.uploadedAt() == null ? null : LocalDateTime.ofInstant(s.uploadedAt(), AuditService.SWEDEN));
            row.add(s.uploadedBy());
            row.add(r.controllers().isEmpty() ? null : r.controllers());
            rows.add(row);
        }
        String name = CommonText.periodName(b.period().code());
        String selection = WorkbookText.boardSelection(q.namnd().orElse(null), q.review().map(StatusBoard::reviewWord)
                .orElse(null), q.search().orElse(null));
        byte[] bytes = ListWorkbook.write(WorkbookText.BOARD_SHEET, WorkbookText.boardTitle(name, b.rows().size(),
                b.total(), AuditService.STAMP.format(clock.instant())) + " " + selection,
                WorkbookText.BOARD_SHEET + " " + name + " " + selection, WorkbookText.BOARD_HEADINGS,
                new int[] {6, 20, 11, 24, 11, 18, 7, 16, 14, 30}, rows);
        return new GeneratedFile("status-" + b.period().code() + ".xlsx", WorkbookFormat.XLSX.contentType(), bytes);
    }

    /** A review filter's key in words: "forsenad" → "försenad". */
    public static String reviewWord(String key) {
        return switch (key) {
            case "forsenad" -> "försenad";
            case "inlamnad" -> "inlämnad";
            case "atersand" -> "återsänd";
            case "godkand" -> "godkänd";
            case "ateroppnad" -> "återöppnad";
            default -> key;
        };
    }

    /** A unit and the version finance saw when it ticked the unit. */
    public record Pick(String unit, int version) {
        /** "FS-MED:3" as the board's tick box sends it; Invalid otherwise. */
        public static Pick parse(String text) {
            int colon = text == null ? -1 : text.lastIndexOf(':');
            try {
                if (colon > 0 && colon <= 40) {
                    return new Pick(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
                }
            } catch (NumberFormatException e) {
                // falls through to the refusal
            }
            throw new TertialException.Invalid(ApiText.bulkBadPick(text == null ? "" : text.length() > 60
                    ? text.substring(0, 60) : text));
        }

        @Override
        public String toString() {
            return unit + ":" + version;
        }
    }

    /** A unit left out of a bulk approval, with why in words. */
    public record Refused(String unit, String name, int version, String reason) {}

    /** What a bulk approval did: the units approved (each its own audited decision) and those refused. */
    public record BulkOutcome(List<ReviewService.Decided> approved, List<Refused> refused) {}

    /** The picks as finance confirms them: each known unit with its name, in the organisation's order. */
    public List<Row> picked(User viewer, String periodCode, List<Pick> picks) {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row r : board(viewer, periodCode, Query.ALL).rows()) {
            rows.put(r.status().unit(), r);
        }
        List<Row> out = new ArrayList<>();
        for (Pick p : picks) {
            Row r = rows.get(p.unit());
            if (r == null) {
                throw new TertialException.NotFound(ApiText.unknownUnit(p.unit()));
            }
            out.add(r);
        }
        return out;
    }

    /**
     * Approves each picked unit's version on its own: a unit whose current version is newer than the one ticked, or
     * that is no longer a clean submitted report, is refused and the others still approved.
     */
    public BulkOutcome approve(Actor actor, String periodCode, List<Pick> picks) {
        if (picks.isEmpty()) {
            throw new TertialException.Invalid(ApiText.BULK_NOTHING_PICKED);
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row r : board(actor.user(), periodCode, Query.ALL).rows()) {
            rows.put(r.status().unit(), r);
        }
        List<ReviewService.Decided> approved = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        for (Pick p : picks.stream().distinct().toList()) {
            Row r = rows.get(p.unit());
            if (r == null) {
                throw new TertialException.NotFound(ApiText.unknownUnit(p.unit()));
            }
            String name = r.status().name();
            Integer current = r.status().currentVersion();
            if (current != null && current != p.version()) {
                refused.add(new Refused(p.unit(), name, p.version(), ApiText.bulkNewerVersion(p.version(), current)));
            } else if (!r.clean()) {
                refused.add(new Refused(p.unit(), name, p.version(), ApiText.bulkNotClean(r.status().reviewLabel(),
                        CommonText.statusLabel(r.status().status()))));
            } else {
                try {
                    approved.add(reviews.approve(actor, periodCode, p.unit(), p.version(), null));
                } catch (TertialException.Conflict e) {
                    refused.add(new Refused(p.unit(), name, p.version(), e.getMessage()));
                }
            }
        }
        return new BulkOutcome(approved, refused);
    }

    private static Optional<String> blank(String v) {
        return Optional.ofNullable(v).map(String::strip).filter(x -> !x.isEmpty());
    }
}
