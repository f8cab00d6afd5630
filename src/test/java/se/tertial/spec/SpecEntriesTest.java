package se.tertial.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.report.Consolidation;
import se.tertial.report.ConsolidationInput;
import se.tertial.spec.PeriodCode;
import se.tertial.testkit.TestSpecs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every entry of every spec file removed in turn: the specs either still load (the entry was optional) or are
 * refused with a Swedish problem naming the file — never another exception, never a stack trace at start.
 */
class SpecEntriesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void removingAnyEntryOfAnySpecFileIsLoadedOrRefusedByName() throws Exception {
        Path specs = TestSpecs.copyTo(tmp);
        List<Path> files;
        try (Stream<Path> s = Files.walk(specs)) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (Path file : files) {
            String original = Files.readString(file);
            String name = specs.relativize(file).toString();
            for (List<String> path : paths(JSON.readTree(original), new ArrayList<>())) {
                JsonNode tree = JSON.readTree(original);
                remove(tree, path);
                Files.writeString(file, JSON.writeValueAsString(tree));
                cases++;
                try {
                    SpecLoader.load(specs);
                } catch (SpecException e) {
                    if (!e.getMessage().contains(name)) {
                        failures.add(name + " without " + path + ": the problem does not name the file: "
                                + e.getMessage());
                    }
                } catch (Throwable t) {
                    failures.add(name + " without " + path + ": " + t);
                }
            }
            Files.writeString(file, original);
        }
        assertTrue(cases > 500, "entries tried: " + cases);
        assertEquals(List.of(), failures);
    }

    @Test
    void aRegionWithoutInternalTradeHasNoInternalTradeCheck() throws Exception {
        Path specs = TestSpecs.copyTo(tmp);
        Path report = specs.resolve("report.json");
        ObjectNode tree = (ObjectNode) JSON.readTree(report.toFile());
        ((ObjectNode) tree.get("resultatrakning")).remove("internalTrade");
        Files.writeString(report, JSON.writeValueAsString(tree));
        SpecCatalog catalog = SpecLoader.load(specs);
        assertTrue(catalog.report().resultatrakning().internalTemplate().isEmpty());
        var figures = Consolidation.compute(new ConsolidationInput(catalog, PeriodCode.parse("2022-T2"), Map.of(),
                Map.of(), Map.of(), Set.of()));
        assertTrue(figures.kontroller().stream().noneMatch(c -> c.code().equals("INTERNHANDEL")));
        assertTrue(figures.kontroller().stream().anyMatch(c -> c.code().equals("BALANS")));
    }

    /** The path of every field of every object in the tree (array elements by index). */
    private static List<List<String>> paths(JsonNode node, List<String> at) {
        List<List<String>> out = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> {
                List<String> p = new ArrayList<>(at);
                p.add(f);
                out.add(p);
                out.addAll(paths(node.get(f), p));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<String> p = new ArrayList<>(at);
                p.add("[" + i + "]");
                out.addAll(paths(node.get(i), p));
            }
        }
        return out;
    }

    private static void remove(JsonNode root, List<String> path) {
        JsonNode parent = root;
        for (String step : path.subList(0, path.size() - 1)) {
            parent = step.startsWith("[") ? parent.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : parent.get(step);
        }
        ((ObjectNode) parent).remove(path.get(path.size() - 1));
    }
}
