package se.tertial.spec;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogTextTest {
    @Test
    void escapesWhatCouldForgeOrReverseALogLine() {
        assertEquals("anna\\u000aINFO falsk rad", LogText.safe("anna\nINFO falsk rad"));
        assertEquals("a\\u0000b\\u000dc", LogText.safe("a\0b\rc"));
        assertEquals("\\u202egnp.exe", LogText.safe("\u202Egnp.exe"));
        assertEquals("Åsa Öberg", LogText.safe("Åsa Öberg"));
        String cut = LogText.safe("x".repeat(10_000));
        assertTrue(cut.length() < 300 && cut.endsWith("(10000 tecken)"), cut);
    }
}
