package se.tertial.ingest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.spec.Finding;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.Zips;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Workbooks filled by a script with openpyxl (Debian's python3-openpyxl, installed by scripts/test.sh), as regions
 * fill history and as the bulk benchmark does: openpyxl keeps formulas but saves no cached results and rewrites every
 * part. Such a workbook must load with exactly the facts of the same amounts typed into the template with POI.
 */
class OpenpyxlTest {
    @TempDir
    Path tmp;

    @Test
    void aWorkbookSavedByOpenpyxlLoadsWithTheSameFactsAsOneFilledWithPoi() throws Exception {
        for (String unit : new String[] {"FS-MED", "RSO-FINANS"}) {
            Path in = Files.createDirectories(tmp.resolve(unit + "-in"));
            Path out = tmp.resolve(unit + "-out");
            FilledTemplate.of(unit, "2022-T2").write(in.resolve("t.xlsx"));
            FilledTemplate poi = FilledTemplate.of(unit, "2022-T2");
            List<String[]> entries = new java.util.ArrayList<>();
            for (String[] e : ENTRIES) {
                if (poi.workbook().getSheet(e[0]) != null) {
                    entries.add(e);
                    poi.set(e[0], e[1], e[2], e[3]);
                }
            }
            Path json = tmp.resolve(unit + ".json");
            Files.writeString(json, "{\"t.xlsx\": [" + String.join(",", entries.stream().map(e ->
                    "[\"" + String.join("\",\"", e) + "\"]").toList()) + "]}", StandardCharsets.UTF_8);
            openpyxl(json, in, out);
            byte[] saved = Files.readAllBytes(out.resolve("t.xlsx"));
            String sheet = Zips.text(saved, "xl/worksheets/sheet1.xml") + Zips.text(saved, "xl/worksheets/sheet2.xml");
            assertTrue(sheet.contains("<f>"), "openpyxl kept the formulas");
            assertFalse(sheet.matches("(?s).*</f><v>[^<]+</v>.*"), "and saved no cached result for any of them");

            MapContext ctx = new MapContext();
            IngestResult byScript = Ingest.run(out.resolve("t.xlsx"), ctx);
            IngestResult byPoi = Ingest.run(poi.write(tmp.resolve(unit + "-poi.xlsx")), ctx);
            assertEquals(List.of(), byScript.errors().stream().map(Finding::message).toList(), unit);
            assertEquals(Outcome.ACCEPTED, byPoi.outcome(), unit);
            assertEquals(byPoi.facts(), byScript.facts(), unit);
            assertEquals(byPoi.outcome(), byScript.outcome(), unit);
            assertTrue(byScript.facts().size() > 20, unit + ": the recomputed sums are there too");
        }
    }

    /** A consistent filling of every sheet a template may have (FilledTemplate.valid's, two amounts changed). */
    static final String[][] ENTRIES = {
        {"Resultat", "INT_AVGIFTER", "UTFALL", "12500"}, {"Resultat", "INT_AVGIFTER", "BUDGET_PERIOD", "11800"},
        {"Resultat", "INT_AVGIFTER", "BUDGET_AR", "18000"}, {"Resultat", "INT_AVGIFTER", "PROGNOS", "18100"},
        {"Resultat", "KOST_LON", "UTFALL", "-80100.5"}, {"Resultat", "KOST_LON", "BUDGET_PERIOD", "-79500"},
        {"Resultat", "KOST_LON", "BUDGET_AR", "-120000"}, {"Resultat", "KOST_LON", "PROGNOS", "-120400"},
        {"Resultat", "KOST_LAKEMEDEL", "UTFALL", "-9000"}, {"Resultat", "KOST_LAKEMEDEL", "BUDGET_PERIOD", "-9100"},
        {"Resultat", "KOST_LAKEMEDEL", "BUDGET_AR", "-13500"}, {"Resultat", "KOST_LAKEMEDEL", "PROGNOS", "-13450"},
        {"Finansiering", "SKATT", "UTFALL", "9000000"}, {"Finansiering", "SKATT", "BUDGET_PERIOD", "8999500"},
        {"Finansiering", "SKATT", "BUDGET_AR", "13500000"}, {"Finansiering", "SKATT", "PROGNOS", "13500400"},
        {"Balans", "BR_MARK", "UB", "5000000"}, {"Balans", "BR_KASSA", "UB", "1500000.25"},
        {"Balans", "BR_EK_ING", "UB", "3000000"}, {"Balans", "BR_EK_ARETS", "UB", "250000"},
        {"Balans", "BR_AVS_PENS", "UB", "1200000"}, {"Balans", "BR_SKULD_KORT", "UB", "2050000.25"},
    };

    /** Runs scripts/openpyxl-fill.py with Debian's Python, where openpyxl is installed. */
    static void openpyxl(Path entries, Path in, Path out) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", Path.of("scripts/openpyxl-fill.py").toAbsolutePath()
                .toString(), entries.toString(), in.toString(), out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "openpyxl finished");
        assertEquals(0, p.exitValue(), "openpyxl-fill.py failed:\n" + log);
    }
}
