package se.tertial.workbook;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import se.tertial.spec.FindingText;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static se.tertial.workbook.UnreadableWorkbookException.Reason.CORRUPT;
import static se.tertial.workbook.UnreadableWorkbookException.Reason.MACROS;

/**
 * The parts of an .xlsx package that reading it needs, found without POI's OPC layer (which builds a DOM of every
 * relationship and property part and was a quarter of a bulk load's CPU): the content types, every relationship part
 * (for macros), the workbook's sheets in order with their parts, the shared-strings part and the saved date. Every
 * part is read through {@link Bounded}, which applies POI's zip-bomb limits (as configured on {@link ZipSecureFile}: entry
 * size, inflate ratio, file count) to every byte inflated — from the package's bytes in memory ({@link ZipBytes}: by the
 * central directory, as Excel reads it; no file read per part, inflaters pooled); every XML part is parsed with one
 * hardened SAX reader per thread, reused.
 */
final class XlsxPackage implements AutoCloseable {
    private static final String REL_NS_SUFFIX = "relationships";
    private static final ThreadLocal<XMLReader> READERS = new ThreadLocal<>();
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

    private final Deadline deadline;

    private XlsxPackage(ZipBytes zip, Deadline deadline) {
        this.zip = zip;
        this.deadline = deadline;
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
                if (isBomb(e) || pkg.entries.putIfAbsent(partName(e.name()), e) != null) {
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
            if (isBomb(e)) {
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
                        || name.endsWith(".vml")) && declaresDtd(e.getValue());
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

    /** A part's bytes as they inflate, within the limits. */
    private InputStream open(ZipBytes.Entry e) throws IOException {
        return new Bounded(zip.open(e), e.packedSize(), deadline);
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
                    try (InputStream in = open(e.getValue())) {
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

    /**
     * The upload's deadline, and POI's zip-bomb limits on one part: at most {@link ZipSecureFile#getMaxEntrySize()} bytes, and past
     * {@link ZipSecureFile#getGraceEntrySize()} no more than 1 / {@link ZipSecureFile#getMinInflateRatio()} times the
     * part's compressed size — whatever its header claims.
     */
    static final class Bounded extends FilterInputStream {
        private final long packed;
        private final Deadline deadline;
        private long inflated;

        Bounded(InputStream in, long packed, Deadline deadline) {
            super(in);
            this.packed = packed;
            this.deadline = deadline;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws IOException {
            deadline.check(); // every part's bytes, also those of parts no handler counts elements in
            inflated += n;
            if (inflated > ZipSecureFile.getMaxEntrySize()) {
                throw new IOException("a part inflates beyond the size limit");
            }
            if (inflated > ZipSecureFile.getGraceEntrySize()
                    && (packed < 0 || (double) packed / inflated < ZipSecureFile.getMinInflateRatio())) {
                throw new IOException("a part inflates beyond the ratio limit (a zip bomb)");
            }
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
        XMLReader xml = READERS.get();
        try {
            if (xml == null) {
                xml = newReader();
                READERS.set(xml);
            }
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new UnreadableWorkbookException(CORRUPT, FindingText.FILE_CORRUPT, e);
        }
        try (InputStream in = open(entry)) {
            xml.setContentHandler(handler);
            xml.setErrorHandler(null);
            xml.parse(new InputSource(in));
            parsed.add(partName(entry.name())); // read to its end: its CRC and size were checked on the way
        } catch (SharedStringsXml.Done done) {
            // every wanted string read
        } catch (Deadline.Exceeded e) {
            throw e;
        } catch (SAXException e) {
            throw timeoutOr(e, entry.name());
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            READERS.remove(); // a reader that failed this way is not trusted again
            throw timeoutOr(e, entry.name());
        } finally {
            xml.setContentHandler(null);
        }
    }

    /** The deadline passing, however deep the parser wrapped it; else a corrupt part. */
    /** As {@link #timeoutOr(Throwable)}, naming the part that could not be read. */
    private static UnreadableWorkbookException timeoutOr(Throwable e, String part) {
        UnreadableWorkbookException u = timeoutOr(e);
        return new UnreadableWorkbookException(CORRUPT, FindingText.filePartCorrupt(part), u.getCause());
    }

    private static UnreadableWorkbookException timeoutOr(Throwable e) {
        for (Throwable t = e; t != null; t = t instanceof SAXException x && x.getException() != null
                ? x.getException() : t.getCause()) {
            if (t instanceof Deadline.Exceeded x) {
                throw x;
            }
        }
        return new UnreadableWorkbookException(CORRUPT, FindingText.FILE_CORRUPT, e);
    }

    /**
     * Aalto's SAX parser (FasterXML): namespace-aware, no external entities, and any DOCTYPE refused as it begins
     * (the other parts' prologs are scanned for one when the package is opened), so only XML's own entities and
     * character references occur.
     */
    private static XMLReader newReader() throws SAXException, javax.xml.parsers.ParserConfigurationException {
        javax.xml.parsers.SAXParserFactory factory = new com.fasterxml.aalto.sax.SAXParserFactoryImpl();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        XMLReader reader = factory.newSAXParser().getXMLReader();
        // A DOCTYPE ends the parse where it starts: before an entity it declares can be expanded or fetched.
        reader.setProperty("http://xml.org/sax/properties/lexical-handler", new org.xml.sax.ext.DefaultHandler2() {
            @Override
            public void startDTD(String name, String publicId, String systemId) throws SAXException {
                throw new SAXException("a DTD in a workbook part");
            }
        });
        reader.setFeature("http://xml.org/sax/features/external-general-entities", false);
        reader.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        reader.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity refused");
        });
        return reader;
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

    /**
     * A part that says (in the central directory) it inflates beyond the limits: refused whether or not tertial would
     * read it. A part that lies about its size is caught by {@link Bounded} while it is read.
     */
    private static boolean isBomb(ZipBytes.Entry e) {
        long size = e.size();
        long packed = e.packedSize();
        if (size > WorkbookReader.MAX_ENTRY_BYTES) {
            return true;
        }
        return size > ZipSecureFile.getGraceEntrySize() && packed >= 0
                && (double) packed / size < ZipSecureFile.getMinInflateRatio();
    }

    /**
     * Whether the part's prolog (within its first 64 kB, in any of XML's encodings) holds a DOCTYPE. The part is read
     * only up to its first element — a few dozen bytes for every part a spreadsheet program writes — not inflated
     * whole: this runs for every part of every upload. NUL bytes (UTF-16) are skipped, case is ignored.
     */
    private boolean declaresDtd(ZipBytes.Entry e) throws IOException {
        final char[] doctype = "<!DOCTYPE".toCharArray();
        int matched = 0;
        boolean afterLt = false;
        int read = 0;
        byte[] buf = new byte[512];
        try (InputStream in = open(e)) {
            int n;
            while (read < 64 * 1024 && (n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buf[i];
                    read++;
                    if (b == 0) {
                        continue;
                    }
                    char c = Character.toUpperCase((char) (b & 0xFF));
                    if (afterLt && c != '?' && c != '!') {
                        return false; // the first element: the prolog is over
                    }
                    afterLt = c == '<';
                    matched = c == doctype[matched] ? matched + 1 : (c == '<' ? 1 : 0);
                    if (matched == doctype.length) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Override
    public void close() {
        // nothing held but the bytes
    }

    private record Rel(String id, String type, String target, boolean external) {}

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

    private static final class Rels extends DefaultHandler {
        final List<Rel> rels = new ArrayList<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            if (localName.equals("Relationship")) {
                String target = atts.getValue("Target");
                rels.add(new Rel(String.valueOf(atts.getValue("Id")), String.valueOf(atts.getValue("Type")).strip(),
                        target == null ? "" : target.strip(), "External".equalsIgnoreCase(atts.getValue("TargetMode"))));
            }
        }
    }

    private static final class WorkbookSheets extends DefaultHandler {
        final List<String[]> sheets = new ArrayList<>();

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            if (!localName.equals("sheet")) {
                return;
            }
            String name = atts.getValue("name");
            String id = null;
            for (int i = 0; i < atts.getLength(); i++) {
                if (atts.getLocalName(i).equals("id") && atts.getURI(i).endsWith(REL_NS_SUFFIX)) {
                    id = atts.getValue(i);
                }
            }
            if (name != null && id != null) {
                sheets.add(new String[] {name, id});
            }
        }
    }

    private static final class CoreProperties extends DefaultHandler {
        Optional<Instant> modified = Optional.empty();
        Optional<Instant> created = Optional.empty();
        private final StringBuilder text = new StringBuilder();
        private boolean in;

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) {
            in = localName.equals("modified") || localName.equals("created");
            text.setLength(0);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (in && text.length() < 100) {
                text.append(ch, start, Math.min(length, 100));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            if (in && localName.equals("modified")) {
                modified = instant(text.toString());
            } else if (in && localName.equals("created")) {
                created = instant(text.toString());
            }
            in = false;
        }
    }

    /** A W3CDTF date as Excel, LibreOffice and openpyxl write it; anything else is no date. */
    static Optional<Instant> instant(String text) {
        String s = text.strip();
        Instant quick = IsoInstant.quick(s);
        if (quick != null) {
            return Optional.of(quick);
        }
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException e) {
            // try the looser forms
        }
        try {
            return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            // a date alone?
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
