package se.tertial.ingest;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.spec.Finding;
import se.tertial.spec.PeriodCode;
import se.tertial.spec.SpecException;
import se.tertial.spec.SpecLoader;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestSpecs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LegacyMappingTest {
    @TempDir
    Path tmp;

    @Test
    void warnsWhenTheWorkbooksOwnTotalSkippedNumbersStoredAsText() {
        MapContext ctx = new MapContext();
        ctx.periods.put(PeriodCode.parse("2021-T3"), false);
        IngestResult r = Ingest.run(LegacySamplesTest.SAMPLES.resolve("ANA-UK_2021-T3.xls"), "ANA-UK_2021-T3.xls", ctx);
        List<Finding> totals = r.findings().stream().filter(f -> f.rule().equals(Rules.LEGACY_TOTAL)).toList();
        assertEquals(List.of("B10", "C10"), totals.stream().map(Finding::cell).toList());
        assertTrue(totals.get(0).message().contains("hoppar över: B7"), totals.get(0).message());
    }

    @Test
    void reportsAWorkbookThatMatchesNoMappingAndOneThatMatchesTwo() throws Exception {
        MapContext ctx = new MapContext();
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Blad1").createRow(0).createCell(0).setCellValue("Något helt annat");
            Path f = tmp.resolve("x.xlsx");
            Files.write(f, Sheets.bytes(wb));
            IngestResult r = Ingest.run(f, "x.xlsx", ctx);
            assertEquals(List.of(Rules.NOT_TERTIAL), r.findings().stream().map(Finding::rule).toList());
            assertTrue(r.findings().get(0).message().contains("varken en tertial-mall"));
        }
        Path specs = TestSpecs.copyTo(tmp.resolve("specs"));
        Files.createDirectories(specs.resolve("legacy"));
        Files.copy(TestSpecs.DIR.resolve("legacy/vo-resultat-mnkr.json"), specs.resolve("legacy/a.json"));
        Files.copy(TestSpecs.DIR.resolve("legacy/vo-resultat-mnkr.json"), specs.resolve("legacy/b.json"));
        TestSpecs.edit(specs, "legacy/b.json", root -> root.put("name", "vo-resultat-kopia"));
        ctx.catalog = SpecLoader.load(specs);
        ctx.periods.put(PeriodCode.parse("2021-T2"), false);
        IngestResult r = Ingest.run(LegacySamplesTest.SAMPLES.resolve("FS-FTV_2021-T2.xlsx"), "FS-FTV_2021-T2.xlsx", ctx);
        assertEquals(List.of(Rules.LEGACY_AMBIGUOUS), r.findings().stream().map(Finding::rule).toList());
    }

    @Test
    void aMappingNamingAnUnknownLineStopsStartUp() throws Exception {
        Path specs = TestSpecs.copyTo(tmp);
        Files.createDirectories(specs.resolve("legacy"));
        Files.copy(TestSpecs.DIR.resolve("legacy/vo-resultat-mnkr.json"), specs.resolve("legacy/vo.json"));
        TestSpecs.edit(specs, "legacy/vo.json", root -> ((com.fasterxml.jackson.databind.node.ObjectNode)
                root.withArray("lines").get(0)).put("line", "INT_OKAND"));
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(specs));
        assertTrue(e.getMessage().contains("workbook-templates/legacy/vo.json: lines.INT_OKAND: hänvisar till rad"),
                e.getMessage());
    }
}
