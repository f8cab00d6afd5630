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
}
