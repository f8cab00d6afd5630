package se.tertial;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The import boundaries of architecture.md: each stage depends only on the stages to its left. */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/se/tertial");
    private static final Pattern IMPORT = Pattern.compile("(?:^import\\s+(?:static\\s+)?|[^\\w.])((?:se\\.tertial|org\\.apache\\.poi|java\\.sql|org\\.sqlite|io\\.javalin|com\\.zaxxer|org\\.flywaydb|org\\.apache\\.olingo|com\\.nimbusds)\\.[\\w.]*)", Pattern.MULTILINE);

    /** package → the tertial packages and external roots it may use. */
    static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("spec", Set.of("spec")),
            Map.entry("money", Set.of("money")),
            Map.entry("workbook", Set.of("workbook", "spec", "money", "poi")),
            Map.entry("ingest", Set.of("ingest", "spec", "money", "workbook", "poi")),
            Map.entry("store", Set.of("store", "spec", "money", "sql")),
            Map.entry("report", Set.of("report", "spec", "money", "store", "poi")),
            Map.entry("app", Set.of("app", "spec", "money", "workbook", "ingest", "store", "report")),
            Map.entry("http", Set.of("http", "app", "spec", "money", "workbook", "ingest", "store", "report",
                    "javalin")),
            Map.entry("web", Set.of("web", "app", "http", "sso", "spec", "money", "workbook", "ingest", "store",
                    "report", "javalin")),
            // The OpenID Connect protocol at the edge, with Nimbus as its only library; who the person is stays in app.
            Map.entry("sso", Set.of("sso", "app", "spec", "nimbus")),
            // The feed stands beside http: over app and the store's read views, with Olingo as its only library.
            Map.entry("feed", Set.of("feed", "app", "http", "spec", "store", "olingo", "javalin")),
            // The benchmarks measure every stage from outside, as a user would; poi only for the fastexcel floor,
            // which reads our workbooks' cells and styles to copy them. Nothing but the bench command uses them.
            Map.entry("bench", Set.of("bench", "app", "http", "web", "feed", "sso", "spec", "money", "workbook",
                    "ingest", "store", "report", "javalin", "poi")),
            // The commands a user runs, on top of everything.
            Map.entry("cli", Set.of("cli", "bench", "app", "http", "web", "feed", "sso", "spec", "money", "workbook",
                    "ingest", "store", "report", "javalin")));

    @Test
    void packagesImportOnlyWhatTheArchitectureAllows() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = MAIN.relativize(f).getName(0).toString();
                Set<String> allowed = ALLOWED.get(pkg);
                if (allowed == null) {
                    violations.add(f + ": package not covered by the architecture");
                    continue;
                }
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String used = area(m.group(1));
                    if (!allowed.contains(used)) {
                        violations.add(f + " uses " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    /** The longest a main source file may be, unless its header says it is one cohesive table. */
    static final int MAX_LINES = 400;
    /** The words a long file's header comment must hold, with the reason after them. */
    static final String COHESIVE_TABLE = "One cohesive table:";

    @Test
    void everyMainFileReadsAsOneThingInAtMost400Lines() throws IOException {
        List<String> tooLong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                if (lines.size() > MAX_LINES && !header(lines).contains(COHESIVE_TABLE)) {
                    tooLong.add(MAIN.relativize(f) + ": " + lines.size() + " lines");
                }
            }
        }
        assertEquals(List.of(), tooLong, "split along a seam the file already has, or say in its header \""
                + COHESIVE_TABLE + " <why>\"");
    }

    /** The text before the first type declaration: the imports and the type's own comment. */
    private static String header(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            if (line.matches("^(public |final |abstract |sealed )*(class|interface|enum|record) .*")) {
                break;
            }
            b.append(line).append('\n');
        }
        return b.toString();
    }

    @Test
    void everyPackageSaysWhatItOwnsAndMayNotDo() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(MAIN)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path info = d.resolve("package-info.java");
                String text = Files.isRegularFile(info) ? Files.readString(info) : "";
                if (!text.contains("/**") || !text.contains("package se.tertial." + d.getFileName() + ";")) {
                    missing.add(d.getFileName() + ": no package-info.java with a comment");
                } else if (!ALLOWED.containsKey(d.getFileName().toString())) {
                    missing.add(d.getFileName() + ": not in the architecture's table");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static String area(String name) {
        if (name.startsWith("se.tertial.")) {
            return name.substring("se.tertial.".length()).split("\\.")[0];
        }
        if (name.startsWith("org.apache.poi")) {
            return "poi";
        }
        if (name.startsWith("java.sql") || name.startsWith("org.sqlite") || name.startsWith("com.zaxxer")
                || name.startsWith("org.flywaydb")) {
            return "sql";
        }
        if (name.startsWith("com.nimbusds")) {
            return "nimbus";
        }
        if (name.startsWith("org.apache.olingo")) {
            return "olingo";
        }
        return "javalin";
    }
}
