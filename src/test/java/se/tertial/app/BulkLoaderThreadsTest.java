package se.tertial.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestSpecs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The files of a bulk load are read and checked on worker threads of the lowest priority, so that the one thread
 * that stores them (normal priority) is never the one left waiting for a core; results come back on the caller's side.
 */
class BulkLoaderThreadsTest {
    @TempDir
    Path tmp;

    @Test
    void workersRunBelowTheCommitter() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("historik"));
        FilledTemplate.of("FS-MED", "2022-T2").valid().write(dir.resolve("FS-MED.xlsx"));
        FilledTemplate.of("FS-KIR", "2022-T2").valid().write(dir.resolve("FS-KIR.xlsx"));
        Set<String> staged = ConcurrentHashMap.newKeySet();
        Set<String> committed = ConcurrentHashMap.newKeySet();
        BulkLoader.Loader<BulkLoader.FileResult> loader = new BulkLoader.Loader<>() {
            @Override
            public BulkLoader.FileResult stage(Path file, String name, byte[] bytes,
                                               java.util.Optional<se.tertial.ingest.Ingest.Identification> known) {
                staged.add(Thread.currentThread().getName() + "@" + Thread.currentThread().getPriority());
                return new BulkLoader.FileResult(name, "", "", "", "", "accepted", 0, "");
            }

            @Override
            public List<BulkLoader.FileResult> commit(List<BulkLoader.FileResult> files) {
                committed.add(Thread.currentThread().getName() + "@" + Thread.currentThread().getPriority());
                return files;
            }
        };
        List<BulkLoader.FileResult> results = new BulkLoader(TestSpecs.catalog(), 2).run(dir, BulkLoader.files(dir),
                loader, r -> { });
        assertEquals(2, results.size());
        assertTrue(staged.stream().allMatch(s -> s.startsWith("tertial-bulk-worker-")
                && s.endsWith("@" + Thread.MIN_PRIORITY)), staged.toString());
        assertEquals(Set.of("tertial-bulk-commit@" + Thread.NORM_PRIORITY), committed);
    }

    /** The store opens on the caller's thread while the workers identify; if it cannot, the run fails and its
     * workers stop. */
    @Test
    void aStoreThatCannotOpenFailsTheRunAndStopsItsWorkers() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("historik"));
        for (int i = 0; i < 20; i++) {
            FilledTemplate.of("FS-MED", "2022-T2").valid().write(dir.resolve("FS-MED-" + i + ".xlsx"));
        }
        Thread caller = Thread.currentThread();
        java.util.concurrent.atomic.AtomicReference<Thread> openedOn = new java.util.concurrent.atomic.AtomicReference<>();
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new BulkLoader(TestSpecs.catalog(), 2).run(dir, BulkLoader.files(dir),
                        (BulkLoader.LoaderSource<BulkLoader.FileResult>) () -> {
                            openedOn.set(Thread.currentThread());
                            throw new IllegalStateException("databasen är låst");
                        }, r -> { }));
        assertEquals("databasen är låst", e.getMessage());
        assertEquals(caller, openedOn.get());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (workers() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, workers(), "worker threads left running");
    }

    private static long workers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("tertial-bulk-worker-") && t.isAlive()).count();
    }

    /** A file gone between listing and its turn is that file's error row, in Swedish; the others still load. */
    @Test
    void aFileGoneBeforeItsTurnIsItsOwnErrorRow() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("historik"));
        FilledTemplate.of("FS-MED", "2022-T2").valid().write(dir.resolve("FS-MED.xlsx"));
        FilledTemplate.of("FS-KIR", "2022-T2").valid().write(dir.resolve("FS-KIR.xlsx"));
        List<Path> files = BulkLoader.files(dir);
        BulkLoader.Loader<BulkLoader.FileResult> loader = new BulkLoader.Loader<>() {
            @Override
            public BulkLoader.FileResult stage(Path file, String name, byte[] bytes,
                                               java.util.Optional<se.tertial.ingest.Ingest.Identification> known) {
                return new BulkLoader.FileResult(name, "", "", "", "", "accepted", bytes.length, "");
            }

            @Override
            public List<BulkLoader.FileResult> commit(List<BulkLoader.FileResult> staged) {
                return staged;
            }
        };
        List<BulkLoader.FileResult> results = new BulkLoader(TestSpecs.catalog(), 2).run(dir, files,
                (BulkLoader.LoaderSource<BulkLoader.FileResult>) () -> {
                    try {
                        Files.delete(dir.resolve("FS-KIR.xlsx")); // listed, then gone before it is checked
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return loader;
                }, r -> { });
        assertEquals(2, results.size(), results.toString());
        BulkLoader.FileResult gone = results.stream().filter(r -> r.file().equals("FS-KIR.xlsx")).findFirst()
                .orElseThrow();
        assertEquals("error", gone.outcome());
        assertEquals("Filen kunde inte läsas: den finns inte längre.", gone.firstError());
        BulkLoader.FileResult kept = results.stream().filter(r -> r.file().equals("FS-MED.xlsx")).findFirst()
                .orElseThrow();
        assertEquals("accepted", kept.outcome());
        assertTrue(kept.facts() > 0);
    }
}
