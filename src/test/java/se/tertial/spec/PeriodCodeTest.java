package se.tertial.spec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PeriodCodeTest {
    @Test
    void parsesAndRelatesPeriods() {
        PeriodCode t2 = PeriodCode.parse("2022-T2");
        assertEquals(new PeriodCode(2022, 2), t2);
        assertEquals("2022-T2", t2.toString());
        assertEquals(PeriodCode.parse("2021-T2"), t2.samePeriodLastYear());
        assertEquals(PeriodCode.parse("2021-T3"), t2.lastYearBokslut());
        assertEquals(LocalDate.of(2022, 8, 31), t2.endDate());
        assertEquals(LocalDate.of(2022, 4, 30), PeriodCode.parse("2022-T1").endDate());
        assertEquals("jan–dec", PeriodCode.parse("2022-T3").monthRange());
        assertTrue(PeriodCode.parse("2022-T3").isYearEnd());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2022-T4", "2022-T0", "2022T2", "22-T2", "2022-t2", "", "2022-T2x", "0999-T1"})
    void rejectsMalformedCodesInSwedish(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PeriodCode.parse(text));
        assertTrue(e.getMessage().startsWith("Ogiltig"), e.getMessage());
    }

    @Test
    void rendersHeadingsFromThePeriod() {
        PeriodCode t2 = PeriodCode.parse("2022-T2");
        assertEquals("Utfall jan–aug 2022", Headings.render("Utfall {months} {year}", t2));
        assertEquals("Bokslut 2021", Headings.render("Bokslut {prevYear}", t2));
        assertEquals("Utgående balans 2022-08-31", Headings.render("Utgående balans {periodEnd}", t2));
        assertThrows(IllegalArgumentException.class, () -> Headings.render("Utfall {manad}", t2));
        assertEquals("Tertial 2 2022 (jan–aug)", CommonText.periodName(t2));
        assertEquals("Bokslut 2022 (jan–dec)", CommonText.periodName(PeriodCode.parse("2022-T3")));
    }
}
