package se.tertial.workbook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * A zip archive held in memory, read as Excel reads it: by its central directory, each part inflated straight from the
 * bytes. An .xlsx is a few kilobytes in a dozen parts; {@link java.util.zip.ZipFile} reads each part with its own
 * positional file reads (a local header, then the data), which made half of a bulk load's zip time — and a bulk load
 * holds every file's bytes anyway (its SHA-256, the stored original).
 *
 * <p>Hostile bytes are the normal case: every offset and length is checked against the array before it is used;
 * multi-disk and ZIP64 archives, encrypted parts and methods other than stored and deflated are refused as
 * {@link ZipException}; a part ends where its central-directory entry says, inflates to exactly the size it declares
 * and with its CRC-32, or reading it fails. The size and ratio limits are the caller's ({@link PartReader.Bounded}),
 * as with the JDK's reader.
 */
final class ZipBytes {
    private static final int EOCD = 0x06054b50;
    private static final int CEN = 0x02014b50;
    private static final int LOC = 0x04034b50;
    private static final int EOCD_LEN = 22;
    private static final int CEN_LEN = 46;
    private static final int LOC_LEN = 30;
    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    /** One part as the central directory describes it. */
    record Entry(String name, int method, long crc, long packedSize, long size, int localHeader) {
        boolean isDirectory() {
            return name.endsWith("/");
        }
    }

    private final byte[] bytes;
    private final List<Entry> entries;
    private final long dataEnd; // where the central directory begins: no part's data reaches past it

    private ZipBytes(byte[] bytes, List<Entry> entries, long dataEnd) {
        this.bytes = bytes;
        this.entries = entries;
        this.dataEnd = dataEnd;
    }

    /**
     * Reads the central directory of {@code bytes} (at most {@code maxEntries} entries).
     *
     * @throws ZipException when it is not a zip archive of the kinds a spreadsheet program writes, or a broken one
     */
    static ZipBytes of(byte[] bytes, int maxEntries) throws ZipException {
        int end = findEnd(bytes);
        if (u16(bytes, end + 4) != 0 || u16(bytes, end + 6) != 0) {
            throw new ZipException("a multi-disk archive");
        }
        int count = u16(bytes, end + 10);
        long cenSize = u32(bytes, end + 12);
        long cenOffset = u32(bytes, end + 16);
        if (count != u16(bytes, end + 8) || count == 0xFFFF || cenSize == 0xFFFFFFFFL || cenOffset == 0xFFFFFFFFL) {
            throw new ZipException("a ZIP64 or inconsistent end record");
        }
        if (count > maxEntries) {
            throw new ZipException("too many entries");
        }
        if (cenOffset + cenSize > end) {
            throw new ZipException("the central directory lies outside the archive");
        }
        List<Entry> list = new ArrayList<>(count);
        int p = (int) cenOffset;
        int cenEnd = (int) (cenOffset + cenSize);
        for (int i = 0; i < count; i++) {
            if (p + CEN_LEN > cenEnd || u32(bytes, p) != CEN) {
                throw new ZipException("a broken central directory entry");
            }
            int flags = u16(bytes, p + 8);
            int method = u16(bytes, p + 10);
            long crc = u32(bytes, p + 16);
            long packed = u32(bytes, p + 20);
            long size = u32(bytes, p + 24);
            int nameLen = u16(bytes, p + 28);
            int extraLen = u16(bytes, p + 30);
            int commentLen = u16(bytes, p + 32);
            long local = u32(bytes, p + 42);
            if ((flags & 1) != 0) {
                throw new ZipException("an encrypted entry");
            }
            if (packed == 0xFFFFFFFFL || size == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
                throw new ZipException("a ZIP64 entry");
            }
            if (method != 0 && method != 8 || method == 0 && packed != size) {
                throw new ZipException("an unsupported compression method");
            }
            int next = p + CEN_LEN + nameLen + extraLen + commentLen;
            if (next > cenEnd || local + LOC_LEN > cenOffset) {
                throw new ZipException("a broken central directory entry");
            }
            String name = new String(bytes, p + CEN_LEN, nameLen, StandardCharsets.UTF_8);
            list.add(new Entry(name, method, crc, packed, size, (int) local));
            p = next;
        }
        return new ZipBytes(bytes, Collections.unmodifiableList(list), cenOffset);
    }

    List<Entry> entries() {
        return entries;
    }

    /** The part's bytes as they inflate; fails when the part is broken, shorter or longer than declared. */
    InputStream open(Entry e) throws ZipException {
        int loc = e.localHeader();
        if (u32(bytes, loc) != LOC) {
            throw new ZipException("a broken local header");
        }
        int nameLen = u16(bytes, loc + 26);
        long start = (long) loc + LOC_LEN + nameLen + u16(bytes, loc + 28);
        if (start + e.packedSize() > dataEnd) {
            throw new ZipException("a part runs past the end of the archive");
        }
        return new PartStream(bytes, (int) start, (int) e.packedSize(), e, () -> agrees(e, loc, nameLen, start));
    }

