package se.tertial.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.FactKey;
import se.tertial.spec.LineCode;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.TemplateId;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every hand-made workbook in shared/samples/legacy loads with the unit, period and facts expected.json lists. */
class LegacySamplesTest {
    static final Path SAMPLES = se.tertial.testkit.Samples.legacy();

    static Stream<JsonNode> samples() throws IOException {
        List<JsonNode> list = new ArrayList<>();
        new ObjectMapper().readTree(SAMPLES.resolve("expected.json").toFile()).get("workbooks").forEach(list::add);
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void loadsWithTheExpectedUnitPeriodAndFacts(JsonNode sample) {
        MapContext ctx = new MapContext();
        ctx.periods.put(PeriodCode.parse(sample.get("period").asText()), false);
        String file = sample.get("file").asText();
        IngestResult r = Ingest.run(SAMPLES.resolve(file), file, ctx);
        assertNotEquals(Outcome.REJECTED, r.outcome(), () -> file + ": " + r.findings());
        Identity id = r.identity().orElseThrow();
        assertEquals(sample.get("unit").asText(), id.unit().value());
        assertEquals(sample.get("period").asText(), id.period().toString());
        assertTrue(id.source().startsWith("mappning " + sample.get("layout").asText().split(" ")[0]), id.source());
        for (JsonNode fact : sample.get("facts")) {
            FactKey key = new FactKey(TemplateId.of("resultat"), LineCode.of(fact.get(0).asText()),
                    ColumnCode.of(fact.get(1).asText()));
            assertEquals(Amount.ofTkr(fact.get(2).decimalValue()), r.facts().get(key), file + " " + key);
        }
        Set<String> rules = new TreeSet<>();
        r.findings().forEach(f -> rules.add(f.rule()));
        Set<String> quirks = new TreeSet<>();
        sample.get("quirks").forEach(q -> quirks.add(q.asText()));
        assertEquals(quirks.contains("text_numbers"), rules.contains(Rules.NUMBER_AS_TEXT), file + " " + rules);
        assertTrue(r.findings().stream().allMatch(f -> f.sheet() != null && f.cell() != null), r.findings().toString());
    }
}
