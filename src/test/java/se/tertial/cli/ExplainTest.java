package se.tertial.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.Samples;
import se.tertial.testkit.TestSpecs;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bulk-load --explain FILE} (#12 item 2): for a shared sample it names the mapping that fits and why the other
 * does not, the cells where it found the unit, the period, the headings and every label, and the facts it would
 * store; nothing is stored.
 */
class ExplainTest {
    @TempDir
    Path tmp;

    @Test
    void namesTheAnchorsCellsAndTheFactsOfASample() {
        Path sample = Samples.legacy().resolve("2019-T3 Budgetuppföljning Medicinsk vård.xlsx");
        String out = run("bulk-load", "--templates", TestSpecs.DIR.toString(), "--data", tmp.resolve("data").toString(),
                "--explain", sample.toString());
        for (String expected : new String[] {
                "Mappning forvaltning-budgetuppfoljning (legacy/forvaltning-budgetuppfoljning.json): passar",
                "Mappning vo-resultat-mnkr (legacy/vo-resultat-mnkr.json): passar inte:",
                "blad: \"Ekonomi\"",
                "enhet: \"Medicinsk vård\" i A2 → FS-MED",
                "period: \"jan–dec 2019\" i A3 → 2019-T3",
                "rubrikrad 5: B5 \"Budget 2019 (tkr)\" → BUDGET_AR; C5 \"Utfall jan–dec 2019 (tkr)\" → UTFALL; "
                        + "D5 \"Budgetavvikelse (tkr)\" → hoppas över",
                "etikettkolumn A",
                "A7 \"Lön och arbetsgivaravgifter\" → KOST_LON",
                "A12 \"Summa\" → summa (kontrolleras)",
                "Resultat: tas emot (FS-MED 2019-T3, mappning forvaltning-budgetuppfoljning)",
                "resultat KOST_LON UTFALL = -96470",
                "resultat INT_OVRIGA BUDGET_AR = 26621"}) {
            assertTrue(out.contains(expected), "missing \"" + expected + "\" in:\n" + out);
        }
        String ftv = run("bulk-load", "--templates", TestSpecs.DIR.toString(), "--data", tmp.resolve("data").toString(),
                "--explain", Samples.legacy().resolve("FS-FTV_2021-T2.xlsx").toString());
        assertTrue(ftv.contains("enhet: \"FS-FTV\" i filnamnet → FS-FTV") && ftv.contains("period: \"2021-T2\" i filnamnet"),
                ftv);
    }

    private static String run(String... args) {
        return CliOutput.run(args);
    }
}
