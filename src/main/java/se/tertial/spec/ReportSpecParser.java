package se.tertial.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import se.tertial.spec.ReportSpec.Balansrakning;
import se.tertial.spec.ReportSpec.KeyRatio;
import se.tertial.spec.ReportSpec.Namndsavvikelser;
import se.tertial.spec.ReportSpec.Ref;
import se.tertial.spec.ReportSpec.Resultatrakning;
import se.tertial.spec.ReportSpec.RrRow;
import se.tertial.spec.SpecLoader.Problems;

/** Reads {@code report.json} and checks every template, line and column it names against the latest templates. */
final class ReportSpecParser {
    static final String FILE = "report.json";

    record File(@JsonProperty(required = true) NamndEntry namndsavvikelser,
                @JsonProperty(required = true) RrEntry resultatrakning,
                @JsonProperty(required = true) BrEntry balansrakning,
                @JsonProperty(required = true) List<RatioEntry> nyckeltal) {}

    record NamndEntry(String template, String line, String outcome, String periodBudget, String periodDeviation,
                      String yearBudget, String forecast, String forecastDeviation, String comment) {}

    record RrEntry(String outcome, String forecast, String deviation, String netCostRow, List<RowEntry> rows,
                   LinesEntry internalTrade) {}

    record RowEntry(@JsonProperty(required = true) String code, @JsonProperty(required = true) String label,
                    String template, List<String> lines, List<String> sum) {}

    record LinesEntry(String template, List<String> lines) {}

    record BrEntry(String template, String column, String assets, String equityAndLiabilities, String yearResult,
                   String openingEquity, String equity, String resultRow) {}

    record RatioEntry(@JsonProperty(required = true) String label, @JsonProperty(required = true) String kind,
                      @JsonProperty(required = true) List<String> numerator, List<String> denominator) {}

    private final Map<TemplateId, TemplateSpec> templates;
    private final Problems problems;

    private ReportSpecParser(Map<TemplateId, TemplateSpec> templates, Problems problems) {
        this.templates = templates;
        this.problems = problems;
    }

    static Optional<ReportSpec> parse(ObjectMapper json, Path file, Map<TemplateId, TemplateSpec> latest,
                                      Problems problems) {
        File dto;
        try {
            dto = json.readValue(Files.readAllBytes(file), File.class);
        } catch (JsonProcessingException e) {
            problems.add(FILE, "", SpecLoader.describe(e));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(FILE, "", CliText.specFileUnreadable(e.getMessage()));
            return Optional.empty();
        }
        if (dto == null) {
            problems.add(FILE, "", CliText.specUnexpectedShape());
            return Optional.empty();
        }
        ReportSpecParser p = new ReportSpecParser(latest, problems);
        int before = problems.count();
        ReportSpec spec = p.build(dto);
        return problems.count() > before ? Optional.empty() : Optional.of(spec);
    }

