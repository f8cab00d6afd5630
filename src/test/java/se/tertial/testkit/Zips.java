package se.tertial.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Rewrites zip files (an .xlsx is one), e.g. to smuggle a VBA project into a workbook or mutate one part's XML. */
public final class Zips {
    private Zips() {}

    public static byte[] withEntry(byte[] zip, String name, byte[] content) {
        return rewrite(zip, name, old -> content, true);
    }

    /** The same zip with one entry's bytes replaced (the entry must exist). */
    public static byte[] replace(byte[] zip, String name, UnaryOperator<byte[]> change) {
        return rewrite(zip, name, change, false);
    }

    /** The same zip with one entry's text (UTF-8) changed. */
    public static byte[] replaceText(byte[] zip, String name, UnaryOperator<String> change) {
        return replace(zip, name, b -> change.apply(new String(b, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The same zip with the CRC-32 that one entry declares changed — in its local header and in the central
     * directory, as a damaged copy would have it — while its data stay as they were.
     */
    public static byte[] badCrc(byte[] zip, String name) {
        byte[] out = zip.clone();
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        int changed = 0;
        for (int i = 0; i + 46 < out.length; i++) {
            int sig = (out[i] & 0xff) | (out[i + 1] & 0xff) << 8 | (out[i + 2] & 0xff) << 16 | (out[i + 3] & 0xff) << 24;
            int nameAt;
            int crcAt;
            int nameLen;
            if (sig == 0x04034b50) {
                nameLen = (out[i + 26] & 0xff) | (out[i + 27] & 0xff) << 8;
                nameAt = i + 30;
                crcAt = i + 14;
            } else if (sig == 0x02014b50) {
                nameLen = (out[i + 28] & 0xff) | (out[i + 29] & 0xff) << 8;
                nameAt = i + 46;
                crcAt = i + 16;
            } else {
                continue;
            }
            if (nameLen == wanted.length && nameAt + nameLen <= out.length && java.util.Arrays.equals(out, nameAt,
                    nameAt + nameLen, wanted, 0, wanted.length)) {
                out[crcAt] ^= 0x5a;
                changed++;
            }
        }
        if (changed == 0) {
            throw new AssertionError("no entry " + name);
        }
        return out;
    }

    public static String text(byte[] zip, String name) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no entry " + name);
    }

    private static byte[] rewrite(byte[] zip, String name, UnaryOperator<byte[]> change, boolean add) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean found = false;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(name)) {
                    found = true;
                    if (add) {
                        continue;
                    }
                    data = change.apply(data);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(data);
                z.closeEntry();
            }
            if (add) {
                z.putNextEntry(new ZipEntry(name));
                z.write(change.apply(null));
                z.closeEntry();
            } else if (!found) {
                throw new AssertionError("no entry " + name);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
