package se.tertial.workbook;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;
import se.tertial.spec.FindingText;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import static se.tertial.workbook.UnreadableWorkbookException.Reason.CORRUPT;

/**
 * Reads one part of a package and trusts nothing in it: its bytes inflate through POI's zip-bomb limits and the
 * upload's deadline ({@link Bounded}), its XML parses with the hardened SAX reader of this thread (reused, dropped
 * after a failure), its prolog is scanned for a DOCTYPE; a part that fails is refused by name.
 */
final class PartReader {
    private static final ThreadLocal<XMLReader> READERS = new ThreadLocal<>();

    private final ZipBytes zip;
    private final Deadline deadline;

    PartReader(ZipBytes zip, Deadline deadline) {
        this.zip = zip;
        this.deadline = deadline;
    }

    /** A part's bytes as they inflate, within the limits. */
    InputStream open(ZipBytes.Entry e) throws IOException {
        return new Bounded(zip.open(e), e.packedSize(), deadline);
    }

    /**
     * Parses {@code entry} with {@code handler}; true when the part was read to its end (its CRC and size checked on
     * the way), false when the handler stopped early ({@link SharedStringsXml.Done}).
     */
    boolean parse(ZipBytes.Entry entry, DefaultHandler handler) throws UnreadableWorkbookException {
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
            return true;
        } catch (SharedStringsXml.Done done) {
            return false; // every wanted string read
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

    /** As {@link #timeoutOr(Throwable)}, naming the part that could not be read. */
    private static UnreadableWorkbookException timeoutOr(Throwable e, String part) {
        UnreadableWorkbookException u = timeoutOr(e);
        return new UnreadableWorkbookException(CORRUPT, FindingText.filePartCorrupt(part), u.getCause());
    }

    /** The deadline passing, however deep the parser wrapped it; else a corrupt part. */
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

    /**
     * A part that says (in the central directory) it inflates beyond the limits: refused whether or not tertial would
     * read it. A part that lies about its size is caught by {@link Bounded} while it is read.
     */
    static boolean isBomb(ZipBytes.Entry e) {
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
    boolean declaresDtd(ZipBytes.Entry e) throws IOException {
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
}
