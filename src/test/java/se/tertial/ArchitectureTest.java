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
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
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
            // poi: only the bench's floor (FastexcelFloor) reads our workbooks' cells and styles to copy them.
            Map.entry("cli", Set.of("cli", "app", "http", "web", "feed", "sso", "spec", "money", "workbook", "ingest",
                    "store", "report", "javalin", "poi")));

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
