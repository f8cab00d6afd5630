package se.tertial.ingest;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.tertial.money.Amount;
import se.tertial.spec.ColumnCode;
import se.tertial.spec.FactKey;
import se.tertial.spec.Finding;
import se.tertial.spec.LineCode;
import se.tertial.spec.Severity;
import se.tertial.spec.SpecCatalog;
import se.tertial.spec.SpecLoader;
import se.tertial.spec.TemplateId;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestSpecs;
import se.tertial.workbook.Prefill;
import se.tertial.workbook.WorkbookFormat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ingest pipeline on real workbook files, with an in-memory context. */
class IngestTest {
    @TempDir
    Path tmp;
    final MapContext ctx = new MapContext();

    private IngestResult ingest(FilledTemplate t) {
        return Ingest.run(t.write(tmp.resolve("upload.bin")), ctx);
    }

    private IngestResult ingest(byte[] bytes) throws Exception {
        Path f = tmp.resolve("upload.bin");
        Files.write(f, bytes);
        return Ingest.run(f, ctx);
    }

    @Test
    void acceptsAValidWorkbookAndRecomputesEveryFact() {
        IngestResult r = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid()
                .setText("Resultat", "KOST_LON", "KOMMENTAR", "  Avtalsrörelsen blev dyrare.  "));
        assertEquals(List.of(), r.findings());
        assertEquals(Outcome.ACCEPTED, r.outcome());
        assertEquals("FS-MED", r.identity().orElseThrow().unit().value());
        assertEquals(Amount.ofTkr("-80000.5"), fact(r, "KOST_LON", "UTFALL"));
        assertEquals(Amount.ofTkr("-77000.5"), fact(r, "SUM_VNK", "UTFALL"));
        assertEquals(Amount.ofTkr("-200.5"), fact(r, "SUM_VNK", "AVV_PERIOD"));
        assertEquals(Amount.ofTkr("-115700"), fact(r, "SUM_VNK", "PROGNOS"));
        assertEquals(Amount.ofTkr("0"), fact(r, "KOST_INHYRD", "UTFALL"), "a blank cell in a filled column is 0");
        assertFalse(r.facts().containsKey(key("KOST_LON", "UTFALL_FG")), "nothing entered: absent, not 0");
        assertEquals("Avtalsrörelsen blev dyrare.", r.comments().get(TemplateId.of("resultat")).get(LineCode.of("KOST_LON")));
    }

    @Test
    void acceptsTheLegacyXlsFormat() {
        IngestResult r = ingest(FilledTemplate.of("RSO-FINANS", "2022-T2", WorkbookFormat.XLS).valid());
        assertEquals(List.of(), r.findings());
        assertEquals(Amount.ofTkr("9000000"),
                r.facts().get(new FactKey(TemplateId.of("finansiering"), LineCode.of("SKATT"), ColumnCode.of("UTFALL"))));
        assertEquals(Amount.ofTkr("6500000.25"),
                r.facts().get(new FactKey(TemplateId.of("balans"), LineCode.of("SUM_TILLG"), ColumnCode.of("UB"))));
    }

    @Test
    void readsAWorkbookWithTheTemplateVersionItWasMadeFrom() throws Exception {
        Path specs = TestSpecs.copyTo(tmp);
        Files.copy(specs.resolve("resultat.v1.json"), specs.resolve("resultat.v2.json"));
        TestSpecs.edit(specs, "resultat.v2.json", root -> {
            root.put("version", 2);
            var lines = root.withArray("lines");
            var extra = lines.addObject();
            extra.put("code", "KOST_NY").put("label", "Ny kostnad").put("kind", "input").put("sign", "-");
            var first = lines.remove(lines.size() - 1);
            lines.insert(0, first);
        });
        SpecCatalog withV2 = SpecLoader.load(specs);
        assertEquals(2, withV2.current(TemplateId.of("resultat")).version());
        ctx.catalog = withV2;
        // Made from v1 (as the old catalog did): rows are where v1 puts them, which v2 would call moved.
        IngestResult r = ingest(FilledTemplate.of(TestSpecs.catalog(), "FS-KIR", "2022-T2", WorkbookFormat.XLSX,
                Prefill.none()).valid());
        assertEquals(List.of(), r.findings());
        assertEquals(1, r.identity().orElseThrow().templates().get(0).version());
        // And a v2 workbook is read with v2.
        IngestResult r2 = ingest(FilledTemplate.of(withV2, "FS-KIR", "2022-T2", WorkbookFormat.XLSX, Prefill.none())
                .valid().set("Resultat", "KOST_NY", "UTFALL", "-3"));
        assertEquals(List.of(), r2.findings());
        assertEquals(Amount.ofTkr("-3"), r2.facts().get(key("KOST_NY", "UTFALL")));
    }

    @Test
    void rejectsAWorkbookThatIsNotATertialTemplate() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Resultat").createRow(0).createCell(0).setCellValue("Budgetuppföljning");
            IngestResult r = ingest(Sheets.bytes(wb));
            assertEquals(List.of(Rules.NOT_TERTIAL), rules(r));
            assertTrue(r.identity().isEmpty());
        }
    }

    @Test
    void rejectsUnknownUnitPeriodTemplateVersionAndLockedPeriod() {
        assertEquals(List.of(Rules.UNKNOWN_UNIT), rules(ingest(withMeta("unit", "FS-OKAND"))));
        assertEquals(List.of(Rules.UNKNOWN_PERIOD), rules(ingest(withMeta("period", "2019-T2"))));
        assertEquals(List.of(Rules.UNKNOWN_TEMPLATE_VERSION), rules(ingest(withMeta("template.resultat.version", "9"))));
        assertEquals(List.of(Rules.PERIOD_LOCKED), rules(ingest(withMeta("period", "2022-T1"))));
        IngestResult broken = ingest(withMeta("period", "2022-T9"));
        assertEquals(List.of(Rules.NOT_TERTIAL), rules(broken));
    }

    @Test
    void rejectsAnUploaderWhoMayNotUploadForTheUnit() {
        ctx.denied.add("FS-MED");
        IngestResult r = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid());
        assertEquals(List.of(Rules.UNIT_NOT_ALLOWED), rules(r));
        assertTrue(r.isForbidden());
    }

    @Test
    void rejectsRenamedMovedAndDeletedLinesAtTheirCells() {
        IngestResult renamed = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid()
                .with(wb -> wb.getSheet("Resultat").getRow(8).getCell(0).setCellValue("KOST_LÖN")));
        assertEquals(List.of("structure_line@A9"), located(renamed));
        assertTrue(renamed.findings().get(0).message().contains("Radkoden KOST_LON saknas (cellen innehåller \"KOST_LÖN\")"));
        IngestResult swapped = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid().with(wb -> {
            Sheet s = wb.getSheet("Resultat");
            s.getRow(9).getCell(0).setCellValue("KOST_PERS_OVR");
            s.getRow(10).getCell(0).setCellValue("KOST_INHYRD");
        }));
        assertEquals(List.of("structure_line@A10", "structure_line@A11"), located(swapped));
        assertTrue(swapped.findings().get(0).message().contains("har flyttats (koden står nu i A11)"));
        IngestResult deleted = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid()
                .with(wb -> wb.getSheet("Resultat").shiftRows(4, 30, -1)));
        assertTrue(located(deleted).contains("structure_line@A4"), located(deleted).toString());
        assertTrue(deleted.facts().isEmpty(), "no values are read from a sheet with an altered structure");
    }

    @Test
    void rejectsARenamedOrMovedColumnAndAMissingSheet() {
        IngestResult renamed = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid()
                .with(wb -> wb.getSheet("Resultat").getRow(0).getCell(3).setCellValue("BUDGET")));
        assertEquals(List.of("structure_column@D1"), located(renamed));
        IngestResult sheet = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid()
                .with(wb -> wb.setSheetName(1, "Resultat 2022")));
        assertEquals(List.of(Rules.SHEET_MISSING), rules(sheet));
        assertEquals("Resultat", sheet.findings().get(0).sheet());
    }

    @Test
    void rejectsTextThatIsNoNumberAndAmountsFinerThanAKrona() {
        IngestResult r = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid()
                .setText("Resultat", "KOST_LOKAL", "UTFALL", "ca 300")
                .set("Resultat", "KOST_OVRIGA", "PROGNOS", "-1.2345"));
        assertEquals(List.of("not_a_number@C14", "too_many_decimals@G16"), located(r));
        Finding f = r.findings().get(0);
        assertEquals("KOST_LOKAL", f.line());
        assertEquals("UTFALL", f.column());
        assertEquals("Resultat", f.sheet());
        assertEquals("Blad Resultat, cell C14 (rad Lokalhyror och fastighetskostnader (KOST_LOKAL), kolumn Utfall "
                + "jan–aug 2022): Cellen ska innehålla ett belopp i tkr men innehåller \"ca 300\".", f.message());
        assertEquals(Outcome.REJECTED, r.outcome());
        assertTrue(r.facts().isEmpty());
    }

    @Test
    void readsSwedishNumberTextWithAWarning() {
        IngestResult r = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid()
                .setText("Resultat", "KOST_LOKAL", "UTFALL", "−1\u00a0234,5")
                .setText("Resultat", "KOST_OVRIGA", "UTFALL", " -12 ")
                .setText("Resultat", "KOST_INHYRD", "UTFALL", "-12 345")
                .setText("Resultat", "KOST_LOKAL", "KOMMENTAR", "Ny hyra.")
                .setText("Resultat", "KOST_INHYRD", "KOMMENTAR", "Hyrläkare under sommaren."));
        assertEquals(List.of("number_as_text@C10", "number_as_text@C14", "number_as_text@C16"),
                located(r).stream().sorted().toList());
        assertEquals(Outcome.ACCEPTED_WITH_WARNINGS, r.outcome());
        assertEquals(Amount.ofTkr("-1234.5"), fact(r, "KOST_LOKAL", "UTFALL"));
        assertEquals(Amount.ofTkr("-12345"), fact(r, "KOST_INHYRD", "UTFALL"));
    }

    @Test
    void rejectsASumOrDeviationReplacedByAnotherValueAndWarnsWhenTheValueIsTheSame() {
        IngestResult r = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid()
                .set("Resultat", "SUM_INT", "UTFALL", "99")
                .set("Resultat", "KOST_LON", "AVV_PERIOD", "-500.5"));
        assertEquals(List.of("formula_replaced@C8", "formula_replaced@E9"), located(r));
        assertEquals(Severity.ERROR, r.findings().get(0).severity());
        assertTrue(r.findings().get(0).message().contains(
                "Formeln =IF(COUNT(C3:C7)=0,\"\",SUM(C3:C7)) har ersatts med 99"), // the cell's real formula
                r.findings().get(0).message());
        assertEquals(Severity.WARNING, r.findings().get(1).severity(), "same value: a warning");
    }

    @Test
    void keepsAnIntactFormulaWhateverItsCachedValue() {
        // A script (openpyxl) keeps formulas but stores no results; LibreOffice may store stale ones.
        IngestResult r = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid().with(wb -> {
            var cell = wb.getSheet("Resultat").getRow(19).getCell(2);
            assertEquals("IF(COUNT(C8,C18:C19)=0,\"\",SUM(C8,C18:C19))", cell.getCellFormula());
        }));
        assertEquals(List.of(), r.findings());
        assertEquals(Amount.ofTkr("-77000.5"), fact(r, "SUM_VNK", "UTFALL"));
    }

    @Test
    void demandsCommentsAndABalancedBalanceSheet() {
        IngestResult r = ingest(FilledTemplate.of("RSO-FINANS", "2022-T2").valid()
                .set("Finansiering", "GSB_INKUTJ", "UTFALL", "2500").set("Finansiering", "GSB_INKUTJ", "BUDGET_PERIOD", "1000")
                .set("Balans", "BR_KASSA", "UB", "1500003"));
        assertEquals(List.of("comment_missing@K4", "balance@C23"), located(r));
        assertTrue(r.findings().get(1).message().contains("skillnad 2,75 tkr"), r.findings().get(1).message());
    }

    @Test
    void warnsAboutSignsAndTenfoldChanges() {
        ctx.facts.put("FS-MED/2021-T2", Map.of(key("KOST_LAKEMEDEL", "UTFALL"), Amount.ofTkr("-800")));
        IngestResult r = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid()
                .set("Resultat", "INT_OVRIGA", "UTFALL", "-40"));
        assertEquals(List.of("sign@C6", "tenfold_change@C13"), located(r));
        assertEquals(Outcome.ACCEPTED_WITH_WARNINGS, r.outcome());
        assertFalse(r.facts().isEmpty(), "warnings do not stop the facts");
    }

    @Test
    void rejectsBudgetCellsThatDifferFromTheLoadedBudget() {
        ctx.budgets.put("FS-MED/2022-T2", Map.of(key("KOST_LON", "BUDGET_PERIOD"), Amount.ofTkr("-79500"),
                key("KOST_LON", "BUDGET_AR"), Amount.ofTkr("-120000"), key("INT_AVGIFTER", "BUDGET_PERIOD"),
                Amount.ofTkr("11800"), key("INT_AVGIFTER", "BUDGET_AR"), Amount.ofTkr("18000"),
                key("KOST_LAKEMEDEL", "BUDGET_PERIOD"), Amount.ofTkr("-9100"),
                key("KOST_LAKEMEDEL", "BUDGET_AR"), Amount.ofTkr("-13000")));
        IngestResult r = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid());
        assertEquals(List.of("budget_mismatch@F13"), located(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"truncated", "text", "xlsm", "empty", "garbage-ole2"})
    void refusesFilesThatAreNotReadableWorkbooksWithASwedishMessage(String kind) throws Exception {
        byte[] valid = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
        byte[] bytes = switch (kind) {
            case "truncated" -> Arrays.copyOf(valid, valid.length / 2);
            case "text" -> "Utfall;Budget\n100;200\n".getBytes();
            case "xlsm" -> se.tertial.testkit.Zips.withEntry(valid, "xl/vbaProject.bin", new byte[] {1, 2, 3});
            case "empty" -> new byte[0];
            default -> garbageOle2();
        };
        IngestResult r = ingest(bytes);
        String expected = switch (kind) {
            case "xlsm" -> Rules.MACROS;
            case "text", "empty" -> Rules.NOT_A_WORKBOOK;
            default -> Rules.UNREADABLE;
        };
        assertEquals(List.of(expected), rules(r));
        assertTrue(r.findings().get(0).message().matches("^(Filen|Arbetsboken) .*"), r.findings().get(0).message());
    }

    private static byte[] garbageOle2() {
        byte[] b = new byte[4096];
        new java.util.Random(7).nextBytes(b);
        System.arraycopy(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1}, 0, b, 0, 8);
        return b;
    }


    private static FilledTemplate withMeta(String key, String value) {
        return FilledTemplate.of("FS-MED", "2022-T2").valid().with(wb -> setMeta(wb, key, value));
    }

    static void setMeta(Workbook wb, String key, String value) {
        for (Row row : wb.getSheet("_tertial")) {
            if (row.getCell(0).getStringCellValue().equals(key)) {
                row.getCell(1).setCellValue(value);
                return;
            }
        }
        throw new AssertionError("no metadata key " + key);
    }

    private static Amount fact(IngestResult r, String line, String column) {
        Amount a = r.facts().get(key(line, column));
        if (a == null) {
            throw new AssertionError("no fact " + line + "/" + column);
        }
        return a;
    }

    private static FactKey key(String line, String column) {
        return new FactKey(TemplateId.of("resultat"), LineCode.of(line), ColumnCode.of(column));
    }

    private static List<String> rules(IngestResult r) {
        return r.findings().stream().map(Finding::rule).toList();
    }

    private static List<String> located(IngestResult r) {
        return r.findings().stream().map(f -> f.rule() + "@" + f.cell()).toList();
    }

    @Test
    void aCellThatIsNotANumberCausesNoSecondInventedFinding() {
        // KOST_LOKAL with a budget of 50 000 tkr: read as 0, its "deviation" would demand a comment.
        IngestResult r = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid()
                .set("Resultat", "KOST_LOKAL", "BUDGET_PERIOD", "-50000").set("Resultat", "KOST_LOKAL", "BUDGET_AR",
                        "-75000").set("Resultat", "KOST_LOKAL", "PROGNOS", "-75000")
                .setText("Resultat", "KOST_LOKAL", "UTFALL", "ca 300"));
        assertEquals(List.of("not_a_number"), r.findings().stream().filter(Finding::isError).map(Finding::rule)
                .toList(), r.findings().toString());
        // The same line with a readable outcome does demand the comment: the rule itself still works.
        IngestResult readable = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid()
                .set("Resultat", "KOST_LOKAL", "BUDGET_PERIOD", "-50000").set("Resultat", "KOST_LOKAL", "BUDGET_AR",
                        "-75000").set("Resultat", "KOST_LOKAL", "PROGNOS", "-75000")
                .set("Resultat", "KOST_LOKAL", "UTFALL", "0"));
        assertTrue(readable.findings().stream().anyMatch(f -> f.rule().equals("comment_missing")));
    }

    @Test
    void aWorkbookWithTheEarlierPlainFormulasIsStillIntact() {
        // Templates written before the blank-aware formulas hold C3-D3 and SUM(C3:C7): still tertial's formulas.
        IngestResult r = ingest(FilledTemplate.of("FS-MED", "2022-T2").valid().with(wb -> {
            var s = wb.getSheet("Resultat");
            int row = se.tertial.testkit.Sheets.rowOfLine(s, "INT_AVGIFTER");
            s.getRow(row).getCell(se.tertial.testkit.Sheets.colOfColumn(s, "AVV_PERIOD"))
                    .setCellFormula("C" + (row + 1) + "-D" + (row + 1));
            s.getRow(se.tertial.testkit.Sheets.rowOfLine(s, "SUM_INT"))
                    .getCell(se.tertial.testkit.Sheets.colOfColumn(s, "UTFALL")).setCellFormula("SUM(C3:C7)");
        }));
        assertEquals(List.of(), r.findings());
    }
}
