package se.tertial.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.stream.Stream;

/**
 * The benches' large region: the shipped specs with an organisation of {@code n} units spread over the shipped
 * nämnder and groups (the shipped units repeated, each code and name numbered), in a temporary directory that
 * {@link #close} removes.
 */
record SyntheticRegion(Path dir) implements AutoCloseable {
    static SyntheticRegion of(Path templates, int n) throws IOException {
        Path dir = Files.createTempDirectory("tertial-bench-region");
        try (Stream<Path> files = Files.list(templates)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode org = (ObjectNode) json.readTree(dir.resolve("organisation.json").toFile());
        ArrayNode shipped = (ArrayNode) org.get("units");
        ArrayNode units = json.createArrayNode();
        for (int i = 0; i < n; i++) {
            ObjectNode model = (ObjectNode) shipped.get(i % shipped.size()).deepCopy();
            model.put("code", model.get("code").asText() + "-" + i);
            model.put("name", model.get("name").asText() + " " + i);
            units.add(model);
        }
        org.set("units", units);
        json.writeValue(dir.resolve("organisation.json").toFile(), org);
        return new SyntheticRegion(dir);
    }

    @Override
    public void close() {
        delete(dir);
    }

    /** Removes a directory and everything in it. */
    static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
