package se.tertial.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads and checks {@code organisation.json} and every {@code <id>.v<version>.json} in a directory. Collects every
 * problem before failing, so a broken spec is fixed in one round; each problem names the file and the entry.
 */
public final class SpecLoader {
    public static final String ORGANISATION_FILE = "organisation.json";
    private static final Pattern TEMPLATE_FILE = Pattern.compile("([a-z][a-z0-9_-]*)\\.v(\\d+)\\.json");

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final Path dir;
    private final Problems problems;

    private SpecLoader(Path dir) {
        this.dir = dir;
        this.problems = new Problems(dir.getFileName() == null ? dir.toString() : dir.getFileName().toString());
    }

    /** Loads the specs in {@code dir}; throws {@link SpecException} listing every problem found. */
    public static SpecCatalog load(Path dir) {
        return new SpecLoader(dir).load();
    }

    private SpecCatalog load() {
        if (!Files.isDirectory(dir)) {
            throw new SpecException(List.of(CliText.specDirMissing(dir)));
        }
        List<TemplateSpec> templates = new ArrayList<>();
        for (Path file : jsonFiles()) {
            String name = file.getFileName().toString();
            Matcher m = TEMPLATE_FILE.matcher(name);
            if (m.matches()) {
                byte[] bytes = read(file);
                guard(name, () -> TemplateSpecParser.parse(json, name, bytes, sha256(bytes), problems))
                        .flatMap(o -> o).ifPresent(spec -> templates.add(checkFileName(name, m, spec)));
            } else if (!name.equals(ORGANISATION_FILE) && !name.equals(ReportSpecParser.FILE)) {
                problems.add(name, "", CliText.specUnknownFile());
            }
        }
        checkUniqueVersions(templates);
        Organisation organisation = guard(ORGANISATION_FILE, () -> OrganisationParser.parse(json,
                dir.resolve(ORGANISATION_FILE), templates, problems)).orElse(null);
        java.util.Map<TemplateId, TemplateSpec> latest = new java.util.HashMap<>();
        templates.forEach(t -> latest.merge(t.id(), t, (a, b) -> a.version() >= b.version() ? a : b));
        Optional<ReportSpec> report = guard(ReportSpecParser.FILE, () -> ReportSpecParser.parse(json,
                dir.resolve(ReportSpecParser.FILE), latest, problems)).flatMap(o -> o);
        List<LegacyMapping> legacy = guard(LegacyMappingParser.DIR, () -> LegacyMappingParser.parse(json, dir,
                latest, problems)).orElse(List.of());
        problems.throwIfAny();
        return new SpecCatalog(organisation, templates, report.orElseThrow(), legacy);
    }

    /**
     * Runs one file's parser; a shape the parser did not foresee (a {@code null} where an object belongs, a list
     * where a text belongs) is a problem with that file, never a stack trace.
     */
    private <T> Optional<T> guard(String file, java.util.function.Supplier<T> parse) {
        int before = problems.count();
        try {
            return Optional.ofNullable(parse.get());
        } catch (RuntimeException e) {
            if (problems.count() == before) {
                problems.add(file, "", CliText.specUnexpectedShape());
            }
            return Optional.empty();
        }
    }

    private TemplateSpec checkFileName(String name, Matcher m, TemplateSpec spec) {
        if (!m.group(1).equals(spec.id().value()) || Integer.parseInt(m.group(2)) != spec.version()) {
            problems.add(name, "id/version", CliText.specFileNameMismatch(spec.id().value(), spec.version()));
        }
        return spec;
    }

    private void checkUniqueVersions(List<TemplateSpec> templates) {
        List<String> seen = new ArrayList<>();
        for (TemplateSpec t : templates) {
            String key = t.id() + ".v" + t.version();
            if (seen.contains(key)) {
                problems.add(key + ".json", "version", CliText.specDuplicate("mallversion", key));
            }
            seen.add(key);
        }
    }

    private List<Path> jsonFiles() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".json"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Turns a Jackson failure into "what was wrong, at which JSON path" without Java class names. */
    static String describe(JsonProcessingException e) {
        String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException jm
                ? jm.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .reduce("", (a, b) -> a.isEmpty() || b.startsWith("[") ? a + b : a + "." + b)
                : "";
        String loc = e.getLocation() == null ? "" : " (rad " + e.getLocation().getLineNr()
                + ", kolumn " + e.getLocation().getColumnNr() + ")";
        return CliText.specJsonError(path, e.getOriginalMessage().replaceAll("\\(class [^)]*\\)", "").trim() + loc);
    }

    /** Collects problems as "file: entry: message". */
    static final class Problems {
        private final String dirName;
        private final List<String> list = new ArrayList<>();

        Problems(String dirName) {
            this.dirName = dirName;
        }

        void add(String file, String entry, String message) {
            list.add(dirName + "/" + file + (entry.isEmpty() ? "" : ": " + entry) + ": " + message);
        }

        int count() {
            return list.size();
        }

        void throwIfAny() {
            if (!list.isEmpty()) {
                throw new SpecException(list);
            }
        }
    }
}
