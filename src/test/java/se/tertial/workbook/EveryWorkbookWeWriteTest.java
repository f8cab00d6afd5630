package se.tertial.workbook;

import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.usermodel.Workbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.app.BulkLoader;
import se.tertial.app.BulkReport;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.LibreOffice;
import se.tertial.testkit.OoxmlSchema;
import se.tertial.testkit.Sheets;
import se.tertial.testkit.TestServer;
import se.tertial.testkit.Zips;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One check over every kind of workbook tertial writes — templates (.xlsx, .xls; one and two data sheets), annotated
 * copies with findings on two sheets (.xlsx, .xls), the budget workbook, the consolidated report and the bulk-load
 * report: each .xlsx reads entry by entry with ZipInputStream; comment drawings have their own VML id blocks; the
 * active tab is the only selected tab; every visible sheet prints A4 landscape, one page wide; POI and LibreOffice
 * read it back.
 */
class EveryWorkbookWeWriteTest {
    private static final Pattern IDMAP = Pattern.compile("<o:idmap\\b[^>]*\\bdata=\"([^\"]*)\"");
    private static final Pattern SHAPE = Pattern.compile("<v:shape\\b[^>]*\\bid=\"(_x0000_s\\d+)\"");

    @TempDir
    Path tmp;

    private Map<String, byte[]> everyKind() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (TestServer s = new TestServer(tmp.resolve("data"))) {
            s.createPeriod("2022-T2");
            for (String unit : List.of("FS-MED", "RSO-FINANS")) {
                files.put("template " + unit + ".xlsx", s.get("/api/templates/" + unit + "/2022-T2.xlsx").body());
                files.put("template " + unit + ".xls", s.get("/api/templates/" + unit + "/2022-T2.xls").body());
            }
            for (WorkbookFormat format : WorkbookFormat.values()) {
                byte[] twoSheets = FilledTemplate.of("RSO-FINANS", "2022-T2", format).valid()
                        .setText("Finansiering", "SKATT", "UTFALL", "ca 9 miljoner")
                        .setText("Balans", "BR_KASSA", "UB", "okänt").bytes();
                long id = TestServer.json(s.upload(s.admin, twoSheets)).get("id").asLong();
                files.put("annotated." + format.extension(),
                        s.get("/api/submissions/" + id + "/annotated.xlsx", s.admin).body());
            }
            assertEquals(201, s.upload(s.admin, FilledTemplate.of("FS-MED", "2022-T2").valid().bytes()).statusCode());
            files.put("budget.xlsx", s.get("/api/budget/2022/template.xlsx").body());
            files.put("konsolidering.xlsx", s.get("/api/reports/2022-T2/konsolidering.xlsx").body());
            files.put("audit.xlsx", s.get("/api/audit.xlsx?period=2022-T2").body());
            files.put("status.xlsx", s.app().statusBoard().workbook(s.app().users().require("ekonomi"), "2022-T2",
                    se.tertial.app.StatusBoard.Query.ALL).bytes());
        }
        BulkReport.write(tmp.resolve("bulk"), List.of(new BulkLoader.FileResult("a.xlsx", "0".repeat(64), "FS-MED",
                "2022-T2", "resultat v1", "accepted", 120, "")));
        try {
            files.put("bulk.xlsx", Files.readAllBytes(tmp.resolve("bulk.xlsx")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return files;
    }

    @Test
    void everyWorkbookReadsEverywhereOpensCleanlyAndPrintsOnA4() throws Exception {
        Map<String, byte[]> files = everyKind();
        assertEquals(11, files.size());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String name = f.getKey();
            byte[] bytes = f.getValue();
            if (name.endsWith(".xlsx")) {
                problems.addAll(zipAndVml(name, bytes));
                OoxmlSchema.problems(bytes).forEach(p -> problems.add(name + ": " + p));
            }
            try (Workbook wb = Sheets.open(bytes)) {
                int active = wb.getActiveSheetIndex();
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    Sheet sheet = wb.getSheetAt(i);
                    if (sheet.isSelected() != (i == active)) {
                        problems.add(name + ": sheet " + sheet.getSheetName() + " selected=" + sheet.isSelected()
                                + " but the active tab is " + wb.getSheetName(active));
                    }
                    if (wb.getSheetVisibility(i) != SheetVisibility.VISIBLE) {
                        continue;
                    }
                    problems.addAll(PrintedPages.problems(name, sheet));
                }
            }
            Path file = Files.write(tmp.resolve(name.replace(' ', '-')), bytes);
            Path pdf = LibreOffice.convert(file, "pdf", tmp.resolve("lo-" + name.replace(' ', '-')));
            assertTrue(Files.size(pdf) > 0, name);
            if (name.equals("konsolidering.xlsx")) {
                problems.addAll(missingUnitsReadInFull(bytes, LibreOffice.pdfText(pdf).replaceAll("\\s+", " ")));
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * No code, enum or API route in any cell, comment or sheet name a person sees (visible sheets, visible columns)
     * of any kind of workbook we write; the codes stay in hidden columns and sheets for scripts.
     */
    @Test
    void noWorkbookShowsACodeOrARouteToAPerson() throws Exception {
        Map<String, byte[]> files = everyKind();
        List<String> problems = new ArrayList<>();
        int texts = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            try (Workbook wb = Sheets.open(f.getValue())) {
                for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                    if (wb.getSheetVisibility(i) != SheetVisibility.VISIBLE) {
                        continue;
                    }
                    Sheet sheet = wb.getSheetAt(i);
                    List<String> seen = new ArrayList<>();
                    seen.add(sheet.getSheetName());
                    for (var row : sheet) {
                        for (var cell : row) {
                            if (sheet.isColumnHidden(cell.getColumnIndex())) {
                                continue;
                            }
                            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING) {
                                seen.add(cell.getStringCellValue());
                            }
                            if (cell.getCellComment() != null) {
                                seen.add(cell.getCellComment().getString().getString());
                            }
                        }
                    }
                    texts += seen.size();
                    for (String text : seen) {
                        for (String hit : se.tertial.testkit.ForbiddenWords.find(text)) {
                            problems.add(f.getKey() + " / " + sheet.getSheetName() + ": " + hit);
                        }
                    }
                }
            }
        }
        System.out.println("forbidden-token sweep: " + files.size() + " workbooks, " + texts + " texts checked");
        assertTrue(texts > 1000, "the sweep read the workbooks: " + texts);
        assertEquals(List.of(), problems);
    }

