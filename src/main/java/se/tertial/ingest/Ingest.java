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
        try (OpenedWorkbook wb = WorkbookReader.open(file)) {
            return run(wb, ctx);
        } catch (UnreadableWorkbookException e) {
            return rejected(Optional.empty(), List.of(Finding.error(rule(e.reason()), e.getMessage())));
        }
    }

    static IngestResult run(OpenedWorkbook wb, IngestContext ctx) {
        Optional<Map<String, String>> raw = wb.metadata();
        Metadata meta;
        try {
            meta = raw.isPresent() ? Metadata.fromMap(raw.get()).orElse(null) : null;
        } catch (IllegalArgumentException e) {
            meta = null;
        }
        if (meta == null) {
            return rejected(Optional.empty(), List.of(Finding.error(Rules.NOT_TERTIAL, Messages.NOT_TERTIAL)));
        }
        List<Finding> findings = new ArrayList<>();
        List<TemplateSpec> specs = new ArrayList<>();
        for (Metadata.TemplateRef ref : meta.templates()) {
            ctx.catalog().version(ref.id(), ref.version()).ifPresentOrElse(specs::add, () -> findings.add(
                    Finding.error(Rules.UNKNOWN_TEMPLATE_VERSION, Messages.unknownTemplateVersion(ref.id().value(),
                            ref.version()))));
        }
        Identity identity = new Identity(meta.unit(), meta.period(), specs);
        if (ctx.catalog().organisation().unit(meta.unit()).isEmpty()) {
            findings.add(Finding.error(Rules.UNKNOWN_UNIT, Messages.unknownUnit(meta.unit().value())));
        } else if (!ctx.mayUpload(meta.unit())) {
            findings.add(Finding.error(Rules.UNIT_NOT_ALLOWED, Messages.unitNotAllowed(meta.unit().value())));
        }
        Optional<Boolean> locked = ctx.periodLocked(meta.period());
        if (locked.isEmpty()) {
            findings.add(Finding.error(Rules.UNKNOWN_PERIOD, Messages.unknownPeriod(meta.period().toString())));
        } else if (locked.get()) {
            findings.add(Finding.error(Rules.PERIOD_LOCKED, Messages.periodLocked(meta.period().toString())));
        }
        if (!findings.isEmpty()) {
            return rejected(Optional.of(identity), findings);
        }
        return readSheets(wb, identity, meta, ctx);
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
