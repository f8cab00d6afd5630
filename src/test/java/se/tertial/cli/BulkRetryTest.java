package se.tertial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.Config;
import se.tertial.app.Tertial;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.TestSpecs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refused files are retried (#12 item 3): only bytes that were taken are skipped as already loaded; a file refused
 * for want of a mapping loads on the next run once the mapping exists, and the report says so; a file refused again
 * for the same reasons adds nothing; a run over an unchanged directory adds nothing at all.
 */
class BulkRetryTest {
    @TempDir
    Path tmp;

    @Test
    void aRefusedFileLoadsOnceItsMappingExistsAndRerunsAddNothing() throws Exception {
        Path specs = TestSpecs.copyTo(tmp.resolve("specs"));
        Files.createDirectories(specs.resolve("legacy"));
        Path dir = Files.createDirectories(tmp.resolve("historik"));
        Files.copy(se.tertial.testkit.Samples.legacy().resolve("FS-FTV_2021-T2.xlsx"), dir.resolve("FS-FTV_2021-T2.xlsx"));
        FilledTemplate.of("FS-KIR", "2022-T2").valid().setText("Resultat", "KOST_LON", "UTFALL", "mycket")
                .write(dir.resolve("FS-KIR med fel.xlsx"));
        Path data = tmp.resolve("data");

        List<String> first = load(specs, dir, data, "r1");
        assertTrue(row(first, "FS-FTV_2021-T2.xlsx").contains("avvisad"), String.join("\n", first));
        assertEquals(2, count(specs, data, "upload"));

        // The finance team adds the mapping for the verksamhetsområden's layout.
        Files.copy(TestSpecs.DIR.resolve("legacy/vo-resultat-mnkr.json"), specs.resolve("legacy/vo-resultat-mnkr.json"));
        List<String> second = load(specs, dir, data, "r2");
        String ftv = row(second, "FS-FTV_2021-T2.xlsx");
        assertTrue(ftv.contains("tidigare avvisad, nu mottagen") && ftv.contains("FS-FTV") && ftv.contains("2021-T2"),
                ftv);
        assertTrue(row(second, "FS-KIR med fel.xlsx").contains("tidigare avvisad, avvisad igen"),
                String.join("\n", second));
        assertEquals(3, count(specs, data, "upload"), "the new acceptance only; the same refusal is not recorded twice");
        assertEquals(1, count(specs, data, "submission"));
        long facts = count(specs, data, "fact");
        assertTrue(facts > 0);

        List<String> third = load(specs, dir, data, "r3");
        assertTrue(row(third, "FS-FTV_2021-T2.xlsx").contains("redan inläst"), String.join("\n", third));
        assertEquals(3, count(specs, data, "upload"), "an unchanged directory adds nothing");
        assertEquals(1, count(specs, data, "submission"));
        assertEquals(facts, count(specs, data, "fact"));
    }

    private List<String> load(Path specs, Path dir, Path data, String report) throws Exception {
        run("bulk-load", "--templates", specs.toString(), "--data", data.toString(), "--report",
                tmp.resolve(report).toString(), dir.toString());
        return Files.readAllLines(tmp.resolve(report + ".csv"), StandardCharsets.UTF_8);
    }

    private static String row(List<String> csv, String file) {
        return csv.stream().filter(l -> l.startsWith("\"" + file + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError(file + " not in " + csv));
    }

    private static long count(Path specs, Path data, String table) {
        try (Tertial app = Tertial.open(new Config(specs, data, "127.0.0.1", 0, null, "tertial"))) {
            return app.database().read(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
    }

    private static String run(String... args) {
        return CliOutput.run(args);
    }
}
