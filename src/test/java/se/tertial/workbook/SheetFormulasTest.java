package se.tertial.workbook;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Formulas compare as programs save them, however often the same text comes back; the memo stays bounded. */
class SheetFormulasTest {
    @Test
    void normalisingDropsEqualsDollarsAndSpaceAndIgnoresCase() {
        assertEquals("SUM(C5:C10)", SheetFormulas.normalize("=sum( $C$5 : C10 )"));
        assertEquals("IF(OR(C3\"\",D3\"\"),\"\",C3-D3)", SheetFormulas.normalize("IF(OR(C3=\"\",D3=\"\"),\"\",C3-D3)"));
        // the same texts again (now from the memo) give the same answers
        assertEquals("SUM(C5:C10)", SheetFormulas.normalize("=sum( $C$5 : C10 )"));
        assertEquals("IF(OR(C3\"\",D3\"\"),\"\",C3-D3)", SheetFormulas.normalize(new String(
                "IF(OR(C3=\"\",D3=\"\"),\"\",C3-D3)".toCharArray())));
        assertEquals("A1+B1", SheetFormulas.normalize("a1 +\tb1"));
    }

    @Test
    void theMemoIsBoundedAndTextsPastItAreStillNormalised() {
        for (int i = 0; i < SheetFormulas.NORMALIZED_KEPT + 5_000; i++) {
            assertEquals("C" + i + "-D" + i, SheetFormulas.normalize("=c" + i + " - $d" + i));
        }
        assertTrue(SheetFormulas.normalizedKept() <= SheetFormulas.NORMALIZED_KEPT, "kept "
                + SheetFormulas.normalizedKept());
        String longText = "=" + "a".repeat(600);
        assertEquals("A".repeat(600), SheetFormulas.normalize(longText));
        assertEquals("A".repeat(600), SheetFormulas.normalize(longText));
    }
}
