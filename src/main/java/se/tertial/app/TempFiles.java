package se.tertial.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The temp files of uploads being read (POI opens them from a file): in a directory of tertial's own, one per
 * process ({@code <tmp>/tertial/<pid>}), so that what a process killed mid-upload left behind is found and removed
 * by the next start — and never a live process's files.
 */
public final class TempFiles {
    private static final Path ROOT = Path.of(System.getProperty("java.io.tmpdir"), "tertial");
    private static final Path MINE = ROOT.resolve(Long.toString(ProcessHandle.current().pid()));

    private TempFiles() {}

    /** A new empty temp file of this process. */
    public static Path create(String prefix) throws IOException {
        Files.createDirectories(MINE);
        return Files.createTempFile(MINE, prefix, ".bin");
    }

    /** Removes the directories of processes that no longer run (and anything else left in the root). */
    public static void removeLeftovers() {
        if (!Files.isDirectory(ROOT)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(ROOT)) {
            for (Path e : entries) {
                String name = e.getFileName().toString();
                boolean live = name.matches("[0-9]{1,19}") && ProcessHandle.of(Long.parseLong(name))
                        .map(ProcessHandle::isAlive).orElse(false);
                if (!live) {
                    delete(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path p) throws IOException {
        try (Stream<Path> all = Files.walk(p)) {
            for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(f);
            }
        }
    }
}
