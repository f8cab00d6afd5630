package se.tertial.report;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The report's sheet writer encodes exactly as Java's own UTF-8 encoder, past its buffer's end too. */
class SheetXmlWriterTest {
    @Test
    void writesUtf8AsJavaDoes() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            text.append("Nämnd för hälso- och sjukvård € 𝄞 ").append(i).append('\u2028');
            if (i % 1000 == 0) {
                text.append("halva par: \uD834 och \uDD1E"); // each alone: '?', as Java's encoder writes them
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetXmlWriter w = new SheetXmlWriter(out)) {
            String s = text.toString();
            w.write(s, 0, 1000);
            w.write(s.toCharArray(), 1000, 1000);
            for (int i = 2000; i < 2100; i++) {
                w.write(s.charAt(i));
            }
            w.write(s.substring(2100));
        }
        assertArrayEquals(text.toString().getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    @Test
    void writesAllAsWriteDoes() throws Exception {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 30_000; i++) {
            text.append("<c r=\"A").append(i).append("\">Nämnd € 𝄞</c>").append('\u2028');
        }
        ByteArrayOutputStream appended = new ByteArrayOutputStream();
        try (SheetXmlWriter w = new SheetXmlWriter(appended)) {
            for (int i = 0; i < text.length(); i += 997) { // pieces that cross the buffer's end at every offset
                w.writeAll(text.subSequence(i, Math.min(text.length(), i + 997)));
            }
        }
        assertArrayEquals(text.toString().getBytes(StandardCharsets.UTF_8), appended.toByteArray());
    }
}
