package se.tertial.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM options {@code scripts/bulk-load.sh} and {@code bench --only bulk} share ({@code scripts/bulk-load.jvm}, a
 * java @argfile): a load run in a new JVM with exactly those options stores its files and writes its report.
 */
class BulkLoadJvmOptionsTest {
    @TempDir
    Path tmp;

    @Test
    void aLoadRunsInANewJvmWithTheScriptsOptions() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("historik"));
        FilledTemplate.of("FS-MED", "2022-T2").valid().write(dir.resolve("FS-MED.xlsx"));
        FilledTemplate.of("FS-KIR", "2022-T2").valid().write(dir.resolve("FS-KIR.xlsx"));
        List<String> options = BulkBench.jvmOptions(10_000);
        assertTrue(options.contains("-XX:+UseParallelGC"), options.toString());
        assertTrue(options.contains("-XX:ThreadPriorityPolicy=1"), options.toString()); // the workers' low priority
        assertTrue(!options.contains("-XX:TieredStopAtLevel=1"), options.toString());
        List<String> small = BulkBench.jvmOptions(2);
        assertEquals(options.size() + 1, small.size(), small.toString());
        assertTrue(small.contains("-XX:TieredStopAtLevel=1"), small.toString()); // a small load: the quick compiler
        // The script decides by the same count.
        String script = Files.readString(Path.of("scripts/bulk-load.sh"), StandardCharsets.UTF_8);
        assertTrue(script.contains("small_load_files=" + BulkBench.SMALL_LOAD_FILES + "\n"), "bulk-load.sh's threshold");
        assertTrue(script.contains("@\"$here/scripts/bulk-load-small.jvm\""), "bulk-load.sh's small-load options");

        String out = load(dir, "data", List.of());
        assertTrue(out.contains("{accepted=2}"), out);
        // An archive the JVM cannot use (here: not one at all) is skipped without a word.
        Path broken = Files.writeString(tmp.resolve(ClassArchive.FILE_NAME), "ingen arkivfil");
        String skipped = load(dir, "data-archive", ClassArchive.options(broken));
        assertTrue(skipped.contains("{accepted=2}"), skipped);
        String quick = load(dir, "data-small", List.of("@" + BulkBench.SMALL_LOAD_OPTIONS));
        assertTrue(quick.contains("{accepted=2}"), quick);
        String csv = Files.readString(tmp.resolve("rapport.csv"), StandardCharsets.UTF_8);
        assertEquals(3, csv.lines().count(), csv);
        assertTrue(Files.size(tmp.resolve("rapport.xlsx")) > 0);
    }

    /** One load in a new JVM with the script's options (and {@code extra}); its output, checked to say no warning. */
    private String load(Path dir, String data, List<String> extra) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "@" + BulkBench.JVM_OPTIONS));
        command.addAll(extra);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "se.tertial.cli.Main", "bulk-load",
                dir.toString(), "--data", tmp.resolve(data).toString(), "--templates",
                se.tertial.testkit.TestSpecs.DIR.toString(), "--report", tmp.resolve("rapport").toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(!out.toLowerCase(java.util.Locale.ROOT).contains("warning"), out); // the options say nothing
        return out;
    }

    @Test
    void theClassArchiveIsUsedOnlyBesideItsJarAndWhenNewerThanIt() throws Exception {
        Path jar = Files.writeString(tmp.resolve("tertial.jar"), "en jar");
        assertTrue(ClassArchive.beside(jar.toString()).isEmpty(), "no archive");
        Path archive = Files.writeString(tmp.resolve(ClassArchive.FILE_NAME), "ett arkiv");
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
        Files.setLastModifiedTime(archive, java.nio.file.attribute.FileTime.fromMillis(1_000_000_060_000L));
        assertEquals(java.util.Optional.of(archive.toAbsolutePath()), ClassArchive.beside(jar.toString()));
        List<String> options = BulkBench.jvmOptions(10_000, jar.toString());
        assertTrue(options.containsAll(ClassArchive.options(archive.toAbsolutePath())), options.toString());
        assertEquals(BulkBench.jvmOptions(10_000, "target/classes").size() + 2, options.size(), options.toString());
        // A jar built after the archive: the archive is an earlier build's and is not used.
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(1_000_000_120_000L));
        assertTrue(ClassArchive.beside(jar.toString()).isEmpty(), "stale archive");
        // Classes from directories or several jars: no archive (CDS maps only jars, exactly as dumped).
        assertTrue(ClassArchive.beside("target/classes").isEmpty());
        assertTrue(ClassArchive.beside(jar + java.io.File.pathSeparator + jar).isEmpty());
        // The script decides the same way.
        String script = Files.readString(Path.of("scripts/bulk-load.sh"), StandardCharsets.UTF_8);
        assertTrue(script.contains("archive=\"$here/target/" + ClassArchive.FILE_NAME + "\""), "bulk-load.sh's archive");
        assertTrue(script.contains("[ \"$archive\" -nt \"$jar\" ]"), "bulk-load.sh: only a newer archive");
        assertTrue(script.contains("\"-XX:SharedArchiveFile=$archive\" \"" + ClassArchive.options(archive).get(1) + "\""),
                "bulk-load.sh's archive options");
    }
}
