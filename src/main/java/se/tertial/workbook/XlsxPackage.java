package se.tertial.workbook;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;
import se.tertial.spec.FindingText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import se.tertial.workbook.PackageParts.CoreProperties;
import se.tertial.workbook.PackageParts.Rel;
import se.tertial.workbook.PackageParts.Rels;
import se.tertial.workbook.PackageParts.WorkbookSheets;

import static se.tertial.workbook.UnreadableWorkbookException.Reason.CORRUPT;
import static se.tertial.workbook.UnreadableWorkbookException.Reason.MACROS;

/**
 * The parts of an .xlsx package that reading it needs, found without POI's OPC layer (which builds a DOM of every
 * relationship and property part and was a quarter of a bulk load's CPU): the index of its parts by the central
 * directory ({@link ZipBytes}, as Excel reads it), the content types, every relationship part (for macros), the
 * workbook's sheets in order with their parts, the shared-strings part and the saved date. Each part is read by
 * {@link PartReader} (POI's zip-bomb limits on every byte inflated, one hardened SAX reader per thread); the small
 * parts' handlers are {@link PackageParts}.
 */
final class XlsxPackage implements AutoCloseable {
    /** A package larger than this is not read into memory (the upload limit is far below; a bulk file may not be). */
    static final long MAX_PACKAGE_BYTES = 512L * 1024 * 1024;

    private final ZipBytes zip;
    private final Map<String, ZipBytes.Entry> entries = new HashMap<>(); // lower-case part name without '/'
    private final Map<String, String> defaults = new HashMap<>(); // extension -> content type
    private final java.util.Set<String> parsed = new java.util.HashSet<>(); // parts parsed while opening
    private final Map<String, String> overrides = new HashMap<>(); // lower-case part name -> content type
    final Map<String, String> sheets = new LinkedHashMap<>(); // sheet name -> part name, in workbook order
    String sharedStrings;
    Optional<Instant> savedAt = Optional.empty();

    private final PartReader parts;

    private XlsxPackage(ZipBytes zip, Deadline deadline) {
        this.zip = zip;
        this.parts = new PartReader(zip, deadline);
    }

    /** What a check of the package found, to read the same bytes again without checking them twice. */
    WorkbookOutline outline(String sha256) {
        return new WorkbookOutline(sha256, sheets, sharedStrings, savedAt);
    }

    /**
     * Opens a package whose bytes were checked before ({@code outline}, made from the same SHA-256): only the central
     * directory is read again, with the size and inflate-ratio limits; no structure part is parsed twice.
     */
    static XlsxPackage reopen(Path file, byte[] bytes, WorkbookOutline outline, Deadline deadline)
            throws UnreadableWorkbookException {
        ZipBytes zip = zip(file, bytes);
        XlsxPackage pkg = new XlsxPackage(zip, deadline);
        try {
            for (ZipBytes.Entry e : zip.entries()) {
                if (e.isDirectory()) {
                    continue;
                }
                if (PartReader.isBomb(e) || pkg.entries.putIfAbsent(partName(e.name()), e) != null) {
                    throw corrupt();
                }
            }
            pkg.sheets.putAll(outline.sheets());
            pkg.sharedStrings = outline.sharedStrings();
            pkg.savedAt = outline.savedAt();
            return pkg;
        } catch (UnreadableWorkbookException e) {
            pkg.close();
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            pkg.close();
            throw new UnreadableWorkbookException(CORRUPT, FindingText.FILE_CORRUPT, e);
        }
    }

    /**
     * Opens and checks the package: no macros (by part name, content type or relationship), no DTD in any part, no
     * part that claims to inflate beyond the limits; then reads its structure.
     */
    static XlsxPackage open(Path file, byte[] bytes, Deadline deadline) throws UnreadableWorkbookException {
        ZipBytes zip = zip(file, bytes);
        XlsxPackage pkg = new XlsxPackage(zip, deadline);
        try {
            pkg.read();
            return pkg;
        } catch (UnreadableWorkbookException | Deadline.Exceeded e) {
            pkg.close();
            throw e;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            pkg.close();
            throw new UnreadableWorkbookException(CORRUPT, FindingText.FILE_CORRUPT, e);
        }
    }

