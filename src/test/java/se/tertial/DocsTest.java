package se.tertial;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import se.tertial.cli.Main;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README and the documents under {@code src/site/markdown}: every relative link and anchor resolves, every
 * {@code tertial} command they show parses against the command line's own options, the blocks marked
 * {@code sh runnable} run against a fresh data directory, and the code layout table agrees with
 * {@link ArchitectureTest}.
 */
class DocsTest {
    private static final Path DOCS = Path.of("src/site/markdown");
    private static final Path README = Path.of("README.md");
    private static final Pattern LINK = Pattern.compile("!?\\[(?:[^\\]\\[]|\\[[^\\]]*\\])*\\]\\(([^)\\s]+)\\)");
    private static final Pattern FENCE = Pattern.compile("^```(.*)$");

    @TempDir
    Path tmp;

    static List<Path> documents() throws IOException {
        List<Path> all = new ArrayList<>(List.of(README));
        try (Stream<Path> files = Files.list(DOCS)) {
            files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(all::add);
        }
        return all;
    }

    /** A document's text outside fenced blocks and inline code: where links are. */
    static String prose(String markdown) {
        StringBuilder b = new StringBuilder();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).matches()) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                b.append(line.replaceAll("`[^`]*`", "``")).append('\n');
            }
        }
        return b.toString();
    }

    /** GitHub's anchors of a document's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new TreeSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        for (String line : markdown.split("\n", -1)) {
            if (FENCE.matcher(line).matches()) {
                fenced = !fenced;
            } else if (!fenced && line.matches("^#{1,6} .*")) {
                String slug = line.replaceFirst("^#+ ", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
                int n = seen.merge(slug, 1, Integer::sum);
                anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
            }
        }
        return anchors;
    }

    @Test
    void everyRelativeLinkAndAnchorResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Path doc : documents()) {
            String text = Files.readString(doc);
            Matcher m = LINK.matcher(prose(text));
            while (m.find()) {
                String target = m.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // https:, mailto: — not ours to check here
                }
                links++;
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? doc : doc.toAbsolutePath().getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(doc + ": " + target + " (no such file)");
                } else if (hash >= 0 && !anchors(Files.readString(resolved)).contains(target.substring(hash + 1))) {
                    broken.add(doc + ": " + target + " (no such heading in " + resolved.getFileName() + ")");
                }
            }
        }
        assertEquals(List.of(), broken);
        assertTrue(links > 30, "the documents link to each other: " + links);
    }

    @Test
    void theIndexAndTheReadmeLeadToEveryDocument() throws IOException {
        String index = Files.readString(DOCS.resolve("index.md"));
        String readme = Files.readString(README);
        assertTrue(readme.contains("(src/site/markdown/index.md)"), "the README links the index");
        try (Stream<Path> files = Files.list(DOCS)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                String name = f.getFileName().toString();
                if (!name.equals("index.md")) {
                    assertTrue(index.contains("(" + name + ")"), "index.md links " + name);
                }
            }
        }
        assertTrue(readme.lines().count() < 120, "the README is a front door, read in five minutes: "
                + readme.lines().count() + " lines");
    }

    /** A fenced shell block: its info string and its commands. */
    record Block(Path doc, String info, List<List<String>> commands) {}

    static List<Block> shellBlocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path doc : documents()) {
            String info = null;
            StringBuilder body = new StringBuilder();
            for (String line : Files.readString(doc).split("\n", -1)) {
                Matcher fence = FENCE.matcher(line);
                if (fence.matches() && info == null) {
                    info = fence.group(1).strip();
                    body.setLength(0);
                } else if (fence.matches()) {
                    if (info.matches("(sh|bash|shell)\\b.*")) {
                        blocks.add(new Block(doc, info, ShellWords.commands(body.toString())));
                    }
                    info = null;
                } else if (info != null) {
                    body.append(line).append('\n');
                }
            }
        }
        return blocks;
    }

    /** The arguments a command line gives tertial's {@code Main}, or null when it is no tertial command. */
    static List<String> tertialArguments(List<String> words) {
        if (words.isEmpty()) {
            return null;
        }
        String first = words.get(0);
        if (first.equals("scripts/tertial") || first.equals("tertial")) {
            return words.subList(1, words.size());
        }
        if (first.equals("scripts/bulk-load.sh") || first.equals("scripts/bench-postgresql.sh")) {
            List<String> args = new ArrayList<>(List.of(first.contains("bulk") ? "bulk-load" : "bench"));
            args.addAll(words.subList(1, words.size()));
            return args;
        }
        if (first.equals("java")) {
            int jar = words.indexOf("-jar");
            if (jar >= 0 && jar + 1 < words.size() && words.get(jar + 1).endsWith("tertial.jar")) {
                return words.subList(jar + 2, words.size());
            }
        }
        return null;
    }

    @Test
    void everyTertialCommandInTheDocsParsesAsWritten() throws IOException {
        List<String> refused = new ArrayList<>();
        int commands = 0;
        for (Block block : shellBlocks()) {
            for (List<String> words : block.commands()) {
                List<String> args = tertialArguments(words);
                if (args == null) {
                    continue;
                }
                commands++;
                try {
                    CommandLine.ParseResult parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
                    if (!parsed.hasSubcommand() && !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested()) {
                        refused.add(block.doc() + ": " + String.join(" ", words) + " (names no command)");
                    }
                } catch (CommandLine.ParameterException e) {
                    refused.add(block.doc() + ": " + String.join(" ", words) + " (" + e.getMessage() + ")");
                }
            }
        }
        assertEquals(List.of(), refused);
        assertTrue(commands >= 10, "the docs show the commands: " + commands);
    }

    /** Every option name of every command and subcommand. */
    private static Set<String> optionNames(CommandLine cli) {
        Set<String> names = new TreeSet<>();
        cli.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
        cli.getSubcommands().values().forEach(sub -> names.addAll(optionNames(sub)));
        return names;
    }

    @Test
    void everyFlagTheProseNamesExists() throws IOException {
        Set<String> known = optionNames(Main.commandLine());
        Pattern code = Pattern.compile("`([^`\n]+)`");
        Pattern flag = Pattern.compile("(?<![\\w-])(--[a-z][a-z0-9-]+)");
        List<String> unknown = new ArrayList<>();
        int named = 0;
        for (Path doc : documents()) {
            Matcher c = code.matcher(Files.readString(doc));
            while (c.find()) {
                Matcher f = flag.matcher(c.group(1));
                while (f.find()) {
                    named++;
                    if (!known.contains(f.group(1))) {
                        unknown.add(doc + ": " + f.group(1) + " in `" + c.group(1) + "`");
                    }
                }
            }
        }
        assertEquals(List.of(), unknown);
        assertTrue(named > 40, "flags named in the prose: " + named);
    }

    @Test
    void theRunnableBlocksRunAgainstAFreshDataDirectory() throws IOException {
        List<Block> runnable = shellBlocks().stream().filter(b -> b.info().matches("\\w+ runnable")).toList();
        assertFalse(runnable.isEmpty(), "some block is marked runnable");
        Path data = tmp.resolve("data");
        int ran = 0;
        for (Block block : runnable) {
            for (List<String> words : block.commands()) {
                List<String> args = tertialArguments(words);
                assertTrue(args != null, block.doc() + ": a runnable block runs tertial only: " + words);
                List<String> all = new ArrayList<>(args);
                all.addAll(List.of("--data", data.toString(), "--templates", "workbook-templates"));
                PrintStream out = System.out;
                PrintStream err = System.err;
                ByteArrayOutputStream captured = new ByteArrayOutputStream();
                int exit;
                try {
                    PrintStream both = new PrintStream(captured, true, StandardCharsets.UTF_8);
                    System.setOut(both);
                    System.setErr(both);
                    exit = Main.run(all.toArray(String[]::new));
                } finally {
                    System.setOut(out);
                    System.setErr(err);
                }
                assertEquals(0, exit, block.doc() + ": " + String.join(" ", words) + "\n"
                        + captured.toString(StandardCharsets.UTF_8));
                ran++;
            }
        }
        assertTrue(ran >= 3, "runnable commands: " + ran);
    }

    @Test
    void theCodeLayoutTableAgreesWithTheArchitecture() throws IOException {
        String design = Files.readString(DOCS.resolve("design.md"));
        String section = design.substring(design.indexOf("## Code layout"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        Map<String, String> external = Map.of("JDBC", "sql", "POI", "poi", "Javalin", "javalin", "Nimbus", "nimbus",
                "Olingo", "olingo");
        for (String row : section.lines().filter(l -> l.startsWith("| `")).toList()) {
            String[] cells = row.split("\\|");
            String pkg = cells[1].strip().replace("`", "");
            Set<String> uses = new TreeSet<>(Set.of(pkg));
            for (String used : cells[cells.length - 1].split(",")) {
                String u = used.strip().replace("`", "");
                if (!u.equals("—")) {
                    uses.add(external.getOrDefault(u, u));
                }
            }
            documented.put(pkg, uses);
        }
        Map<String, Set<String>> actual = new LinkedHashMap<>();
        ArchitectureTest.ALLOWED.forEach((k, v) -> actual.put(k, new TreeSet<>(v)));
        assertEquals(new TreeSet<>(actual.keySet()), new TreeSet<>(documented.keySet()), "the table's packages");
        for (String pkg : actual.keySet()) {
            assertEquals(actual.get(pkg), documented.get(pkg), "what " + pkg + " may use, in design.md");
        }
    }
}
