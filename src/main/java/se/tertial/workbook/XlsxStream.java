package se.tertial.workbook;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageProperties;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import se.tertial.spec.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static se.tertial.workbook.UnreadableWorkbookException.Reason.CORRUPT;
import static se.tertial.workbook.UnreadableWorkbookException.Reason.MACROS;

/**
 * An .xlsx read by streaming: the package's content types and relationships (parsed by POI's OPC layer, so any
 * encoding and character reference is understood) decide whether it carries macros; then only the sheets asked for
 * and, when they refer to it, the shared-strings part are parsed with SAX. No XMLBeans tree is built and no formula
 * is evaluated.
 */
final class XlsxStream extends OpenedWorkbook {
    private final OPCPackage pkg;
    private final Map<String, PackagePart> sheets = new LinkedHashMap<>();
    private final Optional<Instant> savedAt;

    private XlsxStream(OPCPackage pkg, ReadLimits limits, Deadline deadline) throws Exception {
        super(WorkbookFormat.XLSX, limits, deadline);
        this.pkg = pkg;
        refuseMacros(pkg);
        XSSFReader.SheetIterator it = new XSSFReader(pkg).getSheetIterator();
        while (it.hasNext()) {
            it.next().close();
            sheets.putIfAbsent(it.getSheetName(), it.getSheetPart());
        }
        this.savedAt = savedAt(pkg.getPackageProperties());
    }

    static OpenedWorkbook open(Path file, ReadLimits limits, Deadline deadline) throws UnreadableWorkbookException {
        OPCPackage pkg = null;
        try {
            // Through ZipSecureFile only: no fallback that would inflate a broken zip into memory.
            ZipSecureFile zip = new ZipSecureFile(file.toFile());
            try {
                refuseMacroNames(zip);
            } catch (UnreadableWorkbookException e) {
                zip.close();
                throw e;
            }
            pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
            return new XlsxStream(pkg, limits, deadline);
        } catch (UnreadableWorkbookException e) {
            revert(pkg);
            throw e;
        } catch (Deadline.Exceeded e) {
            revert(pkg);
            throw e;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            revert(pkg);
            throw new UnreadableWorkbookException(CORRUPT, Messages.FILE_CORRUPT, e);
        }
    }

    private static void revert(OPCPackage pkg) {
        if (pkg != null) {
            try {
                pkg.revert();
            } catch (RuntimeException ignored) {
                // already broken; nothing was written
            }
        }
    }

    /**
     * Before the package is parsed: a VBA project by its usual name is refused even when the package around it is
     * broken, and so is any part declaring a DTD (no spreadsheet program writes one; it is how XXE and billion
     * laughs arrive) — also in parts tertial would never parse itself.
     */
    private static void refuseMacroNames(ZipSecureFile zip) throws UnreadableWorkbookException, IOException {
        var entries = zip.getEntries();
        while (entries.hasMoreElements()) {
            var entry = entries.nextElement();
            String name = entry.getName().toLowerCase(Locale.ROOT);
            if (name.endsWith("vbaproject.bin") || name.endsWith("vbadata.xml")) {
                throw new UnreadableWorkbookException(MACROS, Messages.FILE_MACROS, null);
            }
            if (isBomb(entry)) {
                throw new UnreadableWorkbookException(CORRUPT, Messages.FILE_CORRUPT, null);
            }
            if ((name.endsWith(".xml") || name.endsWith(".rels") || name.endsWith(".vml")) && declaresDtd(zip, entry)) {
                throw new UnreadableWorkbookException(CORRUPT, Messages.FILE_CORRUPT, null);
            }
        }
    }

