package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.FactKey;
import se.tertial.spec.Finding;
import se.tertial.spec.LineCode;
import se.tertial.spec.ApiText;
import se.tertial.spec.FindingText;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.UnitCode;
import se.tertial.workbook.Deadline;
import se.tertial.workbook.Metadata;
import se.tertial.workbook.ReadArea;
import se.tertial.workbook.ReadLimits;
import se.tertial.workbook.SheetLayout;
import se.tertial.workbook.OpenedWorkbook;
import se.tertial.workbook.SheetGrid;
import se.tertial.workbook.UnreadableWorkbookException;
import se.tertial.workbook.WorkbookReader;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline from an uploaded file to a verdict: open it safely, identify it by its metadata (never its name),
 * check who may upload it and whether its period is open, read every data sheet with its own template version,
 * and apply the rules. Findings are the normal result; nothing here throws for bad input.
 */
public final class Ingest {
    private static final System.Logger LOG = System.getLogger(Ingest.class.getName());
    static final int AREA_MARGIN_ROWS = 50;
    static final int AREA_MARGIN_COLS = 20;

    private Ingest() {}

    public static IngestResult run(Path file, IngestContext ctx) {
        return run(file, "", ctx);
    }

    /** @param fileName the name the file was uploaded with: only legacy layouts may take unit and period from it */
    public static IngestResult run(Path file, String fileName, IngestContext ctx) {
        return run(file, fileName, ctx, "", Optional.empty());
    }

    /**
     * As {@link #run(Path, String, IngestContext)}, after {@link #identify}: when {@code known} was made from bytes
     * with this {@code sha256}, the package's structure and metadata are not read again — one parse per part.
     */
    public static IngestResult run(Path file, String fileName, IngestContext ctx, String sha256,
                                   Optional<Identification> known) {
        return run(file, null, fileName, ctx, sha256, known);
    }

    /**
     * As {@link #run(Path, String, IngestContext, String, Optional)}, reading {@code bytes} (the file's content,
     * with that {@code sha256}) when not {@code null}: the bytes checked are then exactly the bytes stored.
     */
    public static IngestResult run(Path file, byte[] bytes, String fileName, IngestContext ctx, String sha256,
                                   Optional<Identification> known) {
        Optional<Identification> same = known.filter(k -> k.sha256().equals(sha256) && !sha256.isEmpty());
        ReadLimits limits = ctx.limits();
        Deadline deadline = limits.start();
        try (OpenedWorkbook wb = WorkbookReader.open(file, bytes, sha256, same.flatMap(Identification::outline),
                limits, deadline)) {
            Optional<Map<String, String>> raw = same.isPresent() && same.get().outline().isPresent()
                    ? same.get().metadata() : wb.metadata();
            IngestResult result = run(wb, raw, fileName, ctx).savedAt(wb.savedAt());
            if (result.outcome() != Outcome.REJECTED) {
                // A version finance may download must be a file tertial (and Excel) can open: every part's CRC and
                // size, and every XML part the reading above did not parse, checked before it is accepted.
                wb.verifyWhole();
            }
            deadline.check();
            return result;
        } catch (UnreadableWorkbookException e) {
            return rejected(Optional.empty(), List.of(Finding.error(rule(e.reason()), e.getMessage())));
        } catch (Deadline.Exceeded e) {
            return rejected(Optional.empty(), List.of(Finding.error(Rules.TIMEOUT,
                    FindingText.uploadTimedOut(e.budget()))));
        } catch (RuntimeException | StackOverflowError e) {
            // A parser failure nobody foresaw is still the file's fault, and still a finding on a recorded attempt.
            LOG.log(System.Logger.Level.WARNING, "unexpected failure while reading an upload", e);
            return rejected(Optional.empty(), List.of(Finding.error(Rules.UNREADABLE, FindingText.FILE_CORRUPT)));
        }
    }

