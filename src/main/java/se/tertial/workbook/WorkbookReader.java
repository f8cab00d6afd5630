package se.tertial.workbook;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import se.tertial.spec.Messages;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static se.tertial.workbook.UnreadableWorkbookException.Reason.CORRUPT;
import static se.tertial.workbook.UnreadableWorkbookException.Reason.ENCRYPTED;
import static se.tertial.workbook.UnreadableWorkbookException.Reason.MACROS;
import static se.tertial.workbook.UnreadableWorkbookException.Reason.NOT_A_WORKBOOK;

/**
 * Opens an uploaded file as a workbook, treating it as hostile: the type is decided by its first bytes (zip or OLE2),
 * never by its name; macro-enabled workbooks are refused; POI's zip-bomb and size limits stay on (and are
 * tightened); every parser failure, including a stack overflow on a malformed .xls, becomes an
 * {@link UnreadableWorkbookException} with a Swedish message.
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
    }

    private WorkbookReader() {}

    public static OpenedWorkbook open(Path file) throws UnreadableWorkbookException {
        byte[] head = head(file);
        try {
            if (startsWith(head, ZIP)) {
                refuseMacros(file);
                OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
                try {
                    return new OpenedWorkbook(new XSSFWorkbook(pkg), WorkbookFormat.XLSX);
                } catch (RuntimeException | IOException | StackOverflowError e) {
                    pkg.revert();
                    throw e;
                }
            }
            if (startsWith(head, OLE2)) {
                return openOle2(file);
            }
        } catch (UnreadableWorkbookException e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new UnreadableWorkbookException(ENCRYPTED, Messages.FILE_ENCRYPTED, e);
        } catch (Exception | StackOverflowError e) {
            throw new UnreadableWorkbookException(CORRUPT, Messages.FILE_CORRUPT, e);
        }
        throw new UnreadableWorkbookException(NOT_A_WORKBOOK, Messages.FILE_NOT_A_WORKBOOK, null);
    }

    private static OpenedWorkbook openOle2(Path file) throws IOException, UnreadableWorkbookException {
        POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
        try {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage")) {
                throw new UnreadableWorkbookException(ENCRYPTED, Messages.FILE_ENCRYPTED, null);
            }
            if (root.hasEntry("_VBA_PROJECT_CUR") || root.hasEntry("Macros")) {
                throw new UnreadableWorkbookException(MACROS, Messages.FILE_MACROS, null);
            }
            if (!root.hasEntry("Workbook") && !root.hasEntry("WORKBOOK") && !root.hasEntry("Book")) {
                throw new UnreadableWorkbookException(NOT_A_WORKBOOK, Messages.FILE_NOT_A_WORKBOOK, null);
            }
            return new OpenedWorkbook(new HSSFWorkbook(root, true), WorkbookFormat.XLS);
        } finally {
            // HSSFWorkbook has read everything it needs into memory.
            fs.close();
        }
    }

    /** A macro-enabled workbook (.xlsm and friends) carries a VBA project or declares itself macro-enabled. */
    private static void refuseMacros(Path file) throws IOException, UnreadableWorkbookException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String name = entries.nextElement().getName().toLowerCase(Locale.ROOT);
                if (name.endsWith("vbaproject.bin") || name.endsWith("vbadata.xml")) {
                    throw new UnreadableWorkbookException(MACROS, Messages.FILE_MACROS, null);
                }
            }
            ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types != null) {
                try (InputStream in = zip.getInputStream(types)) {
                    String xml = new String(in.readNBytes(1_000_000), java.nio.charset.StandardCharsets.UTF_8);
                    if (xml.contains("macroEnabled")) {
                        throw new UnreadableWorkbookException(MACROS, Messages.FILE_MACROS, null);
                    }
                }
            }
        }
    }

    private static byte[] head(Path file) throws UnreadableWorkbookException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(8);
        } catch (IOException e) {
            throw new UnreadableWorkbookException(CORRUPT, Messages.FILE_CORRUPT, e);
        }
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(Arrays.copyOf(head, magic.length), magic);
    }
}
