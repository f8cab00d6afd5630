package se.tertial.workbook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.tertial.testkit.FilledTemplate;
import se.tertial.testkit.HostileCorpus;
import se.tertial.testkit.Zips;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The streamed .xlsx reader: what it keeps, what it counts, what it never does. */
class StreamedReadTest {
    @TempDir
    Path tmp;

    private OpenedWorkbook open(byte[] bytes) throws Exception {
        return WorkbookReader.open(Files.write(tmp.resolve("f.xlsx"), bytes));
    }

    @Test
    void readsValuesSharedStringsAndFormulasWithTheirStoredResults() throws Exception {
        byte[] wb = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
        try (OpenedWorkbook w = open(wb)) {
            SheetGrid g = w.sheet("Resultat", new ReadArea(60, 30)).orElseThrow();
            assertEquals(new CellValue.Text("INT_AVGIFTER"), g.get(2, 0));
            assertEquals(new CellValue.Number(12000), g.get(2, 2));
            CellValue.Formula f = assertInstanceOf(CellValue.Formula.class, g.get(2, 4));
            assertEquals("IF(OR(C3=\"\",D3=\"\"),\"\",C3-D3)", f.formula());
            assertEquals("tertial-template", w.metadata().orElseThrow().get("format"));
            assertTrue(w.savedAt().isPresent());
        }
    }

