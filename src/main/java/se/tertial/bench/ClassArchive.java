package se.tertial.bench;

import se.tertial.app.Config;
import se.tertial.app.Tertial;
import se.tertial.workbook.TemplateFiller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The class-data-sharing archive of a bulk load, {@code target/tertial.jsa} beside {@code target/tertial.jar}: the
 * classes a load uses, already parsed and verified, mapped from the archive when a load's JVM starts instead of read
 * from the jar (measured on 10 000 files, alternating: 8.7–9.9 s → 8.2–8.5 s, ~0.8 s less CPU).
 *
 * <p>{@code mvn package} makes it right after the jar, in two steps (see pom.xml): {@link #main} writes a few
 * tertial-made workbooks and one broken file into a directory, then the load a user runs —
 * {@code java @scripts/bulk-load.jvm -jar target/tertial.jar bulk-load DIR} — runs on them once with
 * {@code -XX:ArchiveClassesAtExit}. {@code mvn verify} then starts a JVM that must map it ({@code -Xshare:on}), so a
 * build whose archive does not work fails its tests. {@code scripts/bulk-load.sh} and {@code bench --only bulk} use
 * it only when it is newer than the jar, with CDS's own messages off: an archive the JVM cannot use (another JDK, a
 * jar of another size) is then skipped without a word and the classes are read from the jar as always. It is made at
 * build time, not at a user's first run, because a dump that fails at a load's exit would turn that load's exit code
 * into 1, which the script's callers read as "some file was rejected".
 */
public final class ClassArchive {
    /** The archive's file name, beside the jar. */
    static final String FILE_NAME = "tertial.jsa";
    /** Workbooks the training load reads. */
    static final int TRAINING_FILES = 24;

    private ClassArchive() {}

    /** The JVM options that use {@code archive}, silent when it cannot be used. */
    static List<String> options(Path archive) {
        return List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off,cds+dynamic=off");
    }

    /**
     * The archive beside the jar of {@code classPath} when the class path is that one jar and the archive was made
     * after it: an older one belongs to an earlier build and is never used.
     */
    static Optional<Path> beside(String classPath) {
        if (classPath == null || classPath.isEmpty() || classPath.contains(java.io.File.pathSeparator)
                || !classPath.endsWith(".jar")) {
            return Optional.empty();
        }
        Path jar = Path.of(classPath).toAbsolutePath();
        Path archive = jar.resolveSibling(FILE_NAME);
        try {
            if (!Files.isRegularFile(jar) || !Files.isRegularFile(archive)) {
                return Optional.empty();
            }
            FileTime made = Files.getLastModifiedTime(archive);
            return made.compareTo(Files.getLastModifiedTime(jar)) > 0 ? Optional.of(archive) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code ClassArchive TEMPLATES DIR ARCHIVE}: deletes {@code ARCHIVE} (an earlier build's, so that a dump that
     * fails leaves none behind) and writes the training load's workbooks into {@code DIR/workbooks} ({@code DIR}
     * emptied first, the load's store and report go there too): for a few units, two tertials and a year end, each
     * twice, plus one file that is no workbook, so the load's refusal path is in the archive too.
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ClassArchive TEMPLATES DIR ARCHIVE");
            System.exit(2);
        }
        Path templates = Path.of(args[0]);
        Path dir = Path.of(args[1]).resolve("workbooks");
        Files.deleteIfExists(Path.of(args[2]));
        delete(dir.getParent());
        Files.createDirectories(dir);
        Path store = Files.createTempDirectory("tertial-class-archive");
        try (Tertial app = Tertial.open(new Config(templates, store, "127.0.0.1", 0, null, "tertial"))) {
            List<BulkBench.Base> bases = BulkBench.bases(app, 2021, 2021, 4);
            List<byte[]> filled = new ArrayList<>();
            for (BulkBench.Base b : bases) {
                filled.add(TemplateFiller.fill(b.blank(), b.entries()));
            }
            BulkBench.writeVariants(bases, filled, TRAINING_FILES, dir);
            Files.writeString(dir.resolve("inte-en-arbetsbok.xlsx"), "detta är ingen arbetsbok");
        } finally {
            delete(store);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Collections.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
