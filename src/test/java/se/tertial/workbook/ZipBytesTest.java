package se.tertial.workbook;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The in-memory zip reader against archives written by the JDK, and against the ways a hostile archive lies: every
 * lie is a {@link ZipException} (the package is then refused as corrupt), never a wrong part or a crash.
 */
class ZipBytesTest {
    private static final byte[] SHEET = "<worksheet>".concat("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>".repeat(200))
            .concat("</worksheet>").getBytes(StandardCharsets.UTF_8);
    private static final byte[] TYPES = "<Types/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void readsEveryPartAsTheJdkDoes() throws IOException {
        byte[] zip = zip(false);
        ZipBytes z = ZipBytes.of(zip, 100);
        Map<String, byte[]> ours = new LinkedHashMap<>();
        for (ZipBytes.Entry e : z.entries()) {
            ours.put(e.name(), readAll(z.open(e)));
        }
        Map<String, byte[]> jdk = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                jdk.put(e.getName(), in.readAllBytes());
            }
        }
        assertEquals(jdk.keySet(), ours.keySet());
        jdk.forEach((name, bytes) -> assertArrayEquals(bytes, ours.get(name), name));
        assertArrayEquals(SHEET, ours.get("xl/worksheets/sheet1.xml"));
    }

    @Test
    void readsStoredParts() throws IOException {
        ZipBytes z = ZipBytes.of(zip(true), 100);
        ZipBytes.Entry types = z.entries().stream().filter(e -> e.name().equals("[Content_Types].xml")).findFirst()
                .orElseThrow();
        assertEquals(0, types.method());
        assertArrayEquals(TYPES, readAll(z.open(types)));
    }

    @Test
    void readsAWorkbookPoiWrote() throws IOException {
        Path file = Files.createTempFile("zipbytes", ".xlsx");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
             var out = Files.newOutputStream(file)) {
            wb.createSheet("Resultat").createRow(0).createCell(0).setCellValue("Verksamhet: Ambulans");
            wb.write(out);
        }
        ZipBytes z = ZipBytes.of(Files.readAllBytes(file), 100);
        String strings = new String(readAll(z.open(z.entries().stream()
                .filter(e -> e.name().equals("xl/sharedStrings.xml")).findFirst().orElseThrow())), StandardCharsets.UTF_8);
        assertEquals(true, strings.contains("Verksamhet: Ambulans"), strings);
        Files.delete(file);
    }

    @Test
    void refusesWhatIsNoArchive() {
        assertThrows(ZipException.class, () -> ZipBytes.of(new byte[0], 100));
        assertThrows(ZipException.class, () -> ZipBytes.of(new byte[] {0x50, 0x4B, 0x03, 0x04}, 100));
        assertThrows(ZipException.class, () -> ZipBytes.of("just text, no zip at all".getBytes(StandardCharsets.UTF_8),
                100));
    }

    @Test
    void refusesMoreEntriesThanTheLimit() throws IOException {
        ZipException e = assertThrows(ZipException.class, () -> ZipBytes.of(zip(false), 2));
        assertEquals("too many entries", e.getMessage());
    }

    @Test
    void everyTruncationIsRefused() throws IOException {
        byte[] zip = zip(false);
        for (int at = 0; at < zip.length; at++) {
            byte[] cut = Arrays.copyOf(zip, at);
            // The central directory is at the end: any cut loses it, or it then points past the bytes.
            assertThrows(ZipException.class, () -> readEverything(cut), "cut at " + at);
        }
    }

    @Test
    void aPartLongerThanItsEntrySaysIsRefused() throws IOException {
        byte[] zip = zip(false);
        int cen = centralEntry(zip, "xl/worksheets/sheet1.xml");
        put32(zip, cen + 24, SHEET.length - 10); // declared size, smaller than what inflates
        assertEquals("a part inflates beyond its declared size",
                assertThrows(ZipException.class, () -> readEverything(zip)).getMessage());
    }

    @Test
    void aPartShorterThanItsEntrySaysIsRefused() throws IOException {
        byte[] zip = zip(false);
        int cen = centralEntry(zip, "xl/worksheets/sheet1.xml");
        put32(zip, cen + 24, SHEET.length + 10);
        assertThrows(ZipException.class, () -> readEverything(zip));
    }

    @Test
    void aWrongCrcIsRefused() throws IOException {
        byte[] zip = zip(false);
        int cen = centralEntry(zip, "xl/worksheets/sheet1.xml");
        zip[cen + 16] ^= 0x01;
        assertEquals("a part's size or CRC-32 does not match its entry",
                assertThrows(ZipException.class, () -> readEverything(zip)).getMessage());
    }

    @Test
    void encryptedAndUnknownMethodsAndZip64AreRefused() throws IOException {
        byte[] encrypted = zip(false);
        encrypted[centralEntry(encrypted, "xl/worksheets/sheet1.xml") + 8] |= 1;
        assertEquals("an encrypted entry", assertThrows(ZipException.class, () -> ZipBytes.of(encrypted, 100))
                .getMessage());
        byte[] bzip = zip(false);
        bzip[centralEntry(bzip, "xl/worksheets/sheet1.xml") + 10] = 12;
        assertEquals("an unsupported compression method", assertThrows(ZipException.class,
                () -> ZipBytes.of(bzip, 100)).getMessage());
        byte[] zip64 = zip(false);
        put32(zip64, centralEntry(zip64, "xl/worksheets/sheet1.xml") + 24, 0xFFFFFFFF);
        assertEquals("a ZIP64 entry", assertThrows(ZipException.class, () -> ZipBytes.of(zip64, 100)).getMessage());
    }

    @Test
    void aLocalHeaderOffsetOutsideTheDataIsRefused() throws IOException {
        byte[] zip = zip(false);
        int cen = centralEntry(zip, "xl/worksheets/sheet1.xml");
        put32(zip, cen + 42, zip.length - 10);
        assertThrows(ZipException.class, () -> readEverything(zip));
        byte[] nowhere = zip(false);
        put32(nowhere, centralEntry(nowhere, "xl/worksheets/sheet1.xml") + 42, 3); // not a local header
        assertEquals("a broken local header", assertThrows(ZipException.class, () -> readEverything(nowhere))
                .getMessage());
    }

    @Test
    void randomByteFlipsNeverCrash() throws IOException {
        byte[] zip = zip(false);
        java.util.Random random = new java.util.Random(12);
        for (int i = 0; i < 2_000; i++) {
            byte[] m = zip.clone();
            m[random.nextInt(m.length)] ^= (byte) (1 + random.nextInt(255));
            try {
                readEverything(m);
            } catch (ZipException expected) {
                // refused: fine; what is not allowed is any other exception
            }
        }
    }

    /** Two parts opened at once on one thread each inflate on their own. */
    @Test
    void twoPartsOpenAtOnce() throws IOException {
        ZipBytes z = ZipBytes.of(zip(false), 100);
        ZipBytes.Entry sheet = z.entries().stream().filter(e -> e.name().endsWith("sheet1.xml")).findFirst()
                .orElseThrow();
        try (InputStream a = z.open(sheet); InputStream b = z.open(sheet)) {
            byte[] first = a.readNBytes(100);
            assertArrayEquals(SHEET, b.readAllBytes());
            assertArrayEquals(Arrays.copyOf(SHEET, 100), first);
        }
        assertArrayEquals(SHEET, readAll(z.open(sheet)));
    }

    private static void readEverything(byte[] zip) throws IOException {
        ZipBytes z = ZipBytes.of(zip, 100);
        for (ZipBytes.Entry e : z.entries()) {
            readAll(z.open(e));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[7]; // small reads: every path through the inflater
            for (int n; (n = in.read(buf)) >= 0; ) {
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static byte[] zip(boolean storeTypes) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> part : List.of(Map.entry("[Content_Types].xml", TYPES),
                    Map.entry("xl/worksheets/sheet1.xml", SHEET),
                    Map.entry("docProps/core.xml", "<coreProperties/>".getBytes(StandardCharsets.UTF_8)))) {
                ZipEntry e = new ZipEntry(part.getKey());
                if (storeTypes && part.getKey().startsWith("[")) {
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(part.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(part.getValue());
                    e.setCrc(crc.getValue());
                }
                out.putNextEntry(e);
                out.write(part.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** The offset of a part's central-directory entry. */
    private static int centralEntry(byte[] zip, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 + n.length <= zip.length; i++) {
            if (zip[i] == 0x50 && zip[i + 1] == 0x4B && zip[i + 2] == 0x01 && zip[i + 3] == 0x02
                    && Arrays.equals(Arrays.copyOfRange(zip, i + 46, i + 46 + n.length), n)) {
                return i;
            }
        }
        throw new AssertionError("no central entry " + name);
    }

    private static void put32(byte[] b, int at, long v) {
        for (int k = 0; k < 4; k++) {
            b[at + k] = (byte) (v >>> (8 * k));
        }
    }
}
