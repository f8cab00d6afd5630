package se.tertial.testkit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample workbooks of {@code shared/samples/legacy}, which CI and every checkout have beside the repository.
 * {@code TERTIAL_SAMPLES} points elsewhere if needed.
 */
public final class Samples {
    private Samples() {}

    public static Path legacy() {
        String env = System.getenv("TERTIAL_SAMPLES");
        Path dir = env != null && !env.isBlank() ? Path.of(env) : Path.of("../shared/samples/legacy");
        if (!Files.isDirectory(dir)) {
            throw new AssertionError("the legacy samples are missing at " + dir.toAbsolutePath()
                    + ": check out the repository beside shared/, or set TERTIAL_SAMPLES");
        }
        return dir;
    }
}
