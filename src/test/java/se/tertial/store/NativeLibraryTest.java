package se.tertial.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sqlite-jdbc's library is kept once in the data directory: unpacked the first time, used as it is when it equals
 * the jar's copy, unpacked again when it does not (damaged, or another build's), and other copies removed. This
 * JVM's library is loaded already; {@code StartUpTest} starts real processes that load the kept copy.
 */
class NativeLibraryTest {
    @TempDir
    Path tmp;

    @Test
    void theCopyIsKeptReusedAndRepaired() throws Exception {
        String path = System.getProperty("org.sqlite.lib.path");
        String name = System.getProperty("org.sqlite.lib.name");
        System.clearProperty("org.sqlite.lib.path");
        try {
            Files.write(tmp.resolve("sqlite-3.0.0-0a1b-libsqlitejdbc.so"), new byte[16]);
            Files.write(tmp.resolve("sqlite-3.0.0-0a1b-libsqlitejdbc.so.lck"), new byte[0]);
            assertTrue(NativeLibrary.keepIn(tmp));
            List<Path> kept = copies();
            assertEquals(1, kept.size(), "one copy, the others removed: " + kept);
            Path lib = kept.get(0);
            assertEquals(tmp.toString(), System.getProperty("org.sqlite.lib.path"));
            assertEquals(lib.getFileName().toString(), System.getProperty("org.sqlite.lib.name"));
            byte[] good = Files.readAllBytes(lib);

            FileTime made = FileTime.fromMillis(1_000_000_000L);
            Files.setLastModifiedTime(lib, made);
            System.clearProperty("org.sqlite.lib.path");
            assertTrue(NativeLibrary.keepIn(tmp));
            assertEquals(made, Files.getLastModifiedTime(lib), "an equal copy is used as it is");

            byte[] damaged = good.clone();
            damaged[damaged.length / 2] ^= 1;
            Files.write(lib, damaged);
            System.clearProperty("org.sqlite.lib.path");
            assertTrue(NativeLibrary.keepIn(tmp));
            assertArrayEquals(good, Files.readAllBytes(lib), "a damaged copy is unpacked again");
            assertEquals(1, copies().size());
        } finally {
            restore("org.sqlite.lib.path", path);
            restore("org.sqlite.lib.name", name);
        }
    }

    private List<Path> copies() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().contains("libsqlitejdbc")).toList();
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
