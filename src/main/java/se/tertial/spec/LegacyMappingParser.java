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
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Stream;

import se.tertial.spec.SpecLoader.Problems;

/** Reads and checks {@code legacy/*.json}: patterns compile, lines and columns exist in the named template. */
final class LegacyMappingParser {
    static final String DIR = "legacy";

    record File(@JsonProperty(required = true) String name, String description,
                @JsonProperty(required = true) String template, @JsonProperty(required = true) String sheet,
                @JsonProperty(required = true) LocatorEntry unit, @JsonProperty(required = true) LocatorEntry period,
                String labelColumn, @JsonProperty(required = true) List<HeadingEntry> headings,
                @JsonProperty(required = true) String scale, @JsonProperty(required = true) String sign,
                @JsonProperty(required = true) List<LineEntry> lines, List<String> totals, Integer searchRows,
                Integer searchColumns) {}

    record LocatorEntry(String cell, String fileName, String pattern, @JsonProperty(required = true) String by) {}

    record HeadingEntry(@JsonProperty(required = true) String pattern, String column, Boolean optional,
                        Boolean ignore) {}

    record LineEntry(@JsonProperty(required = true) List<String> labels, @JsonProperty(required = true) String line) {}

    private LegacyMappingParser() {}

    static List<LegacyMapping> parse(ObjectMapper json, Path dir, Map<TemplateId, TemplateSpec> latest,
                                     Problems problems) {
        Path legacy = dir.resolve(DIR);
        List<LegacyMapping> result = new ArrayList<>();
        if (!Files.isDirectory(legacy)) {
            return result;
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(legacy)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            problems.add(DIR, "", CliText.specFileUnreadable(e.getMessage()));
            return result;
        }
        Set<String> names = new HashSet<>();
        for (Path f : files) {
            String file = DIR + "/" + f.getFileName();
            try {
                File dto = json.readValue(Files.readAllBytes(f), File.class);
                if (dto == null) {
                    problems.add(file, "", CliText.specUnexpectedShape());
                    continue;
                }
                if (!names.add(dto.name())) {
                    problems.add(file, "name", CliText.specDuplicate("mappning", dto.name()));
                }
                build(file, dto, latest, problems).ifPresent(result::add);
            } catch (JsonProcessingException e) {
                problems.add(file, "", SpecLoader.describe(e));
            } catch (IOException e) {
                problems.add(file, "", CliText.specFileUnreadable(e.getMessage()));
            }
        }
        return result;
    }

