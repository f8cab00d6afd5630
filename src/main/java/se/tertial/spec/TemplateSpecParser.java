package se.tertial.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import se.tertial.spec.SpecFiles.ColumnEntry;
import se.tertial.spec.SpecFiles.LineEntry;
import se.tertial.spec.SpecFiles.TemplateFile;
import se.tertial.spec.SpecLoader.Problems;

/** Reads one template file and checks it: codes, kinds, sums, formulas, references. */
final class TemplateSpecParser {
    static final int MAX_SHEET_NAME = 31;
    private final String file;
    private final Problems problems;
    private int before;

    private TemplateSpecParser(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    static Optional<TemplateSpec> parse(ObjectMapper json, String file, byte[] bytes, String sha256, Problems problems) {
        TemplateFile dto;
        try {
            dto = json.readValue(bytes, TemplateFile.class);
        } catch (JsonProcessingException e) {
            problems.add(file, "", SpecLoader.describe(e));
            return Optional.empty();
        } catch (IOException e) {
            problems.add(file, "", e.getMessage());
            return Optional.empty();
        }
        if (dto == null) {
            problems.add(file, "", CliText.specUnexpectedShape());
            return Optional.empty();
        }
        return new TemplateSpecParser(file, problems).build(dto, sha256);
    }

    private Optional<TemplateSpec> build(TemplateFile dto, String sha256) {
        before = problemCount();
        TemplateId id = code("id", dto.id(), TemplateId::of, "mall-id");
        if (dto.version() < 1) {
            problem("version", CliText.specVersionInvalid(dto.version()));
        }
        checkSheetName(dto.sheet());
        List<ColumnSpec> columns = columns(dto.columns());
        List<LineSpec> lines = lines(dto.lines());
        Optional<CommentThreshold> threshold = Optional.ofNullable(dto.commentThreshold()).map(t -> {
            ColumnCode of = columns.stream().map(ColumnSpec::code).filter(c -> c.value().equals(t.ofColumn()))
                    .findFirst().orElse(null);
            if (of == null) {
                problem("commentThreshold.ofColumn", CliText.specUnknownReference("kolumn", t.ofColumn()));
                return null;
            }
            return new CommentThreshold(nonNegative("commentThreshold.tkr", t.tkr()),
                    nonNegative("commentThreshold.percent", t.percent()), of);
        });
        Optional<BalanceCheck> balance = Optional.ofNullable(dto.balance()).map(b -> new BalanceCheck(
                lineRef("balance.assets", b.assets(), lines), lineRef("balance.equityAndLiabilities",
                b.equityAndLiabilities(), lines), nonNegative("balance.toleranceTkr", b.toleranceTkr()), b.label()));
        if (problemCount() > before) {
            return Optional.empty();
        }
        return Optional.of(new TemplateSpec(id, dto.version(), dto.sheet(), dto.title(), threshold, columns, lines,
                balance, sha256));
    }

    private void checkSheetName(String sheet) {
        if (sheet.isBlank() || sheet.length() > MAX_SHEET_NAME || sheet.matches(".*[\\[\\]:*?/\\\\].*")
                || sheet.startsWith("_") || sheet.equalsIgnoreCase(WorkbookText.INSTRUCTIONS_SHEET)) {
            problem("sheet", CliText.specSheetNameInvalid(sheet));
        }
    }

    private List<ColumnSpec> columns(List<ColumnEntry> entries) {
        Set<String> codes = new HashSet<>();
        Map<String, ColumnKind> kinds = new HashMap<>();
        for (ColumnEntry c : entries) {
            if (!codes.add(c.code())) {
                problem("columns." + c.code(), CliText.specDuplicate("kolumnkod", c.code()));
            }
            kinds.put(c.code(), enumValue("columns." + c.code() + ".kind", c.kind(), ColumnKind.class));
        }
        List<ColumnSpec> result = new ArrayList<>();
        for (ColumnEntry c : entries) {
            String where = "columns." + c.code();
            ColumnCode code = code(where, c.code(), ColumnCode::of, "kolumnkod");
            ColumnKind kind = kinds.get(c.code());
            List<Term<ColumnCode>> formula = List.of();
            if (kind == ColumnKind.FORMULA) {
                formula = formula(where + ".formula", c.formula(), kinds);
            } else if (c.formula() != null) {
                problem(where + ".formula", CliText.specOnlyFor("formula", "formula"));
            }
            Optional<ColumnCode> sameAs = Optional.empty();
            if (kind == ColumnKind.FORECAST) {
                sameAs = Optional.ofNullable(numericColumnRef(where + ".sameAs", c.sameAs(), kinds));
            } else if (c.sameAs() != null) {
                problem(where + ".sameAs", CliText.specOnlyFor("sameAs", "forecast"));
            }
            Optional<PrefillSource> prefill = Optional.empty();
            if (kind == ColumnKind.PRIOR) {
                prefill = prefill(where + ".prefill", c, kinds);
            } else if (c.prefill() != null) {
                problem(where + ".prefill", CliText.specOnlyFor("prefill", "prior"));
            }
            Optional<BudgetScope> budget = Optional.empty();
            if (kind == ColumnKind.BUDGET) {
                budget = c.budget() == null ? Optional.empty()
                        : Optional.ofNullable(enumValue(where + ".budget", c.budget(), BudgetScope.class));
                if (c.budget() == null) {
                    problem(where + ".budget", CliText.specMissing("budget"));
                }
            } else if (c.budget() != null) {
                problem(where + ".budget", CliText.specOnlyFor("budget", "budget"));
            }
            if (!Headings.isValid(c.heading()) || (c.headingT3() != null && !Headings.isValid(c.headingT3()))) {
                problem(where + ".heading", CliText.specHeadingInvalid(c.heading()));
            }
            int width = c.width() == null ? (kind == ColumnKind.TEXT ? 50 : 14) : c.width();
            if (width < 4 || width > 120) {
                problem(where + ".width", CliText.specWidthInvalid(width));
            }
            if (code != null && kind != null) {
                result.add(new ColumnSpec(code, c.heading(), Optional.ofNullable(c.headingT3()), kind, formula,
                        sameAs, prefill, budget, width));
            }
        }
        return result;
    }

    private Optional<PrefillSource> prefill(String where, ColumnEntry c, Map<String, ColumnKind> kinds) {
        if (c.prefill() == null) {
            problem(where, CliText.specMissing("prefill"));
            return Optional.empty();
        }
        PriorPeriod period = enumValue(where + ".period", c.prefill().period(), PriorPeriod.class);
        ColumnCode column = numericColumnRef(where + ".column", c.prefill().column(), kinds);
        return period == null || column == null ? Optional.empty() : Optional.of(new PrefillSource(period, column));
    }

    private List<Term<ColumnCode>> formula(String where, String text, Map<String, ColumnKind> kinds) {
        if (text == null || text.isBlank()) {
            problem(where, CliText.specMissing("formula"));
            return List.of();
        }
        List<Term<ColumnCode>> terms = new ArrayList<>();
        String[] tokens = text.trim().split("\\s+");
        boolean negated = false;
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (i % 2 == 1) {
                if (!t.equals("+") && !t.equals("-")) {
                    problem(where, CliText.specFormulaInvalid(text));
                    return List.of();
                }
                negated = t.equals("-");
            } else {
                ColumnCode ref = numericColumnRef(where, t, kinds);
                if (ref != null) {
                    terms.add(new Term<>(ref, negated));
                }
            }
        }
        if (tokens.length % 2 == 0) {
            problem(where, CliText.specFormulaInvalid(text));
        }
        return terms;
    }

