package se.tertial.spec;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadingFitTest {
    @Test
    void breaksAtBlanksOnlyAndKeepsDatesAndParenthesesWhole() {
        HeadingFit balance = HeadingFit.of("Utgående balans 2022-08-31", 16);
        assertEquals("Utgående\nbalans\n2022-08-31", balance.text());
        assertEquals(3, balance.lines());
        assertEquals(16, balance.width());
        assertEquals(List.of("Helårsutfall", "2022", "(= utfall)"), HeadingFit.words("Helårsutfall 2022 (= utfall)"));
        assertEquals("Helårsutfall\n2022\n(= utfall)", HeadingFit.of("Helårsutfall 2022 (= utfall)", 16).text());
    }

    @Test
    void widensAColumnTooNarrowForItsLongestWord() {
        HeadingFit fit = HeadingFit.of("Prognosavvikelse", 14);
        assertEquals("Prognosavvikelse", fit.text());
        assertTrue(fit.width() >= Math.ceil(16 * HeadingFit.BOLD_CHAR) + HeadingFit.PADDING, "width " + fit.width());
        assertEquals(60, HeadingFit.of("Analys / kommentar", 60).width(), "a wide enough column stays as it is");
        assertEquals("Analys / kommentar", HeadingFit.of("Analys / kommentar", 60).text());
    }

    @Test
    void aTableHeadingStaysOnOneLine() {
        HeadingFit fit = HeadingFit.oneLine("Belopp (tkr)", 10);
        assertEquals("Belopp (tkr)", fit.text());
        assertTrue(fit.width() >= 12 * HeadingFit.BOLD_CHAR + HeadingFit.PADDING);
    }

    @Test
    void rowHeightGrowsWithTheLines() {
        assertTrue(HeadingFit.rowHeight(3) > HeadingFit.rowHeight(2));
        assertEquals(HeadingFit.rowHeight(1), HeadingFit.rowHeight(0));
    }
}
