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
}
