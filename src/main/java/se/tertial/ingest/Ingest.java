package se.tertial.ingest;

import se.tertial.money.Amount;
import se.tertial.spec.FactKey;
import se.tertial.spec.Finding;
import se.tertial.spec.LineCode;
import se.tertial.spec.Messages;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateId;
import se.tertial.spec.TemplateSpec;
import se.tertial.spec.UnitCode;
import se.tertial.workbook.Metadata;
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
    private Ingest() {}

    public static IngestResult run(Path file, IngestContext ctx) {
        return run(file, "", ctx);
    }

    /** @param fileName the name the file was uploaded with: only legacy layouts may take unit and period from it */
    public static IngestResult run(Path file, String fileName, IngestContext ctx) {
        try (OpenedWorkbook wb = WorkbookReader.open(file)) {
            return run(wb, fileName, ctx).savedAt(wb.savedAt());
        } catch (UnreadableWorkbookException e) {
            return rejected(Optional.empty(), List.of(Finding.error(rule(e.reason()), e.getMessage())));
        }
    }

    /** Whose a file is and when it was saved, without a database: for ordering a bulk load. */
    public record Identification(Optional<UnitCode> unit, Optional<PeriodCode> period,
                                 Optional<java.time.Instant> savedAt) {}

    public static Identification identify(Path file, String fileName, se.tertial.spec.SpecCatalog catalog) {
        try (OpenedWorkbook wb = WorkbookReader.open(file)) {
            Optional<Metadata> meta;
            try {
                meta = wb.metadata().flatMap(Metadata::fromMap);
            } catch (IllegalArgumentException e) {
                meta = Optional.empty();
            }
            if (meta.isPresent()) {
                Instant saved = wb.savedAt().orElse(meta.get().generatedAt());
                return new Identification(Optional.of(meta.get().unit()), Optional.of(meta.get().period()),
                        Optional.of(saved));
            }
            List<LegacyReader.Match> matches = wb.metadata().isEmpty()
                    ? LegacyReader.match(wb, fileName, catalog) : List.of();
            if (matches.size() == 1) {
                return new Identification(LegacyReader.unit(matches.get(0), catalog),
                        LegacyReader.period(matches.get(0)), wb.savedAt());
            }
            return new Identification(Optional.empty(), Optional.empty(), wb.savedAt());
        } catch (UnreadableWorkbookException e) {
            return new Identification(Optional.empty(), Optional.empty(), Optional.empty());
        }
    }

    static IngestResult run(OpenedWorkbook wb, String fileName, IngestContext ctx) {
        Optional<Map<String, String>> raw = wb.metadata();
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
            return rejected(Optional.empty(), List.of(Finding.error(Rules.NOT_TERTIAL, Messages.NOT_TERTIAL)));
        }
        List<Finding> findings = new ArrayList<>();
        List<TemplateSpec> specs = new ArrayList<>();
        for (Metadata.TemplateRef ref : meta.templates()) {
            ctx.catalog().version(ref.id(), ref.version()).ifPresentOrElse(specs::add, () -> findings.add(
                    Finding.error(Rules.UNKNOWN_TEMPLATE_VERSION, Messages.unknownTemplateVersion(ref.id().value(),
                            ref.version()))));
        }
        Identity identity = new Identity(meta.unit(), meta.period(), specs, Identity.templates(specs));
        admission(identity, ctx, findings);
        if (!findings.isEmpty()) {
            return rejected(Optional.of(identity), findings);
        }
        return readSheets(wb, identity, meta, ctx);
    }

    /** Who may upload, for which unit and period: the same for templates and legacy layouts. */
    private static void admission(Identity identity, IngestContext ctx, List<Finding> findings) {
        if (ctx.catalog().organisation().unit(identity.unit()).isEmpty()) {
            findings.add(Finding.error(Rules.UNKNOWN_UNIT, Messages.unknownUnit(identity.unit().value())));
        } else if (!ctx.mayUpload(identity.unit())) {
            findings.add(Finding.error(Rules.UNIT_NOT_ALLOWED, Messages.unitNotAllowed(identity.unit().value())));
        }
        Optional<Boolean> locked = ctx.periodLocked(identity.period());
        if (locked.isEmpty()) {
            findings.add(Finding.error(Rules.UNKNOWN_PERIOD, Messages.unknownPeriod(identity.period().toString())));
        } else if (locked.get()) {
            findings.add(Finding.error(Rules.PERIOD_LOCKED, Messages.periodLocked(identity.period().toString())));
        }
    }

    /** A workbook tertial did not generate: read by the one legacy mapping that fits it. */
    private static IngestResult legacy(OpenedWorkbook wb, String fileName, IngestContext ctx) {
        List<LegacyReader.Match> matches = LegacyReader.match(wb, fileName, ctx.catalog());
        if (matches.isEmpty()) {
            return rejected(Optional.empty(), List.of(Finding.error(Rules.NOT_TERTIAL, Messages.NO_MAPPING)));
        }
        if (matches.size() > 1) {
            return rejected(Optional.empty(), List.of(Finding.error(Rules.LEGACY_AMBIGUOUS, Messages.legacyAmbiguous(
                    matches.stream().map(m -> m.mapping().name()).toList()))));
        }
        LegacyReader.Match match = matches.get(0);
        Optional<UnitCode> unit = LegacyReader.unit(match, ctx.catalog());
        Optional<PeriodCode> period = LegacyReader.period(match);
        List<Finding> findings = new ArrayList<>();
        if (unit.isEmpty()) {
            findings.add(Finding.error(Rules.UNKNOWN_UNIT, Messages.legacyUnknownUnit(match.unitText())));
        }
        if (period.isEmpty()) {
            findings.add(Finding.error(Rules.UNKNOWN_PERIOD, Messages.legacyUnknownPeriod(match.periodText())));
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
                LegacyReader.read(match, spec, findings);
        SheetValues v = new SheetValues(spec, period.get(), entered, Map.of());
        // Hand-made workbooks have no comment column, budget cells or balance sheet: those rules do not apply.
        findings.addAll(SignRule.check(v));
        findings.addAll(TenfoldRule.check(v, ctx.currentFacts(unit.get(), period.get().samePeriodLastYear())));
        if (findings.stream().anyMatch(Finding::isError)) {
            return rejected(Optional.of(identity), findings);
        }
        return new IngestResult(Optional.of(identity), findings, v.facts(), Map.of(spec.id(), Map.of()));
    }

    private static IngestResult readSheets(OpenedWorkbook wb, Identity identity, Metadata meta, IngestContext ctx) {
        List<Finding> findings = new ArrayList<>();
        Map<FactKey, Amount> facts = new LinkedHashMap<>();
        Map<TemplateId, Map<LineCode, String>> comments = new HashMap<>();
        UnitCode unit = identity.unit();
        PeriodCode period = identity.period();
        Optional<Map<FactKey, Amount>> lastYear = ctx.currentFacts(unit, period.samePeriodLastYear());
        Optional<Map<FactKey, Amount>> budget = ctx.budget(unit, period);
        for (int i = 0; i < identity.templates().size(); i++) {
            TemplateSpec spec = identity.templates().get(i);
            String sheetName = meta.templates().get(i).sheet();
            Optional<SheetGrid> grid = wb.sheet(sheetName);
            if (grid.isEmpty()) {
                findings.add(new Finding(se.tertial.spec.Severity.ERROR, sheetName, null, null, null,
                        Rules.SHEET_MISSING, Messages.sheetMissing(sheetName)));
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
        }
        if (findings.stream().anyMatch(Finding::isError)) {
            return rejected(Optional.of(identity), findings);
        }
        return new IngestResult(Optional.of(identity), findings, facts, comments);
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
        };
    }
}
