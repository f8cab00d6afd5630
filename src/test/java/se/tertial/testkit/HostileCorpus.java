package se.tertial.testkit;

import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Workbook;
import se.tertial.workbook.WorkbookFormat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Makes hostile uploads from real FS-MED templates: truncations, byte and XML mutations, zip bombs, XXE and
 * billion laughs in every part, macro and encrypted workbooks, a million cells and 300 000 formulas, edited
 * {@code _tertial} metadata, malformed cell values. Each case names the rule it must be refused with, or none when
 * any refusal is right (random mutations). Seeded: the same corpus every run.
 */
public final class HostileCorpus {
    /** A hostile file and the rule it must be refused with ({@code null}: any 4xx refusal). */
    public record Case(String name, byte[] bytes, String rule) {}

    public static final String RESULTAT = "xl/worksheets/sheet2.xml";
    public static final String STRINGS = "xl/sharedStrings.xml";
    private static final String[] PARTS = {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels", STRINGS, "xl/styles.xml", RESULTAT, "xl/worksheets/sheet3.xml",
        "docProps/core.xml"};

    private HostileCorpus() {}

    /**
     * @param valid a valid FS-MED 2022-T2 workbook (.xlsx)
     * @param bad   the same with one rule broken, so that a mutation that leaves it readable is still refused
     */
    public static List<Case> build(byte[] valid, byte[] bad, byte[] validXls) {
        List<Case> cases = new ArrayList<>();
        truncations(cases, bad, "xlsx");
        truncations(cases, validXls, "xls");
        byteMutations(cases, bad);
        byteMutations(cases, validXls);
        unknownPtg(cases);
        cellValues(cases, valid, bad);
        metadata(cases, valid);
        damagedUnreadParts(cases, valid);
        xmlAttacks(cases, valid, bad);
        zipBombs(cases, valid);
        macros(cases, valid);
        encrypted(cases, valid);
        large(cases, valid);
        return cases;
    }

    private static void truncations(List<Case> cases, byte[] file, String kind) {
        for (int i = 1; i <= 39; i++) {
            int at = (int) ((long) file.length * i / 40);
            cases.add(new Case("truncated-" + kind + "-at-" + at, Arrays.copyOf(file, at), null));
        }
        cases.add(new Case("empty-file", new byte[0], "not_a_workbook"));
        cases.add(new Case("zip-magic-only", new byte[] {0x50, 0x4B, 0x03, 0x04}, "unreadable_file"));
    }

    /** Bytes of a valid workbook changed here and there: some such files are still valid and accepted. */
    public static List<Case> validMutations(byte[] valid) {
        List<Case> cases = new ArrayList<>();
        byteMutations(cases, valid);
        damagedUnreadParts(cases, valid);
        return cases;
    }

    private static void byteMutations(List<Case> cases, byte[] file) {
        Random random = new Random(8);
        for (int i = 0; i < 120; i++) {
            byte[] m = file.clone();
            for (int k = 0; k <= i % 4; k++) {
                int at = 8 + random.nextInt(m.length - 8);
                m[at] = (byte) (m[at] ^ (1 + random.nextInt(255)));
            }
            cases.add(new Case("bytes-" + i, m, null));
        }
    }

