package se.tertial.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Gives every sheet's comment drawing (VML) its own block of shape ids. Excel allocates VML shape ids workbook-wide
 * in blocks of 1024 named by {@code <o:idmap data="n"/>}; POI writes block 1 and shapes from {@code _x0000_s1025}
 * in every drawing, which with comments on two sheets is a known cause of "We found a problem with some content".
 * Drawing k (in part-name order) gets block k and shapes from k × 1024 + 1.
 */
final class VmlIds {
    private static final Pattern VML = Pattern.compile("xl/drawings/vmlDrawing(\\d+)\\.vml");
    private static final Pattern IDMAP = Pattern.compile("(<o:idmap\\b[^>]*\\bdata=\")[^\"]*(\")");
    private static final Pattern SHAPE = Pattern.compile("_x0000_s\\d+");

    private VmlIds() {}

    static byte[] renumber(byte[] xlsx) {
        try {
            List<String> drawings = new ArrayList<>();
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    if (VML.matcher(e.getName()).matches()) {
                        drawings.add(e.getName());
                    }
                }
            }
            if (drawings.size() < 2) {
                return xlsx;
            }
            drawings.sort(null);
            ByteArrayOutputStream out = new ByteArrayOutputStream(xlsx.length + 1024);
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
                 ZipOutputStream z = new ZipOutputStream(out)) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    byte[] data = in.readAllBytes();
                    int k = drawings.indexOf(e.getName());
                    if (k >= 0) {
                        data = block(new String(data, StandardCharsets.UTF_8), k + 1).getBytes(StandardCharsets.UTF_8);
                    }
                    z.putNextEntry(new ZipEntry(e.getName()));
                    z.write(data);
                    z.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String block(String vml, int block) {
        String s = IDMAP.matcher(vml).replaceAll("$1" + block + "$2");
        Matcher m = SHAPE.matcher(s);
        StringBuilder out = new StringBuilder();
        java.util.Map<String, String> renamed = new java.util.HashMap<>();
        while (m.find()) {
            String id = renamed.computeIfAbsent(m.group(), old -> "_x0000_s" + (block * 1024 + renamed.size() + 1));
            m.appendReplacement(out, id);
        }
        m.appendTail(out);
        return out.toString();
    }
}