    /**
     * A part that says (in the central directory) it inflates beyond the limits: refused whether or not tertial would
     * read it. A part that lies about its size is caught by ZipSecureFile's own check while it is read.
     */
    private static boolean isBomb(org.apache.commons.compress.archivers.zip.ZipArchiveEntry e) {
        long size = e.getSize();
        long packed = e.getCompressedSize();
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
    private static boolean declaresDtd(ZipSecureFile zip, org.apache.commons.compress.archivers.zip.ZipArchiveEntry e)
            throws IOException {
        final char[] doctype = "<!DOCTYPE".toCharArray();
        int matched = 0;
        boolean afterLt = false;
        int read = 0;
        try (InputStream in = new java.io.BufferedInputStream(zip.getInputStream(e), 512)) {
            int b;
            while (read < 64 * 1024 && (b = in.read()) >= 0) {
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
        return false;
    }

    /**
     * Macro-enabled: a workbook part of a macro-enabled type, a VBA project or Excel 4 macro sheet by content type,
     * by relationship or by part name — wherever in the package it is.
     */
    private static void refuseMacros(OPCPackage pkg) throws Exception {
        for (PackageRelationship rel : pkg.getRelationships()) {
            refuseMacroRelationship(rel);
        }
        for (PackagePart part : pkg.getParts()) {
            String type = part.getContentType().toLowerCase(Locale.ROOT);
            String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
            if (type.contains("macroenabled") || type.contains("vbaproject") || type.contains("macrosheet")
                    || type.contains("vbadata") || name.endsWith("vbaproject.bin") || name.endsWith("vbadata.xml")) {
                throw new UnreadableWorkbookException(MACROS, Messages.FILE_MACROS, null);
            }
            if (!part.isRelationshipPart()) {
                for (PackageRelationship rel : part.getRelationships()) {
                    refuseMacroRelationship(rel);
                }
            }
        }
    }

    private static void refuseMacroRelationship(PackageRelationship rel) throws UnreadableWorkbookException {
        String type = rel.getRelationshipType().toLowerCase(Locale.ROOT);
        if (type.endsWith("/vbaproject") || type.contains("macrosheet") || type.endsWith("/vbaprojectsignature")) {
            throw new UnreadableWorkbookException(MACROS, Messages.FILE_MACROS, null);
        }
    }

    private static Optional<Instant> savedAt(PackageProperties props) {
        Optional<java.util.Date> d = props.getModifiedProperty();
        if (d.isEmpty()) {
            d = props.getCreatedProperty();
        }
        return d.map(java.util.Date::toInstant);
    }

    @Override
    public Optional<Instant> savedAt() {
        return savedAt;
    }

    @Override
    public List<String> sheetNames() {
        return new ArrayList<>(sheets.keySet());
    }

    @Override
    public Optional<SheetGrid> sheet(String name, ReadArea area) throws UnreadableWorkbookException {
        PackagePart part = sheets.get(name);
        if (part == null) {
            return Optional.empty();
        }
        SheetXml xml = new SheetXml(area, limits, deadline);
        parse(part, xml);
        Set<Integer> wanted = new HashSet<>();
        xml.cells.values().forEach(raw -> {
            if ("s".equals(raw.type()) && raw.value() != null) {
                index(raw.value()).ifPresent(wanted::add);
            }
        });
        SharedStringsXml strings = new SharedStringsXml(wanted, limits, deadline);
        if (!wanted.isEmpty()) {
            parseSharedStrings(strings);
        }
        Map<Long, CellValue> cells = new HashMap<>();
        int lastRow = -1;
        int lastCol = -1;
        for (Map.Entry<Long, SheetXml.Raw> e : xml.cells.entrySet()) {
            CellValue v = XlsxCells.value(e.getValue(), strings);
            if (v instanceof CellValue.Blank) {
                continue;
            }
            cells.put(e.getKey(), v);
            lastRow = Math.max(lastRow, (int) (e.getKey() >> 20));
            lastCol = Math.max(lastCol, (int) (e.getKey() & 0xFFFFF));
        }
        return Optional.of(new SheetGrid(name, cells, lastRow, lastCol, xml.outside, xml.firstOutside));
    }

    static Optional<Integer> index(String s) {
        try {
            int i = Integer.parseInt(s.strip());
            return i >= 0 ? Optional.of(i) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void parseSharedStrings(SharedStringsXml handler) throws UnreadableWorkbookException {
        List<PackagePart> parts;
        try {
            parts = pkg.getPartsByContentType(
                    org.apache.poi.xssf.usermodel.XSSFRelation.SHARED_STRINGS.getContentType());
        } catch (RuntimeException e) {
            throw new UnreadableWorkbookException(CORRUPT, Messages.FILE_CORRUPT, e);
        }
        if (parts.isEmpty()) {
            return; // every index then reads as unreadable
        }
        parse(parts.get(0), handler);
    }

    private void parse(PackagePart part, DefaultHandler handler) throws UnreadableWorkbookException {
        try (InputStream in = part.getInputStream()) {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            xml.parse(new InputSource(in));
        } catch (SharedStringsXml.Done done) {
            // every wanted string read
        } catch (Deadline.Exceeded e) {
            throw e;
        } catch (SAXException e) {
            if (e.getException() instanceof Deadline.Exceeded x) {
                throw x;
            }
            throw new UnreadableWorkbookException(CORRUPT, Messages.FILE_CORRUPT, e);
        } catch (IOException | RuntimeException | javax.xml.parsers.ParserConfigurationException
                 | StackOverflowError | OutOfMemoryError e) {
            throw new UnreadableWorkbookException(CORRUPT, Messages.FILE_CORRUPT, e);
        }
    }

    @Override
    public void close() {
        revert(pkg);
    }
}
