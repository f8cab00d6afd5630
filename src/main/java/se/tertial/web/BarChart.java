package se.tertial.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A grouped horizontal bar chart laid out on the server, for an inline SVG without script: one row per nämnd or
 * unit with a bar for the period deviation and one for the forecast deviation, drawn from a zero line so a deficit
 * goes left and a surplus right; the value at each bar's end and the axis in mnkr in Swedish form with explicit
 * signs, a legend in words (colour only adds to it). The table it draws stands beside it on the page.
 */
public record BarChart(String title, int width, int height, List<Legend> legend, List<Tick> ticks, List<Row> rows,
                       double zeroX, int plotTop, int plotBottom) {
    public record Legend(double x, String colour, String label) {}

    public record Tick(double x, String label) {}

    public record Bar(double x, double y, double width, double height, String colour, String value, double valueX,
                      String anchor) {}

    public record Row(String label, double labelY, List<Bar> bars) {}

    /** One row's values, tkr; null where there is none (no bar, "–"). */
    public record Values(String label, BigDecimal period, BigDecimal forecast) {}

    static final String[] COLOURS = {"#00508c", "#a4000f"};
    static final String[] NAMES = {"Periodavvikelse", "Prognosavvikelse"};
    /** Row labels end left of here; the plot starts further right, leaving room for a deficit's value. */
    private static final int LEFT = 250;
    private static final int PLOT_LEFT = LEFT + 60;
    private static final int RIGHT = 60;
    private static final int TOP = 40;
    private static final int BOTTOM = 36;
    private static final int BAR = 11;
    private static final int ROW = 2 * BAR + 12;
    private static final int LABEL_CHARS = 32;

    static BarChart of(String title, List<Values> values) {
        int width = 720;
        int height = TOP + ROW * Math.max(1, values.size()) + BOTTOM;
        BigDecimal lo = BigDecimal.ZERO;
        BigDecimal hi = BigDecimal.ZERO;
        for (Values v : values) {
            for (BigDecimal x : new BigDecimal[] {v.period(), v.forecast()}) {
                if (x != null) {
                    lo = lo.min(x);
                    hi = hi.max(x);
                }
            }
        }
        BigDecimal step = niceStep(hi.subtract(lo));
        BigDecimal from = lo.divide(step, 0, java.math.RoundingMode.FLOOR).multiply(step);
        BigDecimal to = hi.divide(step, 0, java.math.RoundingMode.CEILING).multiply(step);
        if (from.compareTo(to) == 0) {
            to = from.add(step);
        }
        double plotW = width - PLOT_LEFT - RIGHT;
        double min = from.doubleValue();
        double span = to.subtract(from).doubleValue();
        java.util.function.Function<BigDecimal, Double> x = v -> round(PLOT_LEFT + (v.doubleValue() - min) / span * plotW);
        List<Tick> ticks = new ArrayList<>();
        for (BigDecimal t = from; t.compareTo(to) <= 0; t = t.add(step)) {
            ticks.add(new Tick(x.apply(t), FinancePages.mnkr(t)));
        }
        double zero = x.apply(BigDecimal.ZERO);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Values v = values.get(i);
            double top = TOP + i * ROW + 6;
            List<Bar> bars = new ArrayList<>();
            BigDecimal[] both = {v.period(), v.forecast()};
            for (int b = 0; b < 2; b++) {
                double y = top + b * BAR;
                BigDecimal value = both[b];
                if (value == null) {
                    bars.add(new Bar(zero, y, 0, BAR - 1, COLOURS[b], "–", zero + 4, "start"));
                    continue;
                }
                double end = x.apply(value);
                boolean negative = value.signum() < 0;
                bars.add(new Bar(Math.min(zero, end), y, round(Math.abs(end - zero)), BAR - 1, COLOURS[b],
                        FinancePages.mnkr(value), negative ? end - 4 : end + 4, negative ? "end" : "start"));
            }
            String label = v.label().length() > LABEL_CHARS ? v.label().substring(0, LABEL_CHARS - 1) + "…"
                    : v.label();
            rows.add(new Row(label, top + BAR + 4, bars));
        }
        List<Legend> legend = List.of(new Legend(PLOT_LEFT, COLOURS[0], NAMES[0]),
                new Legend(PLOT_LEFT + 170, COLOURS[1], NAMES[1]));
        return new BarChart(title, width, height, legend, ticks, rows, zero, TOP, height - BOTTOM);
    }

    /** 1, 2 or 5 times a power of ten, so that the axis has at most six intervals (never below 0,1 mnkr). */
    static BigDecimal niceStep(BigDecimal range) {
        BigDecimal step = new BigDecimal("100");
        while (true) {
            for (String f : new String[] {"1", "2", "5"}) {
                BigDecimal s = step.multiply(new BigDecimal(f));
                if (range.compareTo(s.multiply(BigDecimal.valueOf(6))) <= 0) {
                    return s;
                }
            }
            step = step.movePointRight(1);
        }
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    public int left() {
        return LEFT;
    }

    public int plotLeft() {
        return PLOT_LEFT;
    }

    public int plotRight() {
        return width - RIGHT;
    }
}
