package se.tertial.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bar chart's layout: bars from the zero line (a deficit left, a surplus right), Swedish axis, nice steps. */
class BarChartTest {
    @Test
    void barsStartAtZeroAndTheAxisIsInSwedish() {
        BarChart c = BarChart.of("Test", List.of(new BarChart.Values("Hälso- och sjukvård", new BigDecimal("-29300"),
                new BigDecimal("50400")), new BarChart.Values("Regionstyrelsen", null, new BigDecimal("1200"))));
        assertEquals(List.of("−40,0", "−20,0", "±0,0", "+20,0", "+40,0", "+60,0"),
                c.ticks().stream().map(BarChart.Tick::label).toList());
        var deficit = c.rows().get(0).bars().get(0);
        var surplus = c.rows().get(0).bars().get(1);
        assertEquals(c.zeroX(), deficit.x() + deficit.width(), 0.2, "a deficit ends at zero");
        assertEquals(c.zeroX(), surplus.x(), 0.2, "a surplus starts at zero");
        assertTrue(surplus.width() > deficit.width(), "50,4 is longer than 29,3");
        assertEquals(50400.0 / 29300.0, surplus.width() / deficit.width(), 0.01, "lengths in proportion");
        assertEquals("−29,3", deficit.value());
        assertEquals("+50,4", surplus.value());
        assertEquals("end", deficit.anchor());
        var none = c.rows().get(1).bars().get(0);
        assertEquals(0, none.width());
        assertEquals("–", none.value(), "no figure is no bar, not a zero");
        assertEquals("Hälso- och sjukvård", c.rows().get(0).label());
    }

    @Test
    void stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        assertEquals(new BigDecimal("100"), BarChart.niceStep(BigDecimal.ZERO));
        assertEquals(new BigDecimal("200"), BarChart.niceStep(new BigDecimal("1000")));
        assertEquals(new BigDecimal("20000"), BarChart.niceStep(new BigDecimal("79700")));
        assertEquals(new BigDecimal("5000000"), BarChart.niceStep(new BigDecimal("29000000")));
    }

    @Test
    void longNamesAreShortenedInTheChartOnly() {
        BarChart c = BarChart.of("Test", List.of(new BarChart.Values(
                "Regionstyrelsen, övergripande finansiering och balansräkning", BigDecimal.ONE, BigDecimal.ONE)));
        assertEquals(32, c.rows().get(0).label().length());
        assertTrue(c.rows().get(0).label().endsWith("…"));
    }
}
