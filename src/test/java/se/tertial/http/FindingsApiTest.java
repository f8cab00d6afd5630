package se.tertial.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;
import se.tertial.workbook.Annotator;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rejection and warning over HTTP with its exact cell, and the annotated workbook read back. */
class FindingsApiTest {
    @TempDir
    Path tmp;
    TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer(tmp);
        server.createPeriod("2022-T2");
        server.createPeriod("2021-T2");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                rejects("FS-MED", "not_a_number@Resultat!C14", t -> t.setText("Resultat", "KOST_LOKAL", "UTFALL", "ca 3")),
                rejects("FS-MED", "too_many_decimals@Resultat!G16", t -> t.set("Resultat", "KOST_OVRIGA", "PROGNOS", "-1.0001")),
                rejects("FS-MED", "formula_replaced@Resultat!C8", t -> t.set("Resultat", "SUM_INT", "UTFALL", "5")),
                rejects("FS-MED", "formula_replaced@Resultat!H20", t -> t.setText("Resultat", "SUM_VNK", "AVV_PROGNOS", "0")),
                rejects("FS-MED", "comment_missing@Resultat!K3", t -> t.set("Resultat", "INT_AVGIFTER", "UTFALL", "13000")),
                rejects("FS-MED", "structure_line@Resultat!A9", t -> t.with(wb -> wb.getSheet("Resultat").getRow(8)
                        .getCell(0).setCellValue("LON"))),
                rejects("FS-MED", "structure_column@Resultat!F1", t -> t.with(wb -> wb.getSheet("Resultat").getRow(0)
                        .getCell(5).setCellValue("AR"))),
                rejects("FS-MED", "structure_sheet_missing@Resultat!", t -> t.with(wb -> wb.setSheetName(1, "Blad1"))),
                rejects("RSO-FINANS", "balance@Balans!C23", t -> t.set("Balans", "BR_KASSA", "UB", "1")),
                rejects("FS-MED", "unknown_unit@!", t -> t.with(wb -> meta(wb, "unit", "FS-NY"))),
                rejects("FS-MED", "unknown_period@!", t -> t.with(wb -> meta(wb, "period", "2023-T2"))),
                rejects("FS-MED", "unknown_template_version@!", t -> t.with(wb -> meta(wb, "template.resultat.version", "7"))),
                rejects("FS-MED", "not_tertial_workbook@!", t -> t.with(wb -> wb.removeSheetAt(wb.getSheetIndex("_tertial")))));
    }

    private static Arguments rejects(String unit, String expected, UnaryOperator<FilledTemplate> change) {
        return Arguments.of(unit, expected, change);
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("rejections")
    void rejectsWithTheRuleAtItsExactCell(String unit, String expected, UnaryOperator<FilledTemplate> change) {
        HttpResponse<byte[]> r = server.upload(server.admin, change.apply(FilledTemplate.of(unit, "2022-T2").valid())
                .bytes());
        assertEquals(422, r.statusCode(), new String(r.body()));
        JsonNode errors = TestServer.json(r).get("errors");
        assertEquals(1, errors.size(), errors.toString());
        JsonNode e = errors.get(0);
        assertEquals(expected, e.get("rule").asText() + "@" + text(e, "sheet") + "!" + text(e, "cell"));
        assertEquals("error", e.get("severity").asText());
        assertTrue(e.get("message").asText().length() > 20);
        assertEquals(0, server.count("submission"));
    }

    @Test
    void acceptsWithWarningsAtTheirCells() {
        assertEquals(201, server.upload(server.controller, FilledTemplate.of("FS-MED", "2021-T2").valid()
                .set("Resultat", "KOST_LAKEMEDEL", "UTFALL", "-800")
                .setText("Resultat", "KOST_LAKEMEDEL", "KOMMENTAR", "Nytt avtal.").bytes()).statusCode());
        HttpResponse<byte[]> r = server.upload(server.controller, FilledTemplate.of("FS-MED", "2022-T2").valid()
                .set("Resultat", "INT_OVRIGA", "UTFALL", "-40")
                .setText("Resultat", "KOST_INHYRD", "UTFALL", "−1\u00a0234,5")
                .setText("Resultat", "KOST_INHYRD", "KOMMENTAR", "Sommarvikarier.")
                .set("Resultat", "KOST_LON", "AVV_PERIOD", "-500.5").bytes());
        assertEquals(201, r.statusCode(), new String(r.body()));
        JsonNode body = TestServer.json(r);
        assertEquals("accepted_with_warnings", body.get("status").asText());
        Set<String> got = new HashSet<>();
        body.get("warnings").forEach(w -> got.add(w.get("rule").asText() + "@" + w.get("cell").asText()));
        assertEquals(Set.of("sign@C6", "number_as_text@C10", "formula_replaced@E9", "tenfold_change@C13"), got);
        assertEquals(0, body.get("errors").size());
    }

    @Test
    void returnsTheUploadedWorkbookWithExactlyTheFindingCellsMarked() throws Exception {
        HttpResponse<byte[]> r = server.upload(server.controller, FilledTemplate.of("FS-MED", "2022-T2").valid()
                .setText("Resultat", "KOST_LOKAL", "UTFALL", "=HYPERLINK(\"http://x\")")
                .set("Resultat", "SUM_INT", "UTFALL", "5")
                .set("Resultat", "INT_OVRIGA", "UTFALL", "-40").bytes());
        assertEquals(422, r.statusCode());
        long id = TestServer.json(r).get("id").asLong();
        HttpResponse<byte[]> annotated = server.get("/api/submissions/" + id + "/annotated.xlsx", server.controller);
        assertEquals(200, annotated.statusCode(), new String(annotated.body()));
        try (Workbook wb = Sheets.open(annotated.body())) {
            assertEquals(Annotator.SHEET, wb.getSheetName(0));
            assertEquals(0, wb.getActiveSheetIndex());
            Sheet list = wb.getSheetAt(0);
            assertEquals(3, list.getLastRowNum(), "a heading and three findings");
            Map<String, Short> expected = Map.of("C14", IndexedColors.CORAL.getIndex(), "C8",
                    IndexedColors.CORAL.getIndex(), "C6", IndexedColors.LIGHT_ORANGE.getIndex());
            for (int i = 1; i <= 3; i++) {
                Cell link = list.getRow(i).getCell(2);
                assertNotNull(link.getHyperlink(), "row " + i + " links to its cell");
                assertEquals(HyperlinkType.DOCUMENT, link.getHyperlink().getType());
                assertEquals("'Resultat'!" + link.getStringCellValue(), link.getHyperlink().getAddress());
            }
            // The user's text is kept as plain text, never turned into a formula or link.
            assertTrue(list.getRow(1).getCell(5).getStringCellValue().contains("=HYPERLINK"));
            Sheet data = wb.getSheet("Resultat");
            Set<String> unreliable = new HashSet<>();
            for (Row row : data) {
                for (Cell c : row) {
                    String a = c.getAddress().formatAsString();
                    Comment note = c.getCellComment();
                    if (note != null && note.getString().getString().contains("bygger på C14")) {
                        // A sum or deviation resting on the text in C14 shows a wrong figure: amber, and says why.
                        assertEquals(IndexedColors.LIGHT_ORANGE.getIndex(), c.getCellStyle().getFillForegroundColor(), a);
                        assertEquals(org.apache.poi.ss.usermodel.CellType.FORMULA, c.getCellType(), a);
                        unreliable.add(a);
                    } else if (expected.containsKey(a)) {
                        assertEquals(expected.get(a), c.getCellStyle().getFillForegroundColor(), a);
                        assertNotNull(note, a + " has a note");
                        assertTrue(note.getString().getString().contains("Blad Resultat, cell " + a), a);
                    } else {
                        assertNull(note, "no note on " + a);
                        short fill = c.getCellStyle().getFillForegroundColor();
                        assertTrue(fill != IndexedColors.CORAL.getIndex() && fill != IndexedColors.LIGHT_ORANGE.getIndex(),
                                "unmarked " + a);
                    }
                }
            }
            assertTrue(unreliable.contains("E14"), "the deviation beside the text: " + unreliable);
            assertTrue(unreliable.size() >= 3, "and the sums above it, through each other: " + unreliable);
            assertEquals(org.apache.poi.ss.usermodel.SheetVisibility.VERY_HIDDEN,
                    wb.getSheetVisibility(wb.getSheetIndex("_tertial")));
        }
    }

    @Test
    void anUnreadableUploadHasNoAnnotatedWorkbook() {
        HttpResponse<byte[]> r = server.upload(server.controller, "inte en arbetsbok".getBytes());
        assertEquals(422, r.statusCode());
        long id = TestServer.json(r).get("id").asLong();
        HttpResponse<byte[]> annotated = server.get("/api/submissions/" + id + "/annotated.xlsx", server.controller);
        assertEquals(404, annotated.statusCode());
        assertTrue(TestServer.json(annotated).get("message").asText().startsWith("Filen kunde inte läsas"));
    }

    private static String text(JsonNode n, String field) {
        return n.get(field) == null || n.get(field).isNull() ? "" : n.get(field).asText();
    }

    private static void meta(Workbook wb, String key, String value) {
        for (Row row : wb.getSheet("_tertial")) {
            if (row.getCell(0).getStringCellValue().equals(key)) {
                row.getCell(1).setCellValue(value);
            }
        }
    }

}
