package se.tertial.workbook;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import se.tertial.spec.FindingText;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static se.tertial.workbook.UnreadableWorkbookException.Reason.CORRUPT;
import static se.tertial.workbook.UnreadableWorkbookException.Reason.NOT_A_WORKBOOK;

/**
 * Opens an uploaded file as a workbook, treating it as hostile: the type is decided by its first bytes (zip or OLE2),
 * never by its name; POI's zip-bomb and size limits stay on (and are tightened); macro-enabled and encrypted
 * workbooks are refused; every parser failure, including a stack overflow on a malformed .xls, becomes an
 * {@link UnreadableWorkbookException} with a Swedish message. An .xlsx is streamed ({@link XlsxStream}), an .xls read
 * with HSSF ({@link XlsUsermodel}).
 */
public final class WorkbookReader {
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};
    /** No part of a real template is anywhere near this when inflated. */
    static final long MAX_ENTRY_BYTES = 100L * 1024 * 1024;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
        ZipSecureFile.setMaxTextSize(10_000_000);
        ZipSecureFile.setMaxFileCount(1_000);
    }

    private WorkbookReader() {}

    /** With the default limits, the deadline starting now. */
    public static OpenedWorkbook open(Path file) throws UnreadableWorkbookException {
        return open(file, ReadLimits.DEFAULT, ReadLimits.DEFAULT.start());
    }

    /**
     * Opens the file; the deadline covers opening and every sheet read later.
     *
     * @throws Deadline.Exceeded when the deadline passes while opening
     */
    public static OpenedWorkbook open(Path file, ReadLimits limits, Deadline deadline)
            throws UnreadableWorkbookException {
        return open(file, null, limits, deadline);
    }

    /**
     * As {@link #open(Path, ReadLimits, Deadline)}, from {@code bytes} — the file's content, which the caller holds
     * (and stores) — when not {@code null}: what is checked is then exactly what is stored, and the file is not read
     * again. An .xls is read from the file.
     */
    public static OpenedWorkbook open(Path file, byte[] bytes, ReadLimits limits, Deadline deadline)
            throws UnreadableWorkbookException {
        byte[] head = bytes != null ? Arrays.copyOf(bytes, Math.min(8, bytes.length)) : head(file);
        if (startsWith(head, ZIP)) {
            return XlsxStream.open(file, bytes, limits, deadline);
        }
        if (startsWith(head, OLE2)) {
            return XlsUsermodel.open(file, limits, deadline);
        }
        throw new UnreadableWorkbookException(NOT_A_WORKBOOK, FindingText.FILE_NOT_A_WORKBOOK, null);
    }

    /**
     * As {@link #open(Path, byte[], ReadLimits, Deadline)}, reusing an outline made by an earlier open of bytes with
     * the same SHA-256 ({@code sha256}: of the bytes the caller holds and stores): the structure is not parsed again.
     */
    public static OpenedWorkbook open(Path file, byte[] bytes, String sha256,
                                      java.util.Optional<WorkbookOutline> known, ReadLimits limits, Deadline deadline)
            throws UnreadableWorkbookException {
        if (known.isPresent() && known.get().sha256().equals(sha256)) {
            // An outline is made only of a zip package, so these bytes were one: no need to look at their first
            // bytes again (a file changed since on disk fails in the zip reader, as corrupt).
            return XlsxStream.reopen(file, bytes, known.get(), limits, deadline);
        }
        return open(file, bytes, limits, deadline);
    }

    /** Whether the bytes start like a workbook (zip or OLE2) at all; other files are kept only in part. */
    public static boolean looksLikeWorkbook(byte[] bytes) {
        return startsWith(bytes, ZIP) || startsWith(bytes, OLE2);
    }

    private static byte[] head(Path file) throws UnreadableWorkbookException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new UnreadableWorkbookException(CORRUPT, FindingText.FILE_CORRUPT, e);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }
}