    /**
     * A reader that goes by the local headers (POI reading a stream, Excel repairing) must find the same part: the
     * same name and method, and the same CRC and sizes — in the local header, or in the data descriptor after the
     * data when the header defers them. Checked once the part has inflated right.
     */
    private void agrees(Entry e, int loc, int nameLen, long start) throws ZipException {
        int flags = u16(bytes, loc + 6);
        if (u16(bytes, loc + 8) != e.method() || loc + LOC_LEN + nameLen > bytes.length
                || !e.name().equals(new String(bytes, loc + LOC_LEN, nameLen, StandardCharsets.UTF_8))) {
            throw new ZipException("a local header disagrees with the central directory");
        }
        if ((flags & 8) == 0) {
            if (u32(bytes, loc + 14) != e.crc() || u32(bytes, loc + 18) != e.packedSize()
                    || u32(bytes, loc + 22) != e.size()) {
                throw new ZipException("a local header disagrees with the central directory");
            }
            return;
        }
        long d = start + e.packedSize();
        if (d + 4 <= dataEnd && u32(bytes, (int) d) == 0x08074b50L) {
            d += 4;
        }
        if (d + 12 > dataEnd || u32(bytes, (int) d) != e.crc() || u32(bytes, (int) d + 4) != e.packedSize()
                || u32(bytes, (int) d + 8) != e.size()) {
            throw new ZipException("a data descriptor disagrees with the central directory");
        }
    }

    /** A check run when a part has been read to its end. */
    private interface Tail {
        void check() throws ZipException;
    }

    private static int findEnd(byte[] b) throws ZipException {
        int last = b.length - EOCD_LEN;
        int first = Math.max(0, last - 0xFFFF);
        for (int i = last; i >= first; i--) {
            if (b[i] == 0x50 && u32(b, i) == EOCD && i + EOCD_LEN + u16(b, i + 20) <= b.length) {
                return i;
            }
        }
        throw new ZipException("no end of central directory record");
    }

    private static int u16(byte[] b, int i) throws ZipException {
        if (i < 0 || i + 2 > b.length) {
            throw new ZipException("a record runs past the end of the archive");
        }
        return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) throws ZipException {
        return u16(b, i) | (long) u16(b, i + 2) << 16;
    }

    /** Inflates (or copies) one part from the array, counting and checking what comes out. */
    private static final class PartStream extends InputStream {
        private final byte[] src;
        private final int start;
        private final int length;
        private final Entry entry;
        private final Tail tail;
        private final CRC32 crc = new CRC32();
        private Inflater inflater;
        private boolean pooled;
        private int pos; // stored parts: bytes copied so far
        private long produced;
        private boolean done;

        PartStream(byte[] src, int start, int length, Entry entry, Tail tail) {
            this.tail = tail;
            this.src = src;
            this.start = start;
            this.length = length;
            this.entry = entry;
            if (entry.method() == 8) {
                Inflater mine = INFLATERS.get();
                if (mine != null) {
                    INFLATERS.set(null); // in use: a part opened meanwhile on this thread gets its own
                    inflater = mine;
                    pooled = true;
                } else {
                    inflater = new Inflater(true);
                }
                inflater.reset();
                inflater.setInput(src, start, length);
            }
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            if (done) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int n;
            if (inflater == null) {
                n = Math.min(len, length - pos);
                System.arraycopy(src, start + pos, b, off, n);
                pos += n;
            } else {
                n = 0;
                for (int tries = 0; n == 0 && !inflater.finished(); tries++) {
                    if (inflater.needsInput() || inflater.needsDictionary() || tries == 3) {
                        throw new ZipException("a part ends before its deflate stream");
                    }
                    try {
                        n = inflater.inflate(b, off, len);
                    } catch (DataFormatException e) {
                        throw new ZipException("a broken deflate stream");
                    }
                }
            }
            produced += n;
            if (produced > entry.size()) {
                throw new ZipException("a part inflates beyond its declared size");
            }
            crc.update(b, off, n);
            if (inflater == null ? pos == length : inflater.finished()) {
                finish();
                if (n == 0) {
                    return -1;
                }
            }
            return n;
        }

        private void finish() throws ZipException {
            done = true;
            if (produced != entry.size() || crc.getValue() != entry.crc()) {
                throw new ZipException("a part's size or CRC-32 does not match its entry");
            }
            tail.check();
        }

        @Override
        public void close() {
            if (inflater != null) {
                if (pooled) {
                    INFLATERS.set(inflater);
                } else {
                    inflater.end();
                }
                inflater = null;
            }
            done = true;
        }
    }
}
