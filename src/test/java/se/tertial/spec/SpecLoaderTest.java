package se.tertial.spec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.TestSpecs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpecLoaderTest {
    @TempDir
    Path tmp;

    @Test
    @DisplayName("the shipped example organisation has all 20 units, the nämnder in report order and their groups")
    void loadsShippedOrganisation() {
        SpecCatalog catalog = TestSpecs.catalog();
        Organisation org = catalog.organisation();
        assertEquals(List.of("FS", "ANA", "TIM", "RS", "RSÖ", "RF"),
                org.namnder().stream().map(n -> n.code().value()).toList());
        assertEquals(20, org.units().size());
        assertEquals(7, org.unitsOf(NamndCode.of("FS")).size());
        Unit priv = org.unit("FS-PRIV").orElseThrow();
        assertEquals("centralt", priv.group().orElseThrow());
        assertEquals("verksamhetsområden", org.unit("FS-MED").orElseThrow().group().orElseThrow());
        assertTrue(org.unit("RF").orElseThrow().group().isEmpty());
        Unit finans = org.unit("RSO-FINANS").orElseThrow();
        assertEquals(List.of(TemplateId.of("finansiering"), TemplateId.of("balans")), finans.templates());
        assertEquals(List.of("Finansiering", "Balans"),
                catalog.currentFor(finans).stream().map(TemplateSpec::sheet).toList());
    }

    @Test
    @DisplayName("the resultat spec has the lines, sums, signs and columns of domain.md §4")
    void resultatSpecMatchesDomain() {
        TemplateSpec r = TestSpecs.catalog().current(TemplateId.of("resultat"));
        assertEquals(1, r.version());
        assertEquals("Resultat", r.sheet());
        assertEquals(18, r.lines().size());
        LineSpec sumVnk = r.line(LineCode.of("SUM_VNK")).orElseThrow();
        assertEquals(LineKind.SUM, sumVnk.kind());
        assertEquals(List.of("SUM_INT", "SUM_KOST", "AVSKR"),
                sumVnk.sum().stream().map(t -> t.code().value()).toList());
        assertTrue(r.line(LineCode.of("KOST_INTERNA")).orElseThrow().internal());
        assertEquals(Sign.MINUS, r.line(LineCode.of("KOST_LON")).orElseThrow().sign());
        assertEquals(Sign.PLUS, r.line(LineCode.of("INT_AVGIFTER")).orElseThrow().sign());
        assertEquals(List.of("UTFALL", "BUDGET_PERIOD", "AVV_PERIOD", "BUDGET_AR", "PROGNOS", "AVV_PROGNOS",
                "UTFALL_FG", "BOKSLUT_FG", "KOMMENTAR"), r.columns().stream().map(c -> c.code().value()).toList());
        ColumnSpec avv = r.column(ColumnCode.of("AVV_PERIOD")).orElseThrow();
        assertEquals(List.of(new Term<>(ColumnCode.of("UTFALL"), false), new Term<>(ColumnCode.of("BUDGET_PERIOD"), true)),
                avv.formula());
        assertEquals(64, r.sha256().length());
        TemplateSpec b = TestSpecs.catalog().current(TemplateId.of("balans"));
        assertEquals(LineKind.MEMO, b.line(LineCode.of("BR_PANT")).orElseThrow().kind());
        assertEquals(LineCode.of("SUM_TILLG"), b.balance().orElseThrow().assets());
    }

    @Test
    void rejectsSumOverUnknownLine() {
        assertProblem("resultat.v1.json", root -> line(root, "SUM_INT").withArray("sum").add("INT_OKAND"),
                "workbook-templates/resultat.v1.json: lines.SUM_INT.sum: hänvisar till rad \"INT_OKAND\"");
    }

    @Test
    void rejectsDuplicateLineCode() {
        assertProblem("balans.v1.json", root -> ((ObjectNode) root.withArray("lines").get(1)).put("code", "BR_IMMAT"),
                "workbook-templates/balans.v1.json: lines.BR_IMMAT: radkod \"BR_IMMAT\" förekommer mer än en gång");
    }

    @Test
    void rejectsDuplicateColumnCode() {
        assertProblem("resultat.v1.json", root -> ((ObjectNode) root.withArray("columns").get(3)).put("code", "UTFALL"),
                "workbook-templates/resultat.v1.json: columns.UTFALL: kolumnkod \"UTFALL\" förekommer mer än en gång");
    }

    @Test
    void rejectsUnitWithUnknownTemplate() {
        assertProblem("organisation.json", root -> unit(root, "FS-KIR").putArray("templates").add("resultatt"),
                "workbook-templates/organisation.json: units.FS-KIR.templates: hänvisar till mall \"resultatt\"");
    }

    @Test
    void rejectsUnitWithUnknownNamnd() {
        assertProblem("organisation.json", root -> unit(root, "TIM-LT").put("namnd", "TIMM"),
                "workbook-templates/organisation.json: units.TIM-LT.namnd: hänvisar till nämnd \"TIMM\"");
    }

    @Test
    void rejectsDuplicateUnitCode() {
        assertProblem("organisation.json", root -> unit(root, "RS-IT").put("code", "RS-RLK"),
                "workbook-templates/organisation.json: units.RS-RLK: enhetskod \"RS-RLK\" förekommer mer än en gång");
    }

    @Test
    void rejectsFormulaOverUnknownColumn() {
        assertProblem("resultat.v1.json",
                root -> ((ObjectNode) root.withArray("columns").get(2)).put("formula", "UTFALL - BUDGET"),
                "workbook-templates/resultat.v1.json: columns.AVV_PERIOD.formula: hänvisar till kolumn \"BUDGET\"");
    }

    @Test
    void rejectsSumCycle() {
        assertProblem("balans.v1.json", root -> line(root, "SUM_ANL").withArray("sum").add("SUM_TILLG"),
                "workbook-templates/balans.v1.json: lines.SUM_ANL.sum: summan \"SUM_ANL\" ingår i sig själv");
    }

    @Test
    void rejectsUnknownPropertyWithItsPath() {
        assertProblem("resultat.v1.json", root -> line(root, "AVSKR").put("sing", "-"),
                "workbook-templates/resultat.v1.json: vid lines[16].sing: ogiltig JSON");
    }

    @Test
    void rejectsUnknownKind() {
        assertProblem("finansiering.v1.json", root -> line(root, "SKATT").put("kind", "inmatning"),
                "workbook-templates/finansiering.v1.json: lines.SKATT.kind: ogiltigt värde \"inmatning\"; "
                        + "tillåtna värden: input, sum, memo");
    }

    @Test
    void rejectsAReportSpecNamingAnUnknownLine() {
        assertProblem("report.json", root -> ((ObjectNode) root.with("resultatrakning").withArray("rows").get(0))
                        .withArray("lines").add("INT_SAKNAS"),
                "workbook-templates/report.json: resultatrakning.rows.VERK_INT.lines: hänvisar till rad \"INT_SAKNAS\"");
        assertProblem("report.json", root -> root.with("balansrakning").put("assets", "SUM_TILLGANGAR"),
                "workbook-templates/report.json: balansrakning.assets: hänvisar till rad \"SUM_TILLGANGAR\"");
    }

    @Test
    void rejectsFileNamedForAnotherVersion() throws IOException {
        Path dir = TestSpecs.copyTo(tmp);
        Files.move(dir.resolve("balans.v1.json"), dir.resolve("balans.v2.json"));
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(dir));
        assertContains(e, "workbook-templates/balans.v2.json: id/version: filnamnet stämmer inte");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Path dir = TestSpecs.copyTo(tmp);
        TestSpecs.edit(dir, "organisation.json", root -> {
            unit(root, "TIM-LT").put("namnd", "TIMM");
            unit(root, "FS-KIR").putArray("templates").add("okand");
        });
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(dir));
        assertEquals(2, e.problems().size(), e.getMessage());
    }

    @Test
    void keepsEveryVersionAndGeneratesFromTheLatest() throws IOException {
        Path dir = TestSpecs.copyTo(tmp);
        Files.copy(dir.resolve("resultat.v1.json"), dir.resolve("resultat.v2.json"));
        TestSpecs.edit(dir, "resultat.v2.json", root -> root.put("version", 2));
        SpecCatalog catalog = SpecLoader.load(dir);
        assertEquals(2, catalog.current(TemplateId.of("resultat")).version());
        assertTrue(catalog.version(TemplateId.of("resultat"), 1).isPresent());
        assertFalse(catalog.version(TemplateId.of("resultat"), 3).isPresent());
    }

    @Test
    void failsClearlyWhenTheDirectoryIsMissing() {
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(tmp.resolve("saknas")));
        assertContains(e, "Hittar inte mappen med mallar");
    }

    private void assertProblem(String file, Consumer<ObjectNode> change, String expected) {
        Path dir = TestSpecs.copyTo(tmp.resolve(Long.toString(System.nanoTime())));
        TestSpecs.edit(dir, file, change);
        SpecException e = assertThrows(SpecException.class, () -> SpecLoader.load(dir));
        assertContains(e, expected);
    }

    private static void assertContains(SpecException e, String expected) {
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith(expected)),
                () -> "expected a problem starting with\n  " + expected + "\nbut got\n  " + e.getMessage());
    }

    private static ObjectNode line(ObjectNode root, String code) {
        return find(root.withArray("lines"), code);
    }

    private static ObjectNode unit(ObjectNode root, String code) {
        return find(root.withArray("units"), code);
    }

    private static ObjectNode find(ArrayNode array, String code) {
        for (var node : array) {
            if (node.get("code").asText().equals(code)) {
                return (ObjectNode) node;
            }
        }
        throw new AssertionError("no entry " + code);
    }
}
