package se.tertial.app;

import se.tertial.spec.ApiText;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A .zip of workbooks (regions archive history that way), unpacked to a temporary directory so it loads like one,
 * with the report naming each file by its path inside the zip ({@code arkiv.zip/2019/FS-MED.xlsx}). Hostile input
 * is normal input: entry names that would leave the directory are refused, every entry is counted as it is
 * unpacked (declared sizes are not trusted) against the upload limit and a hundredfold inflation ratio, and the
 * whole archive against a total and an entry count.
 */
public final class ZipArchive {
    /** Adds a file to a zip as it is, stored rather than deflated: for files compressed already (an .xlsx). */
    public static void putStored(java.util.zip.ZipOutputStream zip, String name, byte[] bytes)
            throws java.io.IOException {
        java.util.zip.ZipEntry entry = new java.util.zip.ZipEntry(name);
        entry.setMethod(java.util.zip.ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCompressedSize(bytes.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    static final int MAX_ENTRIES = 100_000;
    static final long MAX_TOTAL_BYTES = 20L * 1024 * 1024 * 1024;
    /** Like POI's zip-bomb guard: unpacked more than a hundred times its packed size (beyond 1 MB) is refused. */
    static final int MAX_RATIO = 100;
    static final long RATIO_GRACE_BYTES = 1024 * 1024;

    private ZipArchive() {}

    /** The unpacked workbooks under {@code root}, and a report row for every entry refused. */
    public record Unpacked(Path root, List<BulkLoader.FileResult> refused) {}

    /** Whether a bulk-load argument is a zip archive rather than a directory. */
    public static boolean isZip(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    public static Unpacked unpack(Path zip, Path into, long maxEntryBytes) {
        String archive = zip.getFileName().toString();
        Path base = into.resolve(archive).normalize();
        List<BulkLoader.FileResult> refused = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Files.createDirectories(base);
            int count = 0;
            long total = 0;
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String name = e.getName().replace('\\', '/');
                String shown = archive + "/" + name;
                if (++count > MAX_ENTRIES) {
                    refused.add(error(archive, ApiText.zipTooManyEntries(MAX_ENTRIES)));
                    break;
                }
                String file = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                if (!(file.endsWith(".xlsx") || file.endsWith(".xls")) || file.startsWith("~$") || file.startsWith(".")
                        || name.startsWith("__MACOSX/")) {
                    continue;
                }
                Path target = base.resolve(name).normalize();
                if (name.startsWith("/") || name.contains(":") || !target.startsWith(base)
                        || List.of(name.split("/")).contains("..")) {
                    refused.add(error(shown, ApiText.zipUnsafeName(name)));
                    continue;
                }
                Files.createDirectories(target.getParent());
                long written;
                try (InputStream in = z.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
                    written = copy(in, out, maxEntryBytes, e.getCompressedSize());
                } catch (TooLarge t) {
                    Files.deleteIfExists(target);
                    refused.add(error(shown, t.getMessage()));
                    continue;
                } catch (IOException | RuntimeException ex) {
                    Files.deleteIfExists(target);
                    refused.add(error(shown, ApiText.zipUnreadableEntry()));
                    continue;
                }
                total += written;
                if (total > MAX_TOTAL_BYTES) {
                    Files.deleteIfExists(target);
                    refused.add(error(archive, ApiText.zipTooLarge(MAX_TOTAL_BYTES)));
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            refused.add(error(archive, ApiText.zipUnreadable()));
        }
        return new Unpacked(into, refused);
    }

    private static final class TooLarge extends IOException {
        TooLarge(String message) {
            super(message);
        }
    }

    /** Copies while counting: more than the limit, or inflating beyond the ratio, stops the copy. */
    private static long copy(InputStream in, OutputStream out, long max, long compressed) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long n = 0;
        int r;
        while ((r = in.read(buffer)) > 0) {
            n += r;
            if (n > max) {
                throw new TooLarge(ApiText.fileTooLarge(max));
            }
            if (n > RATIO_GRACE_BYTES && compressed > 0 && n > compressed * MAX_RATIO) {
                throw new TooLarge(ApiText.zipBomb(MAX_RATIO));
            }
            out.write(buffer, 0, r);
        }
        return n;
    }

    private static BulkLoader.FileResult error(String name, String why) {
        return new BulkLoader.FileResult(name, "", "", "", "", "error", 0, why);
    }

    /** Removes the unpacked files. */
    public static void delete(Path root) {
        try (var s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