    /**
     * The consolidated workbook of a round where one unit reported: on every sheet the list of the 19 missing units
     * wraps within the printed width (merged across the columns, a row tall enough), and the PDF has it whole.
     */
    private static List<String> missingUnitsReadInFull(byte[] bytes, String pdf) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Workbook wb = Sheets.open(bytes)) {
            for (Sheet sheet : wb) {
                if (sheet.getSheetName().equals("Underlag")) {
                    continue;
                }
                var cell = sheet.getRow(1).getCell(0);
                String text = cell.getStringCellValue();
                boolean merged = sheet.getMergedRegions().stream().anyMatch(m -> m.getFirstRow() == 1
                        && m.getFirstColumn() == 0 && m.getLastColumn() > 0);
                if (!text.startsWith("Underlag saknas") || !cell.getCellStyle().getWrapText() || !merged
                        || sheet.getRow(1).getHeightInPoints() < 28) {
                    problems.add("konsolidering.xlsx " + sheet.getSheetName() + ": the missing units do not wrap "
                            + "within the page (merged " + merged + ", height " + sheet.getRow(1).getHeightInPoints()
                            + ")");
                }
            }
        }
        for (String unit : List.of("FS-PRIV", "ANA-CENTRAL", "RSO-PENSION", "RSO-FINANS", "RF")) {
            if (!pdf.contains(unit)) {
                problems.add("konsolidering.xlsx: the printed list of missing units lacks " + unit);
            }
        }
        return problems;
    }

    /** Entry by entry as a streaming reader would; and every drawing its own id block, shape ids unique. */
    private static List<String> zipAndVml(String name, byte[] bytes) throws Exception {
        List<String> problems = new ArrayList<>();
        Set<String> blocks = new HashSet<>();
        Set<String> shapes = new HashSet<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                if (e.getName().matches("xl/drawings/vmlDrawing\\d+\\.vml")) {
                    String vml = new String(data, StandardCharsets.UTF_8);
                    Matcher m = IDMAP.matcher(vml);
                    while (m.find()) {
                        if (!blocks.add(m.group(1))) {
                            problems.add(name + ": VML id block " + m.group(1) + " used twice");
                        }
                    }
                    Matcher s = SHAPE.matcher(vml);
                    while (s.find()) {
                        if (!shapes.add(s.group(1))) {
                            problems.add(name + ": VML shape id " + s.group(1) + " used twice");
                        }
                    }
                }
            }
        } catch (java.util.zip.ZipException e) {
            problems.add(name + ": ZipInputStream cannot read it: " + e.getMessage());
        }
        if (name.startsWith("annotated") && blocks.size() < 2) {
            problems.add(name + ": expected comment drawings on two sheets, found " + blocks);
        }
        return problems;
    }

    @Test
    void zipMemberNamesHaveOneDotBeforeTheExtension() throws Exception {
        List<String> names = new ArrayList<>();
        try (TestServer s = new TestServer(tmp.resolve("zip"))) {
            s.createPeriod("2022-T2");
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(
                    s.get("/api/templates/2022-T2.zip").body()))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    names.add(e.getName());
                }
            }
        }
        assertEquals(20, names.size());
        assertTrue(names.contains("Tertialrapport 2022-T2 RSO-KAPITAL Internränta, avskrivningar m.m.xlsx"),
                names.toString());
        assertTrue(names.stream().noneMatch(n -> n.contains("..")), names.toString());
    }
}