    /**
     * A part whose headers understate its size (it says 4 kB, it inflates to 40 MB): the headers pass the size check,
     * the bytes do not — the read stops at the ratio limit and the file is unreadable, not 40 MB of memory.
     */
    @Test
    void aPartThatLiesAboutItsSizeIsStoppedWhileItInflates() throws Exception {
        byte[] wb = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
        byte[] padded = Zips.replaceText(wb, HostileCorpus.STRINGS, x -> x.replaceFirst("<sst ",
                "<sst " + " ".repeat(40 << 20)));
        byte[] lying = understate(padded, HostileCorpus.STRINGS, 4096);
        Path f = Files.write(tmp.resolve("lying.xlsx"), lying);
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(f.toFile())) {
            assertEquals(4096, z.getEntry(HostileCorpus.STRINGS).getSize(), "the header lies as intended");
        }
        UnreadableWorkbookException e = assertThrows(UnreadableWorkbookException.class, () -> {
            try (OpenedWorkbook w = WorkbookReader.open(f)) {
                w.metadata(); // its strings are shared strings: the lying part must be read
            }
        });
        assertEquals(UnreadableWorkbookException.Reason.CORRUPT, e.reason());
    }

    /**
     * A DOCTYPE alone — no entity declared or used, so nothing else could fail — refuses the file in every kind of
     * part: those parsed while opening (the parser stops at it), those read later and those never read (their
     * prologs are scanned when the package is opened).
     */
    @Test
    void aDoctypeInAnyPartRefusesTheFile() throws Exception {
        byte[] wb = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
        for (String part : new String[] {"[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels",
                "xl/workbook.xml", "docProps/core.xml", HostileCorpus.STRINGS, HostileCorpus.RESULTAT,
                "xl/styles.xml", "docProps/app.xml"}) {
            byte[] doctype = Zips.replaceText(wb, part, x -> x.startsWith("<?xml")
                    ? x.replaceFirst("\\?>", "?><!DOCTYPE x>") : "<!DOCTYPE x>" + x);
            UnreadableWorkbookException e = assertThrows(UnreadableWorkbookException.class, () -> {
                try (OpenedWorkbook w = open(doctype)) {
                    w.metadata();
                    w.sheet("Resultat", new ReadArea(60, 30));
                }
            }, part);
            assertEquals(UnreadableWorkbookException.Reason.CORRUPT, e.reason(), part);
        }
    }

    /** Sets an entry's uncompressed size in its local header and in the central directory. */
    private static byte[] understate(byte[] zip, String name, int size) {
        byte[] out = zip.clone();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] n = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int patched = 0;
        for (int i = 0; i + 46 < out.length; i++) {
            int sig = b.getInt(i);
            if (sig == 0x04034b50 && matches(out, i + 30, b.getShort(i + 26), n)) {
                b.putInt(i + 22, size);
                patched++;
            } else if (sig == 0x02014b50 && matches(out, i + 46, b.getShort(i + 28), n)) {
                b.putInt(i + 24, size);
                patched++;
            }
        }
        assertEquals(2, patched, "local header and central directory entry");
        return out;
    }

    private static boolean matches(byte[] out, int at, int length, byte[] name) {
        return length == name.length && at + length <= out.length
                && java.util.Arrays.equals(out, at, at + length, name, 0, length);
    }

    /** A second read with the first read's outline gives the same grid; an outline for other bytes is not used. */
    @Test
    void anOutlineIsReusedOnlyForTheSameBytes() throws Exception {
        byte[] wb = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
        Path f = Files.write(tmp.resolve("o.xlsx"), wb);
        WorkbookOutline outline;
        SheetGrid first;
        try (OpenedWorkbook w = WorkbookReader.open(f)) {
            outline = w.outline("abc").orElseThrow();
            first = w.sheet("Resultat", new ReadArea(60, 30)).orElseThrow();
        }
        try (OpenedWorkbook w = WorkbookReader.open(f, null, "abc", java.util.Optional.of(outline),
                ReadLimits.DEFAULT, ReadLimits.DEFAULT.start())) {
            SheetGrid again = w.sheet("Resultat", new ReadArea(60, 30)).orElseThrow();
            assertEquals(first.get(2, 2), again.get(2, 2));
            assertEquals(first.get(2, 4), again.get(2, 4));
            assertEquals(first.outside(), again.outside());
            assertEquals("tertial-template", w.metadata().orElseThrow().get("format"));
        }
        // Other bytes under the same name: the outline's SHA-256 does not match, the package is checked afresh
        // (here: a macro project is found and refused).
        Files.write(f, Zips.withEntry(wb, "xl/vbaProject.bin", new byte[] {1, 2, 3}));
        UnreadableWorkbookException e = assertThrows(UnreadableWorkbookException.class, () ->
                WorkbookReader.open(f, null, "other", java.util.Optional.of(outline), ReadLimits.DEFAULT,
                        ReadLimits.DEFAULT.start()).close());
        assertEquals(UnreadableWorkbookException.Reason.MACROS, e.reason());
        // The bytes the caller holds (and stores) are what is read, whatever the file on disk has become since.
        try (OpenedWorkbook w = WorkbookReader.open(f, wb, "abc", java.util.Optional.of(outline), ReadLimits.DEFAULT,
                ReadLimits.DEFAULT.start())) {
            assertEquals(first.get(2, 2), w.sheet("Resultat", new ReadArea(60, 30)).orElseThrow().get(2, 2));
        }
        try (OpenedWorkbook w = WorkbookReader.open(f, wb, ReadLimits.DEFAULT, ReadLimits.DEFAULT.start())) {
            assertEquals("tertial-template", w.metadata().orElseThrow().get("format"));
        }
    }

    @Test
    void expandsSharedFormulasFromTheirMaster() throws Exception {
        byte[] wb = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
        // What Excel writes for a filled-down formula: the master in E3, the cells below refer to it by index.
        byte[] shared = Zips.replaceText(wb, HostileCorpus.RESULTAT, x -> x
                .replaceFirst("(<c r=\"E3\"[^>]*>)<f>[^<]*</f>", "$1<f t=\"shared\" ref=\"E3:E5\" si=\"0\">C3-D3</f>")
                .replaceFirst("(<c r=\"E4\"[^>]*>)<f>[^<]*</f>", "$1<f t=\"shared\" si=\"0\"/>")
                .replaceFirst("(<c r=\"E5\"[^>]*>)<f>[^<]*</f>", "$1<f t=\"shared\" si=\"0\"/>"));
        try (OpenedWorkbook w = open(shared)) {
            SheetGrid g = w.sheet("Resultat", new ReadArea(60, 30)).orElseThrow();
            assertEquals("C4-D4", ((CellValue.Formula) g.get(3, 4)).formula());
            assertEquals("C5-D5", ((CellValue.Formula) g.get(4, 4)).formula());
        }
        assertEquals("SUM($C$3:C5)+\"C3\"", FormulaShift.shift("SUM($C$3:C3)+\"C3\"", 2, 0));
        assertEquals("LOG10(D4)", FormulaShift.shift("LOG10(C3)", 1, 1));
    }

    @Test
    void keepsOnlyTheAreaAndCountsTheRest() throws Exception {
        byte[] wb = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
        byte[] big = Zips.replaceText(wb, HostileCorpus.RESULTAT, x -> x.replace("</sheetData>",
                "<row r=\"500\"><c r=\"A500\"><v>1</v></c><c r=\"B500\" t=\"inlineStr\"><is><t>x</t></is></c>"
                        + "<c r=\"C500\"><f>1+1</f></c><c r=\"D500\"/></row></sheetData>"));
        try (OpenedWorkbook w = open(big)) {
            SheetGrid g = w.sheet("Resultat", new ReadArea(60, 30)).orElseThrow();
            assertEquals(3, g.outside(), "an empty styled cell is not counted");
            assertEquals("A500", g.firstOutside().orElseThrow());
            assertEquals(CellValue.BLANK, g.get(499, 0));
        }
    }

    @Test
    void unreadableValuesAreCellsNotCrashes() throws Exception {
        byte[] wb = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
        byte[] odd = Zips.replaceText(wb, HostileCorpus.RESULTAT, x -> x
                .replaceFirst("<c r=\"C3\"[^>]*>.*?</c>", "<c r=\"C3\" t=\"inline4tr\"><v>1</v></c>")
                .replaceFirst("<c r=\"C4\"[^>]*>.*?</c>", "<c r=\"C4\"><v>NaN</v></c>")
                .replaceFirst("<c r=\"C5\"[^>]*>.*?</c>", "<c r=\"C5\" t=\"inlineStr\"><is><t>"
                        + "x".repeat(40_000) + "</t></is></c>"));
        try (OpenedWorkbook w = open(odd)) {
            SheetGrid g = w.sheet("Resultat", new ReadArea(60, 30)).orElseThrow();
            assertInstanceOf(CellValue.Unreadable.class, g.get(2, 2));
            assertInstanceOf(CellValue.Unreadable.class, g.get(3, 2));
            assertInstanceOf(CellValue.Unreadable.class, g.get(4, 2));
        }
    }

    @Test
    void aDeadlineStopsReading() throws Exception {
        byte[] wb = FilledTemplate.of("FS-MED", "2022-T2").valid().bytes();
        byte[] big = Zips.replaceText(wb, HostileCorpus.RESULTAT, x -> x.replace("</sheetData>",
                "<row r=\"900\">" + "<c><v>1</v></c>".repeat(16_000) + "</row></sheetData>"));
        Path file = Files.write(tmp.resolve("big.xlsx"), big);
        Deadline passed = Deadline.after(Duration.ofNanos(1));
        Thread.sleep(2);
        assertThrows(Deadline.Exceeded.class, () -> {
            try (OpenedWorkbook w = WorkbookReader.open(file, ReadLimits.DEFAULT, passed)) {
                w.sheet("Resultat", new ReadArea(60, 30));
            }
        });
    }

    @Test
    void sheetsAreFoundByTheirExactName() throws Exception {
        try (OpenedWorkbook w = open(FilledTemplate.of("FS-MED", "2022-T2").valid().bytes())) {
            assertEquals(java.util.List.of("Instruktioner", "Resultat", "_tertial"), w.sheetNames());
            assertTrue(w.sheet("resultat", new ReadArea(1, 1)).isEmpty());
            assertTrue(w.sheet("Resultat", new ReadArea(1, 1)).isPresent());
        }
    }
}