    private ReportSpec build(File dto) {
        NamndEntry n = dto.namndsavvikelser();
        TemplateSpec nt = template("namndsavvikelser.template", n.template());
        Namndsavvikelser namnd = new Namndsavvikelser(id(nt, n.template()), line(nt, "namndsavvikelser.line", n.line()),
                col(nt, "namndsavvikelser.outcome", n.outcome()), col(nt, "namndsavvikelser.periodBudget", n.periodBudget()),
                col(nt, "namndsavvikelser.periodDeviation", n.periodDeviation()),
                col(nt, "namndsavvikelser.yearBudget", n.yearBudget()), col(nt, "namndsavvikelser.forecast", n.forecast()),
                col(nt, "namndsavvikelser.forecastDeviation", n.forecastDeviation()),
                col(nt, "namndsavvikelser.comment", n.comment()));
        RrEntry r = dto.resultatrakning();
        List<RrRow> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RowEntry row : r.rows()) {
            String where = "resultatrakning.rows." + row.code();
            if (!seen.add(row.code())) {
                problems.add(FILE, where, CliText.specDuplicate("radkod", row.code()));
            }
            if (row.sum() != null) {
                for (String ref : row.sum()) {
                    if (!seen.contains(ref) || ref.equals(row.code())) {
                        problems.add(FILE, where + ".sum", CliText.specUnknownReference("tidigare rad", ref));
                    }
                }
                rows.add(new RrRow(row.code(), row.label(), Optional.empty(), List.of(), row.sum()));
            } else {
                TemplateSpec t = template(where + ".template", row.template());
                List<LineCode> lines = new ArrayList<>();
                for (String l : row.lines() == null ? List.<String>of() : row.lines()) {
                    LineCode code = line(t, where + ".lines", l);
                    if (code != null) {
                        lines.add(code);
                    }
                }
                if (lines.isEmpty()) {
                    problems.add(FILE, where, CliText.specMissing("lines"));
                }
                rows.add(new RrRow(row.code(), row.label(), Optional.ofNullable(id(t, row.template())), lines, List.of()));
            }
        }
        // Optional: a region without internal lines has no internal trade to eliminate or check.
        Optional<TemplateId> internalTemplate = Optional.empty();
        List<LineCode> internal = List.of();
        if (r.internalTrade() != null) {
            TemplateSpec it = template("resultatrakning.internalTrade.template", r.internalTrade().template());
            internal = (r.internalTrade().lines() == null ? List.<String>of() : r.internalTrade().lines()).stream()
                    .map(l -> line(it, "resultatrakning.internalTrade.lines", l)).filter(java.util.Objects::nonNull)
                    .toList();
            internalTemplate = Optional.ofNullable(id(it, r.internalTrade().template()));
        }
        Resultatrakning rr = new Resultatrakning(col(nt, "resultatrakning.outcome", r.outcome()),
                col(nt, "resultatrakning.forecast", r.forecast()), col(nt, "resultatrakning.deviation", r.deviation()),
                rows, internalTemplate, internal, r.netCostRow());
        if (!seen.contains(r.netCostRow())) {
            problems.add(FILE, "resultatrakning.netCostRow", CliText.specUnknownReference("rad", r.netCostRow()));
        }
        BrEntry b = dto.balansrakning();
        TemplateSpec bt = template("balansrakning.template", b.template());
        if (!seen.contains(b.resultRow())) {
            problems.add(FILE, "balansrakning.resultRow", CliText.specUnknownReference("rad", b.resultRow()));
        }
        Balansrakning br = new Balansrakning(id(bt, b.template()), col(bt, "balansrakning.column", b.column()),
                line(bt, "balansrakning.assets", b.assets()),
                line(bt, "balansrakning.equityAndLiabilities", b.equityAndLiabilities()),
                line(bt, "balansrakning.yearResult", b.yearResult()),
                line(bt, "balansrakning.openingEquity", b.openingEquity()), line(bt, "balansrakning.equity", b.equity()),
                b.resultRow());
        List<KeyRatio> ratios = new ArrayList<>();
        for (RatioEntry k : dto.nyckeltal()) {
            String where = "nyckeltal." + k.label();
            ReportSpec.RatioKind kind = ReportSpec.RatioKind.RATIO;
            try {
                kind = ReportSpec.RatioKind.valueOf(k.kind().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(FILE, where + ".kind", CliText.specEnumInvalid(k.kind(), List.of("ratio", "amount", "growth")));
            }
            ratios.add(new KeyRatio(k.label(), kind, refs(where, k.numerator(), seen, bt),
                    refs(where, k.denominator() == null ? List.of() : k.denominator(), seen, bt)));
        }
        return new ReportSpec(namnd, rr, br, ratios);
    }

    private List<Ref> refs(String where, List<String> texts, Set<String> rrRows, TemplateSpec balans) {
        List<Ref> refs = new ArrayList<>();
        for (String t : texts) {
            boolean negated = t.startsWith("-");
            String s = negated ? t.substring(1) : t;
            if (s.startsWith("RR:") && rrRows.contains(s.substring(3))) {
                refs.add(new Ref(false, s.substring(3), negated));
            } else if (s.startsWith("BR:") && balans != null
                    && balans.lines().stream().anyMatch(l -> l.code().value().equals(s.substring(3)))) {
                refs.add(new Ref(true, s.substring(3), negated));
            } else {
                problems.add(FILE, where, CliText.specUnknownReference("RR:/BR:-rad", t));
            }
        }
        return refs;
    }

    private TemplateSpec template(String where, String id) {
        TemplateSpec t = id == null ? null : templates.entrySet().stream().filter(e -> e.getKey().value().equals(id))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (t == null) {
            problems.add(FILE, where, CliText.specUnknownReference("mall", id));
        }
        return t;
    }

    private static TemplateId id(TemplateSpec t, String id) {
        return t == null ? null : t.id();
    }

    private LineCode line(TemplateSpec t, String where, String code) {
        if (t != null && t.lines().stream().noneMatch(l -> l.code().value().equals(code))) {
            problems.add(FILE, where, CliText.specUnknownReference("rad", code));
            return null;
        }
        return code == null ? null : LineCode.of(code);
    }

    private ColumnCode col(TemplateSpec t, String where, String code) {
        if (t != null && t.columns().stream().noneMatch(c -> c.code().value().equals(code))) {
            problems.add(FILE, where, CliText.specUnknownReference("kolumn", code));
            return null;
        }
        return code == null ? null : ColumnCode.of(code);
    }
}
