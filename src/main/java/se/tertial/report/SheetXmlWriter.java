package se.tertial.report;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;

/**
 * The writer SXSSF puts each sheet's XML through on its way to the temporary file, without the locks. POI writes a
 * sheet a character at a time (escaping each string itself) into a {@link java.io.BufferedWriter} over an
 * {@link java.io.OutputStreamWriter}, whose every {@code write} takes a lock: a third of the 500-unit report's
 * writing time was spent in {@code BufferedWriter.write} (JFR, 1 051 samples). This one buffers characters and
 * encodes them as UTF-8 itself; one sheet is only ever written by one thread.
 */
final class SheetXmlWriter extends Writer {
    private final OutputStream out;
    private final byte[] bytes = new byte[64 * 1024];
    private int n;
    private char highSurrogate;

    SheetXmlWriter(OutputStream out) {
        this.out = out;
    }

    /**
     * An SXSSF workbook whose sheets are written through this writer, zipped at deflate's fastest level: at the
     * default level deflating took 28 % of the 500-unit report's writing (JFR, 423 of 1 503 samples), for a file a
     * few percent smaller.
     */
    static SXSSFWorkbook workbook(int rowWindow) {
        return new SXSSFWorkbook(rowWindow) {
            @Override
            protected org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream createArchiveOutputStream(
                    OutputStream out) {
                var zip = super.createArchiveOutputStream(out);
                zip.setLevel(java.util.zip.Deflater.BEST_SPEED);
                return zip;
            }

            @Override
            protected SheetDataWriter createSheetDataWriter() throws IOException {
                return new SheetDataWriter(getSharedStringSource()) {
                    private final CellXml cells = new CellXml();

                    @Override
                    public Writer createWriter(File fd) throws IOException {
                        return new SheetXmlWriter(new FileOutputStream(fd));
                    }

                    @Override
                    public void writeCell(int column, org.apache.poi.ss.usermodel.Cell cell) throws IOException {
                        if (cell != null && CellXml.handles(cell)) {
                            cells.write((SheetXmlWriter) _out, column, cell);
                        } else {
                            super.writeCell(column, cell);
                        }
                    }
                };
            }
        };
    }

    @Override
    public void write(int c) throws IOException {
        if (n + 4 > bytes.length) {
            drain();
        }
        char ch = (char) c;
        if (highSurrogate != 0 && !Character.isLowSurrogate(ch)) {
            highSurrogate = 0;
            bytes[n++] = '?'; // half a pair, as Java's encoder writes it
            if (n + 4 > bytes.length) {
                drain();
            }
        }
        if (ch < 0x80) {
            bytes[n++] = (byte) ch;
        } else if (ch < 0x800) {
            bytes[n++] = (byte) (0xC0 | (ch >> 6));
            bytes[n++] = (byte) (0x80 | (ch & 0x3F));
        } else if (Character.isHighSurrogate(ch)) {
            highSurrogate = ch;
        } else if (Character.isLowSurrogate(ch)) {
            int cp = highSurrogate != 0 ? Character.toCodePoint(highSurrogate, ch) : '?';
            highSurrogate = 0;
            if (cp == '?') {
                bytes[n++] = '?';
                return;
            }
            bytes[n++] = (byte) (0xF0 | (cp >> 18));
            bytes[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
            bytes[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
            bytes[n++] = (byte) (0x80 | (cp & 0x3F));
        } else {
            bytes[n++] = (byte) (0xE0 | (ch >> 12));
            bytes[n++] = (byte) (0x80 | ((ch >> 6) & 0x3F));
            bytes[n++] = (byte) (0x80 | (ch & 0x3F));
        }
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(chars[i]);
        }
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        for (int i = off; i < off + len; i++) {
            write(s.charAt(i));
        }
    }

    /** Writes {@code text} as {@link #write(String)} would, its ASCII without a call per character. */
    void writeAll(CharSequence text) throws IOException {
        int len = text.length();
        int i = 0;
        while (i < len) {
            if (bytes.length - n < 64) {
                drain();
            }
            // at most three bytes per character (a surrogate pair: none, then four), four spare
            int stop = Math.min(len, i + (bytes.length - 4 - n) / 3);
            for (; i < stop; i++) {
                char ch = text.charAt(i);
                if (ch < 0x80 && highSurrogate == 0) {
                    bytes[n++] = (byte) ch;
                } else {
                    write(ch);
                }
            }
        }
    }

    private void drain() throws IOException {
        out.write(bytes, 0, n);
        n = 0;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (highSurrogate != 0) {
            highSurrogate = 0;
            bytes[n++] = '?';
        }
        flush();
        out.close();
    }
}
