package se.tertial.ingest;

import se.tertial.spec.ColumnCode;
import se.tertial.spec.FactKey;
import se.tertial.spec.Finding;
import se.tertial.spec.LegacyMapping;
import se.tertial.spec.LineCode;
import se.tertial.workbook.OpenedWorkbook;
import se.tertial.workbook.SheetLayout;
import se.tertial.workbook.UnreadableWorkbookException;
import se.tertial.workbook.WorkbookReader;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What tertial makes of one workbook, in words, for the person writing a mapping ({@code bulk-load --explain}):
 * whether it is a tertial template; else which mapping fits or why each does not, where each anchor was found (the
 * sheet, the unit's and the period's cells, the heading row and its columns, the label column and every label's
 * row), and the verdict with the facts that would be stored.
 */
public final class Explain {
    private Explain() {}

    public static List<String> explain(Path file, String fileName, IngestContext ctx) {
        List<String> out = new ArrayList<>();
        out.add("Fil: " + fileName);
        try (OpenedWorkbook wb = WorkbookReader.open(file, ctx.limits(), ctx.limits().start())) {
            out.add("Blad: " + String.join(", ", wb.sheetNames()));
            Optional<Map<String, String>> meta = wb.metadata();
            if (meta.isPresent() && !meta.get().isEmpty()) {
                out.add("En tertial-mall (bladet _tertial): enhet " + meta.get().getOrDefault("unit", "?") + ", period "
                        + meta.get().getOrDefault("period", "?") + ", mallar " + meta.get().getOrDefault("templates", "?"));
            } else {
                legacy(wb, fileName, ctx, out);
            }
        } catch (UnreadableWorkbookException e) {
            out.add("Kan inte läsas: " + e.getMessage());
            return out;
        } catch (RuntimeException | StackOverflowError e) {
            out.add("Kan inte läsas: filen är skadad.");
            return out;
        }
        IngestResult r = Ingest.run(file, fileName, ctx);
        out.add("");
        out.add("Resultat: " + switch (r.outcome()) {
            case ACCEPTED -> "tas emot";
            case ACCEPTED_WITH_WARNINGS -> "tas emot med varningar";
            case REJECTED -> "avvisas";
        } + r.identity().map(i -> " (" + i.unit().value() + " " + i.period() + ", " + i.source() + ")").orElse(""));
        for (Finding f : r.findings()) {
            out.add("  " + (f.isError() ? "Fel" : "Varning") + " [" + f.rule() + "]: " + f.message());
        }
        if (r.outcome() != Outcome.REJECTED) {
            out.add("Belopp som skulle lagras (tkr, intäkter positiva, kostnader negativa; tomma rader utelämnade):");
            r.facts().entrySet().stream().filter(e -> e.getValue().signum() != 0)
                    .sorted(Map.Entry.comparingByKey(java.util.Comparator.comparing((FactKey k) -> k.template().value())
                            .thenComparing(k -> k.line().value()).thenComparing(k -> k.column().value())))
                    .forEach(e -> out.add("  " + e.getKey().template() + " " + e.getKey().line() + " "
                            + e.getKey().column() + " = " + e.getValue().tkr().toPlainString()));
        }
        return out;
    }

    private static void legacy(OpenedWorkbook wb, String fileName, IngestContext ctx, List<String> out)
            throws UnreadableWorkbookException {
        List<LegacyReader.Attempt> attempts = LegacyReader.attempts(wb, fileName, ctx.catalog());
        if (attempts.isEmpty()) {
            out.add("Ingen tertial-mall, och inga mappningar finns i workbook-templates/legacy/.");
        }
        for (LegacyReader.Attempt a : attempts) {
            LegacyMapping m = a.mapping();
            if (a.match().isEmpty()) {
                out.add("Mappning " + m.name() + " (" + m.file() + "): " + (a.ambiguous() ? "tvetydig: " : "passar inte: ")
                        + a.why());
                continue;
            }
            LegacyReader.Match match = a.match().get();
            out.add("Mappning " + m.name() + " (" + m.file() + "): passar");
            out.add("  blad: \"" + match.sheet() + "\"");
            out.add("  enhet: \"" + match.unitText() + "\" i " + match.unitAt() + " → "
                    + LegacyReader.unit(match, ctx.catalog()).map(u -> u.value()).orElse("okänd enhet"));
            PeriodText.Parsed p = LegacyReader.parsePeriod(m, match.periodText());
            out.add("  period: \"" + match.periodText() + "\" i " + match.periodAt() + " → "
                    + p.period().map(Object::toString).orElse(p.refusal().orElse("okänd period")));
            List<String> columns = new ArrayList<>();
            match.columns().forEach((col, code) -> columns.add(SheetLayout.address(match.headingRow(), col) + " \""
                    + match.grid().text(match.headingRow(), col).strip() + "\" → "
                    + code.map(ColumnCode::value).orElse("hoppas över")));
            out.add("  rubrikrad " + (match.headingRow() + 1) + ": " + String.join("; ", columns));
            out.add("  etikettkolumn " + SheetLayout.address(0, match.labelColumn()).replaceAll("\\d", ""));
            Map<String, LineCode> aliases = new HashMap<>();
            m.lines().forEach(al -> al.labels().forEach(l -> aliases.put(l, al.line())));
            for (int r = match.headingRow() + 1; r <= match.grid().lastRow(); r++) {
                String raw = match.grid().text(r, match.labelColumn());
                String label = LegacyMapping.normalize(raw);
                if (label.isEmpty()) {
                    continue;
                }
                String cell = SheetLayout.address(r, match.labelColumn());
                if (aliases.containsKey(label)) {
                    out.add("    " + cell + " \"" + raw.strip() + "\" → " + aliases.get(label));
                } else if (m.totals().contains(label)) {
                    out.add("    " + cell + " \"" + raw.strip() + "\" → summa (kontrolleras)");
                } else {
                    out.add("    " + cell + " \"" + raw.strip() + "\" → okänd etikett");
                }
            }
        }
    }
}
