package se.tertial.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.SpecLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The shipped specs in {@code workbook-templates/}, and copies of them to break in tests. */
public final class TestSpecs {
    public static final Path DIR = Path.of("workbook-templates");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SpecCatalog catalog;

    private TestSpecs() {}

    public static synchronized SpecCatalog catalog() {
        if (catalog == null) {
            catalog = SpecLoader.load(DIR);
        }
        return catalog;
    }

    /** Copies the shipped specs (top-level JSON files, not the legacy mappings) into {@code parent/workbook-templates}. */
    public static Path copyTo(Path parent) {
        Path target = parent.resolve("workbook-templates");
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(DIR)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, target.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Rewrites one JSON file of a spec directory. */
    public static void edit(Path dir, String file, Consumer<ObjectNode> change) {
        try {
            Path p = dir.resolve(file);
            ObjectNode root = (ObjectNode) JSON.readTree(p.toFile());
            change.accept(root);
            JSON.writerWithDefaultPrettyPrinter().writeValue(p.toFile(), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
