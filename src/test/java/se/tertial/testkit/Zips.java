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