    private static Optional<LegacyMapping> build(String file, File d, Map<TemplateId, TemplateSpec> latest,
                                                 Problems problems) {
        int before = problems.count();
        TemplateSpec t = latest.entrySet().stream().filter(e -> e.getKey().value().equals(d.template()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (t == null) {
            problems.add(file, "template", CliText.specUnknownReference("mall", d.template()));
            return Optional.empty();
        }
        LegacyMapping.Locator unit = locator(file, "unit", d.unit(), problems);
        LegacyMapping.Locator period = locator(file, "period", d.period(), problems);
        List<LegacyMapping.Heading> headings = new ArrayList<>();
        for (HeadingEntry h : d.headings()) {
            Pattern p = pattern(file, "headings." + h.pattern(), h.pattern(), problems);
            Optional<ColumnCode> col = Optional.empty();
            if (!Boolean.TRUE.equals(h.ignore())) {
                if (h.column() == null || t.column(safeColumn(h.column())).filter(c -> c.kind().isNumeric()
                        && c.kind() != ColumnKind.FORMULA).isEmpty()) {
                    problems.add(file, "headings." + h.pattern() + ".column",
                            CliText.specUnknownReference("kolumn", h.column()));
                } else {
                    col = Optional.of(ColumnCode.of(h.column()));
                }
            }
            headings.add(new LegacyMapping.Heading(p, col, Boolean.TRUE.equals(h.optional())));
        }
        List<LegacyMapping.Alias> lines = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        for (LineEntry l : d.lines()) {
            if (t.line(safeLine(l.line())).filter(x -> x.kind() != LineKind.SUM).isEmpty()) {
                problems.add(file, "lines." + l.line(), CliText.specUnknownReference("rad", l.line()));
                continue;
            }
            for (String label : l.labels()) {
                if (!labels.add(LegacyMapping.normalize(label))) {
                    problems.add(file, "lines." + l.line(), CliText.specDuplicate("etikett", label));
                }
            }
            lines.add(new LegacyMapping.Alias(l.labels(), LineCode.of(l.line())));
        }
        LegacyMapping.Scale scale = enumValue(file, "scale", d.scale(), LegacyMapping.Scale.class, problems);
        if (!d.sign().equals("ledger") && !d.sign().equals("tertial")) {
            problems.add(file, "sign", CliText.specEnumInvalid(d.sign(), List.of("ledger", "tertial")));
        }
        java.util.OptionalInt labelColumn = java.util.OptionalInt.empty();
        if (d.labelColumn() != null) {
            if (!d.labelColumn().matches("[A-Z]{1,2}")) {
                problems.add(file, "labelColumn", CliText.specEnumInvalid(d.labelColumn(), List.of("A", "B", "…")));
            } else {
                labelColumn = java.util.OptionalInt.of(org(d.labelColumn()));
            }
        }
        int rows = d.searchRows() == null ? LegacyMapping.SEARCH_ROWS : d.searchRows();
        int cols = d.searchColumns() == null ? LegacyMapping.SEARCH_COLUMNS : d.searchColumns();
        if (rows < 1 || rows > 200 || cols < 1 || cols > 60) {
            problems.add(file, "searchRows/searchColumns", FindingText.legacySearchArea(rows, cols));
        }
        Pattern sheet = pattern(file, "sheet", d.sheet().strip(), problems);
        if (problems.count() > before) {
            return Optional.empty();
        }
        return Optional.of(new LegacyMapping(d.name(), file, d.description() == null ? "" : d.description(), t.id(),
                d.sheet().strip(), sheet, unit, period, labelColumn, headings, scale, d.sign().equals("ledger"), lines,
                d.totals() == null ? List.of() : d.totals(), rows, cols));
    }

    /** Column letters to a 0-based index ("A" → 0). */
    private static int org(String letters) {
        int n = 0;
        for (char c : letters.toCharArray()) {
            n = n * 26 + (c - 'A' + 1);
        }
        return n - 1;
    }

    /**
     * A locator searches the sheet for {@code pattern} (from {@code cell}, else from A1) and/or reads the file name
     * by {@code fileName}; at least one of them. A {@code cell} without a pattern takes the cell's whole text.
     */
    private static LegacyMapping.Locator locator(String file, String where, LocatorEntry e, Problems problems) {
        if (e.cell() == null && e.pattern() == null && e.fileName() == null) {
            problems.add(file, where, FindingText.LEGACY_LOCATOR);
            return null;
        }
        if (e.cell() != null && !e.cell().matches("[A-Z]{1,2}[1-9][0-9]*")) {
            problems.add(file, where + ".cell", CliText.specEnumInvalid(e.cell(), List.of("A1", "B3", "…")));
        }
        Optional<Pattern> text = Optional.empty();
        if (e.cell() != null || e.pattern() != null) {
            text = Optional.ofNullable(pattern(file, where + ".pattern", e.pattern() == null ? "(.+)" : e.pattern(),
                    problems));
        }
        Optional<Pattern> name = e.fileName() == null ? Optional.empty()
                : Optional.ofNullable(pattern(file, where + ".fileName", e.fileName(), problems));
        LegacyMapping.By by = enumValue(file, where + ".by", e.by(), LegacyMapping.By.class, problems);
        return by == null ? null : new LegacyMapping.Locator(Optional.ofNullable(e.cell()), text, name, by);
    }

    private static Pattern pattern(String file, String where, String regex, Problems problems) {
        try {
            return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            problems.add(file, where, FindingText.legacyBadPattern(regex, e.getDescription()));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(String file, String where, String value, Class<E> type,
                                                   Problems problems) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            problems.add(file, where, CliText.specEnumInvalid(value, java.util.Arrays.stream(type.getEnumConstants())
                    .map(x -> x.name().toLowerCase(Locale.ROOT)).toList()));
            return null;
        }
    }

    private static ColumnCode safeColumn(String c) {
        try {
            return ColumnCode.of(c);
        } catch (IllegalArgumentException e) {
            return ColumnCode.of("OKAND");
        }
    }

    private static LineCode safeLine(String c) {
        try {
            return LineCode.of(c);
        } catch (IllegalArgumentException e) {
            return LineCode.of("OKAND");
        }
    }
}
