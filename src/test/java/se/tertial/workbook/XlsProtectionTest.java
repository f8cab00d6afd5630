package se.tertial.workbook;

import org.apache.poi.hssf.record.RecordInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.LibreOffice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The .xls templates let controllers widen columns and rows like the .xlsx (#10 item 13): each protected sheet
 * carries a FEATHEADR with the allowed actions, byte for byte the record LibreOffice itself writes for our .xlsx's
 * protection, and LibreOffice reads it back.
 */
class XlsProtectionTest {
    @TempDir
    Path tmp;

    @Test
    void xlsSheetsLetControllersWidenColumnsAndRowsAsLibreOfficeReadsThem() throws Exception {
        Path xls = FilledTemplate.of("RSO-FINANS", "2022-T2", WorkbookFormat.XLS).write(tmp.resolve("t.xls"));
        // LibreOffice reads the .xls protection options and writes them as .xlsx sheetProtection attributes.
        Path xlsx = LibreOffice.convert(xls, "xlsx", tmp.resolve("lo"));
        List<String> protections = new ArrayList<>();
        try (var zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            zip.stream().filter(e -> e.getName().matches("xl/worksheets/sheet\\d+\\.xml")).forEach(e -> {
                try {
                    String xml = new String(zip.getInputStream(e).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                    var m = java.util.regex.Pattern.compile("<sheetProtection[^>]*>").matcher(xml);
                    if (m.find()) {
                        protections.add(m.group());
                    }
                } catch (java.io.IOException ex) {
                    throw new java.io.UncheckedIOException(ex);
                }
            });
        }
        // Instruktioner, Finansiering and Balans are protected (the metadata sheet too, without resizing).
        long resizable = protections.stream().filter(p -> p.contains("formatColumns=\"false\"")
                && p.contains("formatRows=\"false\"")).count();
        assertTrue(resizable >= 3, "LibreOffice read no resizable columns and rows from our .xls: " + protections);
        try (var wb = new org.apache.poi.hssf.usermodel.HSSFWorkbook(Files.newInputStream(xls))) {
            for (String name : List.of("Instruktioner", "Finansiering", "Balans")) {
                var sheet = wb.getSheet(name);
                assertTrue(sheet.getProtect(), name + " is protected");
                assertEquals(SheetProtection.TEMPLATE_ALLOWS, SheetProtection.allowed(sheet), name);
            }
        }
    }

    @Test
    void ourFeatHeaderIsTheOneLibreOfficeWritesForTheSameProtection() throws Exception {
        Path xlsx = FilledTemplate.of("FS-MED", "2022-T2", WorkbookFormat.XLSX).write(tmp.resolve("t.xlsx"));
        Path ours = FilledTemplate.of("FS-MED", "2022-T2", WorkbookFormat.XLS).write(tmp.resolve("t.xls"));
        Path theirs = LibreOffice.convert(xlsx, "xls", tmp.resolve("lo"));
        List<String> lo = featHeaders(theirs);
        List<String> we = featHeaders(ours);
        // Instruktioner and Resultat allow resizing; LibreOffice's third is the metadata sheet, which does not.
        assertEquals(2, we.size(), "one per protected template sheet: " + we);
        assertTrue(lo.size() >= 2, "LibreOffice wrote " + lo);
        assertEquals(lo.get(0), we.get(0));
        assertEquals(lo.get(1), we.get(1));
    }

    /** The FEATHEADR records of a .xls, as hex. */
    private static List<String> featHeaders(Path xls) throws Exception {
        List<String> out = new ArrayList<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(xls.toFile(), true)) {
            RecordInputStream in = new RecordInputStream(fs.createDocumentInputStream("Workbook"));
            while (in.hasNextRecord()) {
                in.nextRecord();
                byte[] data = in.readRemainder();
                if (in.getSid() == org.apache.poi.hssf.record.FeatHdrRecord.sid) {
                    out.add(HexFormat.of().formatHex(data));
                }
            }
        }
        return out;
    }
}