    /**
     * Whose a file is and when it was saved, without a database: for ordering a bulk load. Also what the read found
     * (the raw metadata, the package's checked outline) for the bytes with {@code sha256}, so that the later
     * {@link #run(Path, String, IngestContext, String, Optional)} reads only the data sheets.
     */
    public record Identification(Optional<UnitCode> unit, Optional<PeriodCode> period,
                                 Optional<java.time.Instant> savedAt, String sha256,
                                 Optional<Map<String, String>> metadata,
                                 Optional<se.tertial.workbook.WorkbookOutline> outline) {
        public Identification(Optional<UnitCode> unit, Optional<PeriodCode> period,
                              Optional<java.time.Instant> savedAt) {
            this(unit, period, savedAt, "", Optional.empty(), Optional.empty());
        }

        static Identification none() {
            return new Identification(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    public static Identification identify(Path file, String sha256, String fileName,
                                          se.tertial.spec.SpecCatalog catalog) {
        return identify(file, null, sha256, fileName, catalog);
    }

    /** As {@link #identify(Path, String, String, se.tertial.spec.SpecCatalog)}, from the file's {@code bytes}. */
    public static Identification identify(Path file, byte[] bytes, String sha256, String fileName,
                                          se.tertial.spec.SpecCatalog catalog) {
        try (OpenedWorkbook wb = WorkbookReader.open(file, bytes, ReadLimits.DEFAULT, ReadLimits.DEFAULT.start())) {
            return identify(wb, sha256, fileName, catalog);
        } catch (UnreadableWorkbookException | RuntimeException | StackOverflowError e) {
            return Identification.none();
        }
    }

    private static Identification identify(OpenedWorkbook wb, String sha256, String fileName,
                                           se.tertial.spec.SpecCatalog catalog) throws UnreadableWorkbookException {
        Optional<Map<String, String>> raw = wb.metadata();
        Optional<se.tertial.workbook.WorkbookOutline> outline = sha256.isEmpty() ? Optional.empty()
                : wb.outline(sha256);
        Optional<Metadata> meta;
        try {
            meta = raw.flatMap(Metadata::fromMap);
        } catch (IllegalArgumentException e) {
            meta = Optional.empty();
        }
        if (meta.isPresent()) {
            Instant saved = wb.savedAt().orElse(meta.get().generatedAt());
            return new Identification(Optional.of(meta.get().unit()), Optional.of(meta.get().period()),
                    Optional.of(saved), sha256, raw, outline);
        }
        List<LegacyReader.Match> matches = raw.isEmpty() ? LegacyReader.match(wb, fileName, catalog) : List.of();
        if (matches.size() == 1) {
            return new Identification(LegacyReader.unit(matches.get(0), catalog), LegacyReader.period(matches.get(0)),
                    wb.savedAt(), sha256, raw, outline);
        }
        return new Identification(Optional.empty(), Optional.empty(), wb.savedAt(), sha256, raw, outline);
    }

    static IngestResult run(OpenedWorkbook wb, String fileName, IngestContext ctx) throws UnreadableWorkbookException {
        return run(wb, wb.metadata(), fileName, ctx);
    }

    private static IngestResult run(OpenedWorkbook wb, Optional<Map<String, String>> raw, String fileName,
                                    IngestContext ctx) throws UnreadableWorkbookException {
        Metadata meta;
        try {
            meta = raw.isPresent() ? Metadata.fromMap(raw.get()).orElse(null) : null;
        } catch (IllegalArgumentException e) {
            meta = null;
        }
        if (meta == null) {
            if (raw.isEmpty() && !ctx.catalog().legacyMappings().isEmpty()) {
                return legacy(wb, fileName, ctx);
            }
            return rejected(Optional.empty(), List.of(Finding.error(Rules.NOT_TERTIAL, FindingText.NOT_TERTIAL)));
        }
        List<Finding> findings = new ArrayList<>();
        List<TemplateSpec> specs = new ArrayList<>();
        for (Metadata.TemplateRef ref : meta.templates()) {
            ctx.catalog().version(ref.id(), ref.version()).ifPresentOrElse(specs::add, () -> findings.add(
                    Finding.error(Rules.UNKNOWN_TEMPLATE_VERSION, FindingText.unknownTemplateVersion(ref.id().value(),
                            ref.version()))));
        }
        Identity identity = new Identity(meta.unit(), meta.period(), specs, Identity.templates(specs));
        templateSet(meta, specs, ctx, findings);
        admission(identity, ctx, findings);
        if (!findings.isEmpty()) {
            return rejected(Optional.of(identity), findings);
        }
        return readSheets(wb, identity, meta, ctx);
    }

    /**
     * A workbook carries exactly the templates its unit receives (organisation.json), each exactly as tertial made it
     * (the spec's SHA-256): edited metadata can neither add a template a unit does not report nor swap in another
     * version's layout.
     */
    private static void templateSet(Metadata meta, List<TemplateSpec> specs, IngestContext ctx,
                                    List<Finding> findings) {
        Optional<se.tertial.spec.Unit> unit = ctx.catalog().organisation().unit(meta.unit());
        if (unit.isEmpty()) {
            return; // reported as an unknown unit
        }
        List<String> found = meta.templates().stream().map(t -> t.id().value()).toList();
        List<String> expected = unit.get().templates().stream().map(TemplateId::value).toList();
        if (found.size() != expected.size() || !new java.util.HashSet<>(found).equals(new java.util.HashSet<>(expected))) {
            findings.add(Finding.error(Rules.TEMPLATE_SET, FindingText.templateSetMismatch(meta.unit().value(), found,
                    expected)));
        }
        for (Metadata.TemplateRef ref : meta.templates()) {
            specs.stream().filter(s -> s.id().equals(ref.id()) && s.version() == ref.version()).findFirst()
                    .filter(s -> !s.sha256().equalsIgnoreCase(ref.specSha256()) || !s.sheet().equals(ref.sheet()))
                    .ifPresent(s -> findings.add(Finding.error(Rules.SPEC_CHECKSUM,
                            FindingText.specChecksumMismatch(ref.id().value(), ref.version()))));
        }
    }

    /** Who may upload, for which unit and period: the same for templates and legacy layouts. */
    private static void admission(Identity identity, IngestContext ctx, List<Finding> findings) {
        if (ctx.catalog().organisation().unit(identity.unit()).isEmpty()) {
            findings.add(Finding.error(Rules.UNKNOWN_UNIT, ApiText.unknownUnit(identity.unit().value())));
        } else if (!ctx.mayUpload(identity.unit())) {
            // Only that: the period's and the report's state of a unit one may not address are not one's business.
            findings.add(Finding.error(Rules.UNIT_NOT_ALLOWED, FindingText.unitNotAllowed(identity.unit().value())));
            return;
        }
        Optional<Boolean> locked = ctx.periodLocked(identity.period());
        if (locked.isEmpty()) {
            findings.add(Finding.error(Rules.UNKNOWN_PERIOD, ApiText.unknownPeriod(identity.period().toString())));
        } else if (locked.get()) {
            findings.add(Finding.error(Rules.PERIOD_LOCKED, FindingText.periodLocked(identity.period().toString())));
        } else if (ctx.reportApproved(identity.unit(), identity.period())) {
            findings.add(Finding.error(Rules.REVIEW_APPROVED, ApiText.reviewApprovedNoUpload(identity.unit().value(),
                    identity.period().toString())));
        }
    }

    /** A workbook tertial did not generate: read by the one legacy mapping that fits it. */
    private static IngestResult legacy(OpenedWorkbook wb, String fileName, IngestContext ctx)
            throws UnreadableWorkbookException {
        List<LegacyReader.Attempt> attempts = LegacyReader.attempts(wb, fileName, ctx.catalog());
        List<LegacyReader.Match> matches = attempts.stream().flatMap(a -> a.match().stream()).toList();
        // A mapping that fits but finds two candidates for one anchor refuses the file naming both: never a guess.
        List<Finding> ambiguous = attempts.stream().filter(LegacyReader.Attempt::ambiguous)
                .map(a -> Finding.error(Rules.LEGACY_AMBIGUOUS, a.why())).toList();
        if (!ambiguous.isEmpty()) {
            return rejected(Optional.empty(), ambiguous);
        }
        if (matches.isEmpty()) {
            return rejected(Optional.empty(), List.of(Finding.error(Rules.NOT_TERTIAL, FindingText.NO_MAPPING)));
        }
        if (matches.size() > 1) {
            return rejected(Optional.empty(), List.of(Finding.error(Rules.LEGACY_AMBIGUOUS, FindingText.legacyAmbiguous(
                    matches.stream().map(m -> m.mapping().name()).toList()))));
        }
        LegacyReader.Match match = matches.get(0);
        List<Finding> tooLarge = new ArrayList<>();
        if (outsideArea(match.grid(), wb.limits(), tooLarge)) {
            return rejected(Optional.empty(), tooLarge);
        }
        Optional<UnitCode> unit = LegacyReader.unit(match, ctx.catalog());
        Optional<PeriodCode> period = LegacyReader.period(match);
        List<Finding> findings = new ArrayList<>();
        if (unit.isEmpty()) {
            findings.add(Finding.error(Rules.UNKNOWN_UNIT, FindingText.legacyUnknownUnit(match.unitText())));
        }
        if (period.isEmpty()) {
            findings.add(Finding.error(Rules.UNKNOWN_PERIOD, LegacyReader.parsePeriod(match.mapping(),
                    match.periodText()).refusal().orElse(FindingText.legacyUnknownPeriod(match.periodText()))));
        }
        if (!findings.isEmpty()) {
            return rejected(Optional.empty(), findings);
        }
        TemplateSpec spec = ctx.catalog().current(match.mapping().template());
        Identity identity = new Identity(unit.get(), period.get(), List.of(spec),
                "mappning " + match.mapping().name());
        admission(identity, ctx, findings);
        if (!findings.isEmpty()) {
            return rejected(Optional.of(identity), findings);
        }
        Map<se.tertial.spec.LineCode, Map<se.tertial.spec.ColumnCode, Amount>> entered =
                LegacyValues.read(match, spec, findings);
        SheetValues v = new SheetValues(spec, period.get(), entered, Map.of());
        if (entered.isEmpty() && findings.stream().noneMatch(Finding::isError)) {
            findings.add(Finding.error(Rules.NO_AMOUNTS, FindingText.NO_AMOUNTS));
        }
        // Hand-made workbooks have no comment column, budget cells or balance sheet: those rules do not apply.
        findings.addAll(SignRule.check(v));
        findings.addAll(TenfoldRule.check(v, ctx.currentFacts(unit.get(), period.get().samePeriodLastYear())));
        if (findings.stream().anyMatch(Finding::isError)) {
            return rejected(Optional.of(identity), findings);
        }
        return new IngestResult(Optional.of(identity), findings, v.facts(), Map.of(spec.id(), Map.of()));
    }

    private static IngestResult readSheets(OpenedWorkbook wb, Identity identity, Metadata meta, IngestContext ctx)
            throws UnreadableWorkbookException {
        List<Finding> findings = new ArrayList<>();
        Map<FactKey, Amount> facts = new LinkedHashMap<>();
        Map<TemplateId, Map<LineCode, String>> comments = new HashMap<>();
        UnitCode unit = identity.unit();
        PeriodCode period = identity.period();
        Optional<Map<FactKey, Amount>> lastYear = ctx.currentFacts(unit, period.samePeriodLastYear());
        Optional<Map<FactKey, Amount>> budget = ctx.budget(unit, period);
        boolean anyEntered = false;
        for (int i = 0; i < identity.templates().size(); i++) {
            TemplateSpec spec = identity.templates().get(i);
            String sheetName = meta.templates().get(i).sheet();
            Optional<SheetGrid> grid = wb.sheet(sheetName, area(spec));
            if (grid.isEmpty()) {
                findings.add(new Finding(se.tertial.spec.Severity.ERROR, sheetName, null, null, null,
                        Rules.SHEET_MISSING, FindingText.sheetMissing(sheetName)));
                continue;
            }
            if (outsideArea(grid.get(), wb.limits(), findings)) {
                continue;
            }
            Optional<SheetValues> values = SheetReader.read(spec, period, grid.get(), findings);
            if (values.isEmpty()) {
                continue;
            }
            SheetValues v = values.get();
            findings.addAll(SignRule.check(v));
            findings.addAll(CommentRule.check(v));
            findings.addAll(BalanceRule.check(v));
            findings.addAll(TenfoldRule.check(v, lastYear));
            findings.addAll(BudgetRule.check(v, budget));
            facts.putAll(v.facts());
            comments.put(spec.id(), v.comments());
            anyEntered |= v.hasEnteredAmounts();
            wb.deadline().check();
        }
        if (!anyEntered && findings.stream().noneMatch(Finding::isError)) {
            findings.add(Finding.error(Rules.NO_AMOUNTS, FindingText.NO_AMOUNTS));
        }
        if (findings.stream().anyMatch(Finding::isError)) {
            return rejected(Optional.of(identity), findings);
        }
        return new IngestResult(Optional.of(identity), findings, facts, comments);
    }

    /** The template's rows and columns, with room for notes beside and below the table. */
    static ReadArea area(TemplateSpec spec) {
        SheetLayout layout = new SheetLayout(spec);
        return new ReadArea(layout.lastLineRow() + 1 + AREA_MARGIN_ROWS, layout.lastCol() + 1 + AREA_MARGIN_COLS);
    }

    /** Too many filled cells outside the area read is a finding (the workbook is refused), not work. */
    static boolean outsideArea(SheetGrid grid, ReadLimits limits, List<Finding> findings) {
        if (grid.outside() <= limits.maxOutsideCells()) {
            return false;
        }
        String first = grid.firstOutside().orElse("");
        findings.add(new Finding(se.tertial.spec.Severity.ERROR, grid.name(), first.isEmpty() ? null : first, null,
                null, Rules.OUTSIDE_AREA, FindingText.outsideTemplateArea(grid.name(), grid.outside(), first)));
        return true;
    }

    private static IngestResult rejected(Optional<Identity> identity, List<Finding> findings) {
        return new IngestResult(identity, findings, Map.of(), Map.of());
    }

    private static String rule(UnreadableWorkbookException.Reason reason) {
        return switch (reason) {
            case NOT_A_WORKBOOK -> Rules.NOT_A_WORKBOOK;
            case MACROS -> Rules.MACROS;
            case ENCRYPTED -> Rules.ENCRYPTED;
            case CORRUPT -> Rules.UNREADABLE;
            case TOO_LARGE -> Rules.OUTSIDE_AREA;
        };
    }
}