    /**
     * An .xls whose formula in an input cell carries a token no Excel writes (0xFF where the "+" operator was):
     * HSSF parses formula tokens lazily, so this used to escape as an HTTP 500.
     */
    private static void unknownPtg(List<Case> cases) {
        byte[] xls = FilledTemplate.of("FS-MED", "2022-T2", WorkbookFormat.XLS).valid()
                .setText("Resultat", "KOST_LOKAL", "UTFALL", "ca 300")
                .with(wb -> Sheets.cell(wb, "Resultat", "INT_OVRIGA", "UTFALL").setCellFormula("1111+2222")).bytes();
        byte[] add = {0x1E, 0x57, 0x04, 0x1E, (byte) 0xAE, 0x08, 0x03}; // tInt 1111, tInt 2222, tAdd
        for (int i = 0; i + add.length <= xls.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(xls, i, i + add.length), add)) {
                byte[] m = xls.clone();
                m[i + add.length - 1] = (byte) 0xFF;
                cases.add(new Case("xls-unknown-ptg", m, null));
                return;
            }
        }
        throw new AssertionError("formula tokens not found in the .xls");
    }

    private static String cell(String xml, String ref, String replacement) {
        String re = "<c r=\"" + ref + "\"[^>]*>.*?</c>";
        String out = xml.replaceFirst(re, replacement);
        if (out.equals(xml)) {
            throw new AssertionError("no cell " + ref);
        }
        return out;
    }

    /** INT_AVGIFTER.UTFALL is C3 in every tertial Resultat sheet. */
    private static void cellValues(List<Case> cases, byte[] valid, byte[] bad) {
        String[][] values = {
            {"type-inline4tr", "<c r=\"C3\" t=\"inline4tr\"><v>12000</v></c>", "not_a_number"},
            {"value-NaN", "<c r=\"C3\"><v>NaN</v></c>", "not_a_number"},
            {"value-INF", "<c r=\"C3\"><v>INF</v></c>", "not_a_number"},
            {"value-Infinity", "<c r=\"C3\"><v>Infinity</v></c>", "not_a_number"},
            {"value-1e400", "<c r=\"C3\"><v>1e400</v></c>", "not_a_number"},
            {"value-hex", "<c r=\"C3\"><v>0x1p3</v></c>", "not_a_number"},
            {"bool-2", "<c r=\"C3\" t=\"b\"><v>2</v></c>", "not_a_number"},
            {"shared-index-missing", "<c r=\"C3\" t=\"s\"><v>999999</v></c>", "not_a_number"},
            {"shared-index-negative", "<c r=\"C3\" t=\"s\"><v>-1</v></c>", "not_a_number"},
            {"formula-without-result", "<c r=\"C3\"><f>1000+2000</f></c>", "not_a_number"},
            {"formula-rept-oom", "<c r=\"C3\"><f>LEN(REPT(REPT(\"x\",32767),32767))</f></c>", "not_a_number"},
            {"formula-hyperlink", "<c r=\"C3\" t=\"str\"><f>HYPERLINK(\"http://evil.example\",\"klicka\")</f>"
                    + "<v>klicka</v></c>", "not_a_number"},
            {"inline-text-40000", "<c r=\"C3\" t=\"inlineStr\"><is><t>" + "9".repeat(40_000) + "</t></is></c>",
                "not_a_number"},
            {"text-in-amount", "<c r=\"C3\" t=\"inlineStr\"><is><t>ca 300</t></is></c>", "not_a_number"},
        };
        for (String[] v : values) {
            cases.add(new Case(v[0], Zips.replaceText(valid, RESULTAT, x -> cell(x, "C3", v[1])), v[2]));
        }
        // These leave the workbook readable (a program may omit or garble a reference): the broken rule in the
        // base file must still be found.
        cases.add(new Case("row-number-0", Zips.replaceText(bad, RESULTAT, x -> x.replaceFirst("<row r=\"3\"",
                "<row r=\"0\"")), null));
        cases.add(new Case("cell-ref-garbage", Zips.replaceText(bad, RESULTAT, x -> x.replaceFirst("r=\"C3\"",
                "r=\"ZZZZZ99999999\"")), null));
        cases.add(new Case("formula-dde", Zips.replaceText(bad, RESULTAT, x -> cell(x, "C4",
                "<c r=\"C4\"><f>cmd|' /C calc'!A0</f><v>0</v></c>")), null));
    }

    /** Edited {@code _tertial} values (they are shared strings). */
    private static void metadata(List<Case> cases, byte[] valid) {
        String[][] edits = {
            {"meta-generated-at-not-a-date", "2022-09-01T08:00:00Z", "igår", "not_tertial_workbook"},
            {"meta-generated-at-empty", "2022-09-01T08:00:00Z", " ", "not_tertial_workbook"},
            {"meta-unknown-version", ">1<", ">99<", null},
            {"meta-unknown-unit", ">FS-MED<", ">FS-OKAND<", "unknown_unit"},
            {"meta-bad-unit-code", ">FS-MED<", ">fs med<", "not_tertial_workbook"},
            {"meta-unknown-period", ">2022-T2<", ">2099-T2<", "unknown_period"},
            {"meta-bad-period", ">2022-T2<", ">2022-T9<", "not_tertial_workbook"},
            {"meta-templates-added", ">resultat<", ">resultat,balans<", "not_tertial_workbook"},
            {"meta-format-changed", ">tertial-template<", ">annat-format<", "not_tertial_workbook"},
        };
        for (String[] e : edits) {
            cases.add(new Case(e[0], Zips.replaceText(valid, STRINGS, x -> {
                if (!x.contains(e[1])) {
                    throw new AssertionError("no " + e[1] + " in the shared strings");
                }
                return x.replaceFirst(java.util.regex.Pattern.quote(e[1]), e[2]);
            }), e[3]));
        }
        String strings = Zips.text(valid, STRINGS);
        java.util.regex.Matcher sha = java.util.regex.Pattern.compile(">([0-9a-f]{64})<").matcher(strings);
        if (!sha.find()) {
            throw new AssertionError("no spec checksum in the shared strings");
        }
        cases.add(new Case("meta-spec-sha256-changed", Zips.replaceText(valid, STRINGS, x -> x.replace(sha.group(1),
                "0".repeat(64))), "structure_spec_checksum"));
    }

    /** The sheet that holds the metadata (_tertial) and the Instruktioner sheet, in our templates. */
    public static final String METADATA_SHEET = "xl/worksheets/sheet3.xml";
    public static final String INSTRUCTIONS_SHEET = "xl/worksheets/sheet1.xml";

    /**
     * Damage in parts the ingest does not read to judge the figures — the styles, the Instruktioner sheet, a stray
     * part — and metadata that contradicts itself: all built from the valid workbook, so each is accepted unless it
     * is refused for exactly this.
     */
    private static void damagedUnreadParts(List<Case> cases, byte[] valid) {
        String unreadable = "unreadable_file";
        cases.add(new Case("styles-broken-xml", Zips.replaceText(valid, "xl/styles.xml",
                x -> x.substring(0, x.length() / 2)), unreadable));
        cases.add(new Case("styles-bad-crc", Zips.badCrc(valid, "xl/styles.xml"), unreadable));
        cases.add(new Case("instructions-broken-xml", Zips.replaceText(valid, INSTRUCTIONS_SHEET,
                x -> x.replace("</sheetData>", "<row></sheetData>")), unreadable));
        cases.add(new Case("instructions-bad-crc", Zips.badCrc(valid, INSTRUCTIONS_SHEET), unreadable));
        cases.add(new Case("stray-part-broken-xml", Zips.withEntry(valid, "xl/tillagg.xml",
                "<a><b></a>".getBytes(java.nio.charset.StandardCharsets.UTF_8)), unreadable));
        cases.add(new Case("core-properties-bad-crc", Zips.badCrc(valid, "docProps/core.xml"), unreadable));
        // The metadata: a key twice (the second naming another unit), a value with a space after it.
        String strings = Zips.text(valid, STRINGS);
        List<String> shared = new ArrayList<>();
        java.util.regex.Matcher si = java.util.regex.Pattern.compile("<si>(.*?)</si>", java.util.regex.Pattern.DOTALL)
                .matcher(strings);
        while (si.find()) {
            shared.add(si.group(1).replaceAll("<[^>]+>", ""));
        }
        int unitKey = shared.indexOf("unit");
        if (unitKey < 0) {
            throw new AssertionError("no unit key in the shared strings");
        }
        cases.add(new Case("meta-unit-twice", Zips.replaceText(valid, METADATA_SHEET, x -> x.replace("</sheetData>",
                "<row r=\"40\"><c r=\"A40\" t=\"s\"><v>" + unitKey + "</v></c><c r=\"B40\" t=\"inlineStr\"><is>"
                        + "<t>FS-KIR</t></is></c></row></sheetData>")), "not_tertial_workbook"));
        cases.add(new Case("meta-unit-trailing-space", Zips.replaceText(valid, STRINGS,
                x -> x.replaceFirst(">FS-MED<", ">FS-MED <")), "not_tertial_workbook"));
    }

    private static void xmlAttacks(List<Case> cases, byte[] valid, byte[] bad) {
        String xxe = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>";
        StringBuilder lol = new StringBuilder("<!DOCTYPE x [<!ENTITY l0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            lol.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        lol.append("]>");
        for (String part : PARTS) {
            String tag = part.replaceAll("[^A-Za-z0-9]+", "-");
            cases.add(new Case("xxe-" + tag, Zips.replaceText(valid, part, x -> doctype(x, xxe)), null));
            cases.add(new Case("billion-laughs-" + tag, Zips.replaceText(valid, part, x -> doctype(x,
                    lol.toString())), null));
            // Half a part: refused when tertial reads the part, else the base file's broken rule refuses it.
            cases.add(new Case("broken-xml-" + tag, Zips.replaceText(bad, part, x -> x.substring(0,
                    x.length() / 2)), null));
        }
    }

    /** The DOCTYPE goes after the XML declaration (or first), an entity reference into the root element. */
    private static String doctype(String xml, String decl) {
        int start = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
        int root = xml.indexOf('>', xml.indexOf('<', start)) + 1;
        String withRef = xml.substring(0, root) + (decl.contains("l9") ? "&l9;" : "&e;") + xml.substring(root);
        return withRef.substring(0, start) + decl + withRef.substring(start);
    }

    private static void zipBombs(List<Case> cases, byte[] valid) {
        for (String part : new String[] {RESULTAT, STRINGS, "[Content_Types].xml", "docProps/core.xml"}) {
            cases.add(new Case("zip-bomb-" + part.replaceAll("[^A-Za-z0-9]+", "-"), bomb(valid, part), null));
        }
    }

    /** The part replaced by 40 MB of spaces after its XML declaration, deflated to a few kB. */
    private static byte[] bomb(byte[] valid, String part) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out);
             java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                     new java.io.ByteArrayInputStream(valid))) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                z.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(part)) {
                    z.write(data, 0, Math.min(data.length, 60));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int i = 0; i < 120; i++) {
                        z.write(spaces);
                    }
                    z.write(data, Math.min(data.length, 60), data.length - Math.min(data.length, 60));
                } else {
                    z.write(data);
                }
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void macros(List<Case> cases, byte[] valid) {
        byte[] vba = new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3};
        cases.add(new Case("macro-vbaProject-bin", Zips.withEntry(valid, "xl/vbaProject.bin", vba), "macro_workbook"));
        // A VBA project under another name, declared by content type and relationship as Excel would.
        byte[] renamed = Zips.withEntry(valid, "xl/media/image7.dat", vba);
        renamed = Zips.replaceText(renamed, "[Content_Types].xml", x -> x.replace("</Types>",
                "<Override ContentType=\"application/vnd.ms-office.vbaProject\" PartName=\"/xl/media/image7.dat\"/>"
                        + "</Types>"));
        renamed = Zips.replaceText(renamed, "xl/_rels/workbook.xml.rels", x -> x.replace("</Relationships>",
                "<Relationship Id=\"rId99\" Target=\"media/image7.dat\" Type=\"http://schemas.microsoft.com/office/"
                        + "2006/relationships/vbaProject\"/></Relationships>"));
        cases.add(new Case("macro-renamed-part", renamed, "macro_workbook"));
        // Only the relationship, pointing at a part with a harmless content type.
        byte[] relOnly = Zips.withEntry(valid, "xl/media/logo.png", vba);
        relOnly = Zips.replaceText(relOnly, "[Content_Types].xml", x -> x.replace("</Types>",
                "<Default ContentType=\"image/png\" Extension=\"png\"/></Types>"));
        relOnly = Zips.replaceText(relOnly, "xl/_rels/workbook.xml.rels", x -> x.replace("</Relationships>",
                "<Relationship Id=\"rId98\" Target=\"media/logo.png\" Type=\"http://schemas.microsoft.com/office/"
                        + "2006/relationships/vbaProject\"/></Relationships>"));
        cases.add(new Case("macro-relationship-only", relOnly, "macro_workbook"));
        String main = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
        cases.add(new Case("macro-enabled-char-reference", Zips.replaceText(valid, "[Content_Types].xml",
                x -> x.replace(main, "application/vnd.ms-excel.sheet.macro&#69;nabled.main+xml")), "macro_workbook"));
        cases.add(new Case("macro-enabled-utf16", Zips.replace(valid, "[Content_Types].xml", b -> {
            String x = new String(b, StandardCharsets.UTF_8).replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")
                    .replace(main, "application/vnd.ms-excel.sheet.macroEnabled.main+xml");
            return x.getBytes(StandardCharsets.UTF_16);
        }), "macro_workbook"));
        cases.add(new Case("macro-sheet-excel4", Zips.replaceText(valid, "[Content_Types].xml", x -> x.replace(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\" PartName=\"/xl/worksheets/"
                        + "sheet1.xml", "application/vnd.ms-excel.macrosheet+xml\" PartName=\"/xl/worksheets/sheet1.xml")),
                "macro_workbook"));
    }

    private static void encrypted(List<Case> cases, byte[] valid) {
        try {
            POIFSFileSystem fs = new POIFSFileSystem();
            Encryptor enc = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            enc.confirmPassword("hemligt");
            try (OutputStream os = enc.getDataStream(fs)) {
                os.write(valid);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            fs.writeFilesystem(out);
            cases.add(new Case("encrypted-xlsx-agile", out.toByteArray(), "encrypted_workbook"));
            for (String password : new String[] {"VelvetSweatshop", "hemligt"}) {
                Biff8EncryptionKey.setCurrentUserPassword(password);
                try {
                    Workbook wb = Sheets.open(FilledTemplate.of("FS-MED", "2022-T2", WorkbookFormat.XLS).valid()
                            .bytes());
                    ByteArrayOutputStream x = new ByteArrayOutputStream();
                    wb.write(x);
                    cases.add(new Case("encrypted-xls-" + password, x.toByteArray(), "encrypted_workbook"));
                } finally {
                    Biff8EncryptionKey.setCurrentUserPassword(null);
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A million numbers, and 300 000 formulas, below and beside the data area of the Resultat sheet. */
    private static void large(List<Case> cases, byte[] valid) {
        cases.add(new Case("one-million-cells", Zips.replaceText(valid, RESULTAT, x -> x.replace("</sheetData>",
                rows(100, 10_000, 100, "<v>1</v>") + "</sheetData>")), "outside_template_area"));
        cases.add(new Case("300000-formulas", Zips.replaceText(valid, RESULTAT, x -> x.replace("</sheetData>",
                rows(100, 3_000, 100, "<f>LEN(REPT(REPT(\"x\",32767),32767))</f>") + "</sheetData>")),
                "outside_template_area"));
    }

    private static String rows(int first, int count, int cols, String content) {
        StringBuilder s = new StringBuilder(count * cols * 30);
        for (int r = first; r < first + count; r++) {
            s.append("<row r=\"").append(r + 1).append("\">");
            for (int c = 30; c < 30 + cols; c++) {
                s.append("<c r=\"").append(org.apache.poi.ss.util.CellReference.convertNumToColString(c)).append(r + 1)
                        .append("\">").append(content).append("</c>");
            }
            s.append("</row>");
        }
        return s.toString();
    }
}