    private void read() throws Exception {
        List<ZipBytes.Entry> rels = new ArrayList<>();
        for (ZipBytes.Entry e : zip.entries()) {
            if (e.isDirectory()) {
                continue;
            }
            String name = partName(e.name());
            if (name.endsWith("vbaproject.bin") || name.endsWith("vbadata.xml")) {
                throw new UnreadableWorkbookException(MACROS, FindingText.FILE_MACROS, null);
            }
            if (PartReader.isBomb(e)) {
                throw corrupt();
            }
            if (entries.putIfAbsent(name, e) != null) {
                throw corrupt(); // two parts of one name: which one a reader takes is anyone's guess
            }
            if (name.endsWith(".rels")) {
                rels.add(e);
            }
        }
        ZipBytes.Entry types = entries.get("[content_types].xml");
        if (types == null) {
            throw corrupt();
        }
        parse(types, new ContentTypes());
        for (String part : entries.keySet()) {
            String type = contentType(part).toLowerCase(Locale.ROOT);
            if (type.contains("macroenabled") || type.contains("vbaproject") || type.contains("macrosheet")
                    || type.contains("vbadata")) {
                throw new UnreadableWorkbookException(MACROS, FindingText.FILE_MACROS, null);
            }
        }
        Map<String, List<Rel>> relsByPart = new HashMap<>();
        for (ZipBytes.Entry e : rels) {
            Rels handler = new Rels();
            parse(e, handler);
            for (Rel r : handler.rels) {
                String type = r.type().toLowerCase(Locale.ROOT);
                if (type.endsWith("/vbaproject") || type.contains("macrosheet") || type.endsWith("/vbaprojectsignature")) {
                    throw new UnreadableWorkbookException(MACROS, FindingText.FILE_MACROS, null);
                }
            }
            relsByPart.put(partName(e.name()), handler.rels);
        }
        List<Rel> root = relsByPart.getOrDefault("_rels/.rels", List.of());
        String workbook = null;
        String core = null;
        for (Rel r : root) {
            if (r.external()) {
                continue;
            }
            if (r.type().endsWith("/officeDocument") && workbook == null) {
                workbook = resolve("", r.target());
            } else if (r.type().endsWith("/metadata/core-properties") && core == null) {
                core = resolve("", r.target());
            }
        }
        if (workbook == null || !entries.containsKey(workbook)) {
            throw corrupt();
        }
        String wbType = contentType(workbook);
        if (!wbType.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.")) {
            throw corrupt(); // a word-processing or presentation package, however it is named
        }
        String base = workbook.contains("/") ? workbook.substring(0, workbook.lastIndexOf('/') + 1) : "";
        Map<String, Rel> wbRels = new HashMap<>();
        for (Rel r : relsByPart.getOrDefault(relsOf(workbook), List.of())) {
            wbRels.putIfAbsent(r.id(), r);
            if (r.type().endsWith("/sharedStrings") && !r.external() && sharedStrings == null) {
                String part = resolve(base, r.target());
                if (entries.containsKey(part)) {
                    sharedStrings = part;
                }
            }
        }
        if (sharedStrings == null) {
            sharedStrings = entries.keySet().stream().filter(p -> contentType(p).equals(
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml")).sorted()
                    .findFirst().orElse(null);
        }
        WorkbookSheets list = new WorkbookSheets();
        parse(entries.get(workbook), list);
        for (String[] s : list.sheets) {
            Rel r = wbRels.get(s[1]);
            if (r == null || r.external()) {
                continue;
            }
            String part = resolve(base, r.target());
            if (entries.containsKey(part)) {
                sheets.putIfAbsent(s[0], part);
            }
        }
        if (core != null && entries.containsKey(core)) {
            CoreProperties props = new CoreProperties();
            parse(entries.get(core), props);
            savedAt = props.modified.or(() -> props.created);
            parsed.add(core);
        }
        parsed.add("[content_types].xml");
        parsed.add(workbook);
        rels.forEach(e -> parsed.add(partName(e.name())));
        // Every other part's prolog is checked for a DTD now, whether or not it is ever read; the parts just parsed
        // were checked by the parser itself (it refuses a DOCTYPE before anything in it takes effect).
        for (Map.Entry<String, ZipBytes.Entry> e : entries.entrySet()) {
            String name = e.getKey();
            boolean dtd;
            try {
                dtd = !parsed.contains(name) && (name.endsWith(".xml") || name.endsWith(".rels")
                        || name.endsWith(".vml")) && parts.declaresDtd(e.getValue());
            } catch (IOException x) {
                throw new UnreadableWorkbookException(CORRUPT, FindingText.filePartCorrupt(e.getValue().name()), x);
            }
            if (dtd) {
                throw corrupt();
            }
        }
    }

    /**
     * The file's bytes as a zip archive: {@code bytes} when the caller holds them (an upload, a bulk load: the bytes
     * checked are then exactly the bytes stored), else the file read whole (a workbook is small).
     */
    private static ZipBytes zip(Path file, byte[] bytes) throws UnreadableWorkbookException {
        try {
            if (bytes == null && java.nio.file.Files.size(file) > MAX_PACKAGE_BYTES) {
                throw corrupt();
            }
            return ZipBytes.of(bytes != null ? bytes : java.nio.file.Files.readAllBytes(file),
                    (int) Math.min(Integer.MAX_VALUE, ZipSecureFile.getMaxFileCount()));
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new UnreadableWorkbookException(CORRUPT, FindingText.FILE_CORRUPT, e);
        }
    }

    /**
     * Reads every part not read to its end yet: each must inflate to its declared size with its CRC, and each XML
     * part must parse. Refused naming the part — a theme, the styles, a sheet nobody reads, a stray part alike.
     */
    void verifyRest() throws UnreadableWorkbookException {
        for (Map.Entry<String, ZipBytes.Entry> e : entries.entrySet()) {
            String name = e.getKey();
            if (parsed.contains(name)) {
                continue;
            }
            try {
                if (name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml")) {
                    parse(e.getValue(), new DefaultHandler());
                } else {
                    try (InputStream in = parts.open(e.getValue())) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
            } catch (UnreadableWorkbookException | IOException | RuntimeException x) {
                if (x instanceof Deadline.Exceeded d) {
                    throw d;
                }
                throw new UnreadableWorkbookException(CORRUPT, FindingText.filePartCorrupt(e.getValue().name()), x);
            }
            parsed.add(name);
        }
    }

    private String contentType(String part) {
        String t = overrides.get(part);
        if (t != null) {
            return t;
        }
        int dot = part.lastIndexOf('.');
        return dot < 0 ? "" : defaults.getOrDefault(part.substring(dot + 1), "");
    }

    /** Parses one part with the reused, hardened SAX reader of this thread. */
    void parse(String part, DefaultHandler handler) throws UnreadableWorkbookException {
        ZipBytes.Entry e = entries.get(part);
        if (e == null) {
            throw corrupt();
        }
        parse(e, handler);
    }

    private void parse(ZipBytes.Entry entry, DefaultHandler handler) throws UnreadableWorkbookException {
        if (parts.parse(entry, handler)) {
            parsed.add(partName(entry.name())); // read to its end: its CRC and size were checked on the way
        }
    }

    /** {@code xl/workbook.xml} → {@code xl/_rels/workbook.xml.rels}. */
    private static String relsOf(String part) {
        int slash = part.lastIndexOf('/');
        return part.substring(0, slash + 1) + "_rels/" + part.substring(slash + 1) + ".rels";
    }

    /** A relationship target against the source part's folder: percent-decoded, dot segments removed, lower case. */
    static String resolve(String base, String target) throws UnreadableWorkbookException {
        String t = target.replace('\\', '/');
        String path = decode(t.startsWith("/") ? t : base + t);
        List<String> out = new ArrayList<>();
        for (String seg : path.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (out.isEmpty()) {
                    throw corrupt(); // above the package root
                }
                out.remove(out.size() - 1);
            } else {
                out.add(seg);
            }
        }
        return partName(String.join("/", out));
    }

    /** %XX escapes as UTF-8, as part names in relationships are written; a broken escape is a broken package. */
    private static String decode(String s) throws UnreadableWorkbookException {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw corrupt();
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw corrupt();
                }
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i += Character.charCount(cp) - 1;
            }
        }
        return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The key a part is looked up by: OPC part names are case-insensitive and absolute. */
    private static String partName(String name) {
        String n = name.replace('\\', '/');
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        return n.toLowerCase(Locale.ROOT);
    }

    private static UnreadableWorkbookException corrupt() {
        return new UnreadableWorkbookException(CORRUPT, FindingText.FILE_CORRUPT, null);
    }

    @Override
    public void close() {
        // nothing held but the bytes
    }

    private final class ContentTypes extends DefaultHandler {
        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            String type = atts.getValue("ContentType");
            if (type == null) {
                return;
            }
            if (localName.equals("Default") && atts.getValue("Extension") != null) {
                defaults.putIfAbsent(atts.getValue("Extension").toLowerCase(Locale.ROOT), type.strip());
            } else if (localName.equals("Override") && atts.getValue("PartName") != null) {
                overrides.putIfAbsent(partName(atts.getValue("PartName")), type.strip());
            }
        }
    }

}