    private ColumnCode numericColumnRef(String where, String ref, Map<String, ColumnKind> kinds) {
        if (ref == null) {
            problem(where, CliText.specMissing(where.substring(where.lastIndexOf('.') + 1)));
            return null;
        }
        ColumnKind kind = kinds.get(ref);
        if (kind == null || !kind.isNumeric() || kind == ColumnKind.FORMULA) {
            problem(where, CliText.specUnknownReference("kolumn", ref));
            return null;
        }
        return ColumnCode.of(ref);
    }

    private List<LineSpec> lines(List<LineEntry> entries) {
        Map<String, LineEntry> byCode = new HashMap<>();
        for (LineEntry l : entries) {
            if (byCode.putIfAbsent(l.code(), l) != null) {
                problem("lines." + l.code(), CliText.specDuplicate("radkod", l.code()));
            }
        }
        List<LineSpec> result = new ArrayList<>();
        for (LineEntry l : entries) {
            String where = "lines." + l.code();
            LineCode code = code(where, l.code(), LineCode::of, "radkod");
            LineKind kind = enumValue(where + ".kind", l.kind(), LineKind.class);
            Sign sign = Sign.NONE;
            try {
                sign = Sign.fromSymbol(l.sign());
            } catch (IllegalArgumentException e) {
                problem(where + ".sign", e.getMessage());
            }
            List<Term<LineCode>> sum = sumTerms(where, l, kind, byCode);
            if (code != null && kind != null) {
                result.add(new LineSpec(code, l.label(), kind, sign, Boolean.TRUE.equals(l.internal()), sum,
                        Optional.ofNullable(l.accounts())));
            }
        }
        checkCycles(result);
        return result;
    }

