package se.tertial.workbook;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The quick date reader gives exactly what {@link Instant#parse} gives, and fails where it fails. */
class IsoInstantTest {
    @Test
    void theCommonShapesAreReadByHandAndAgreeWithJavaTime() {
        for (String s : List.of("2026-12-02T12:25:04Z", "2019-01-01T00:00:00Z", "2020-02-29T23:59:59Z",
                "1999-12-31T23:59:59.5Z", "2026-12-02T12:25:04.123456789Z", "2026-12-02T12:25:04.120Z",
                "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z")) {
            assertNotNull(IsoInstant.quick(s), s);
            assertEquals(Instant.parse(s), IsoInstant.parse(s), s);
        }
    }

    @Test
    void otherShapesAndImpossibleDatesAreLeftToJavaTime() {
        for (String s : List.of("2026-12-02T12:25Z", "2026-12-02T12:25:04+01:00", "2026-12-02 12:25:04Z",
                "2021-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-12-02T24:00:00Z", "2026-12-02T12:60:00Z",
                "2026-12-02T23:59:60Z", "2026-12-02T12:25:04.Z", "2026-12-02T12:25:04.1234567890Z",
                "2026-1a-02T12:25:04Z", "+12026-12-02T12:25:04Z", "٢٠٢٦-12-02T12:25:04Z", "")) {
            assertNull(IsoInstant.quick(s), s);
            assertSameAsJavaTime(s);
        }
    }

    @Test
    void randomTextsAgreeWithJavaTime() {
        Random random = new Random(20261202);
        String alphabet = "0123456789-:.TZ+ x";
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            char[] c = "2026-12-02T12:25:04.5Z".toCharArray();
            int flips = 1 + random.nextInt(3);
            for (int k = 0; k < flips; k++) {
                c[random.nextInt(c.length)] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            texts.add(random.nextInt(10) == 0 ? new String(c, 0, 20 + random.nextInt(3)) : new String(c));
            texts.add(Instant.ofEpochSecond(random.nextLong() % 250_000_000_000L, random.nextInt(1_000_000_000))
                    .toString());
        }
        texts.forEach(IsoInstantTest::assertSameAsJavaTime);
    }

    /** The same instant as {@link Instant#parse}, or the same exception type. */
    private static void assertSameAsJavaTime(String s) {
        Instant expected;
        try {
            expected = Instant.parse(s);
        } catch (DateTimeParseException e) {
            assertThrows(DateTimeParseException.class, () -> IsoInstant.parse(s), s);
            return;
        }
        assertEquals(expected, IsoInstant.parse(s), s);
    }
}
