package se.tertial.money;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class AmountTest {
    @Test
    void holdsWholeKronorAndShowsTkr() {
        Amount a = Amount.ofTkr("1234.5");
        assertEquals(1_234_500, a.kronor());
        assertEquals(new BigDecimal("1234.500"), a.tkr());
        assertEquals("1234.5", a.toString());
        assertEquals("-12", Amount.ofTkr("-12").toString());
        assertEquals(new BigDecimal("1.234500"), a.mnkr());
    }

    @Test
    void rejectsFractionsOfAKrona() {
        assertThrows(ArithmeticException.class, () -> Amount.ofTkr("0.0005"));
    }

    @Test
    void readsSpreadsheetDoublesByTheirShortestDecimal() {
        assertEquals(300, Amount.fromSpreadsheet(0.3).kronor());
        assertEquals(-980_000_000, Amount.fromSpreadsheet(-980000).kronor());
        assertEquals(1, Amount.fromSpreadsheet(0.001).kronor());
        assertThrows(ArithmeticException.class, () -> Amount.fromSpreadsheet(0.1 + 0.2));
        assertThrows(ArithmeticException.class, () -> Amount.fromSpreadsheet(Double.NaN));
    }

    @Test
    void addsExactly() {
        Amount sum = Amount.ZERO;
        for (int i = 0; i < 10; i++) {
            sum = sum.plus(Amount.ofTkr("0.1"));
        }
        assertEquals(Amount.ofTkr("1"), sum);
        assertThrows(ArithmeticException.class, () -> Amount.ofKronor(Long.MAX_VALUE).plus(Amount.ofKronor(1)));
    }
}