    private List<Term<LineCode>> sumTerms(String where, LineEntry l, LineKind kind, Map<String, LineEntry> byCode) {
        if (kind != LineKind.SUM) {
            if (l.sum() != null) {
                problem(where + ".sum", CliText.specOnlyFor("sum", "sum"));
            }
            return List.of();
        }
        if (l.sum() == null || l.sum().isEmpty()) {
            problem(where + ".sum", CliText.specMissing("sum"));
            return List.of();
        }
        List<Term<LineCode>> terms = new ArrayList<>();
        for (String ref : l.sum()) {
            boolean negated = ref.startsWith("-");
            String target = negated ? ref.substring(1).trim() : ref;
            LineEntry t = byCode.get(target);
            if (t == null) {
                problem(where + ".sum", CliText.specUnknownReference("rad", target));
            } else if ("memo".equalsIgnoreCase(t.kind())) {
                problem(where + ".sum", CliText.specSumOfMemo(target));
            } else {
                terms.add(new Term<>(LineCode.of(target), negated));
            }
        }
        return terms;
    }

    private void checkCycles(List<LineSpec> lines) {
        Map<LineCode, LineSpec> byCode = new HashMap<>();
        lines.forEach(l -> byCode.put(l.code(), l));
        for (LineSpec l : lines) {
            if (reaches(l.code(), l, byCode, new HashSet<>())) {
                problem("lines." + l.code() + ".sum", CliText.specSumCycle(l.code().value()));
            }
        }
    }

    private static boolean reaches(LineCode target, LineSpec from, Map<LineCode, LineSpec> byCode, Set<LineCode> seen) {
        for (Term<LineCode> t : from.sum()) {
            if (t.code().equals(target)) {
                return true;
            }
            LineSpec next = byCode.get(t.code());
            if (next != null && seen.add(t.code()) && reaches(target, next, byCode, seen)) {
                return true;
            }
        }
        return false;
    }

    private LineCode lineRef(String where, String ref, List<LineSpec> lines) {
        if (lines.stream().noneMatch(l -> l.code().value().equals(ref))) {
            problem(where, CliText.specUnknownReference("rad", ref));
            return LineCode.of("OKAND");
        }
        return LineCode.of(ref);
    }

    private BigDecimal nonNegative(String where, BigDecimal value) {
        if (value.signum() < 0) {
            problem(where, CliText.specNegative(value));
        }
        return value;
    }

    private <T> T code(String where, String value, Function<String, T> make, String kind) {
        try {
            return make.apply(value);
        } catch (IllegalArgumentException e) {
            problem(where, e.getMessage());
            return null;
        }
    }

    private <E extends Enum<E>> E enumValue(String where, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
            problem(where, CliText.specEnumInvalid(value, allowed));
            return null;
        }
    }

    private void problem(String entry, String message) {
        problems.add(file, entry, message);
    }

    private int problemCount() {
        return problems.count();
    }
}
