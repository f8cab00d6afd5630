package se.tertial.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A line chart laid out on the server, for an inline SVG without script: one line per series over the same columns,
 * a zero line, a few labelled ticks in Swedish number format, and each series named at its last point (colour
 * only adds to the name). The table it draws stands beside it on the page.
 */
public record LineChart(String title, int width, int height, List<Tick> ticks, List<Axis> columns,
                        List<Series> series, double zeroY) {
    public record Tick(double y, String label) {}

    public record Axis(double x, String label) {}

    public record Point(double x, double y) {}

    public record Series(String name, String colour, String points, List<Point> dots, Point end) {}

    private static final String[] COLOURS = {"#00508c", "#a4000f", "#005c27", "#6b4b00", "#5b2a86", "#1b1b1b",
            "#b35900", "#007a87"};
    private static final int LEFT = 70;
    private static final int RIGHT = 150;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    /** @param values per series, one value per column in tkr; null where there is none (the line breaks there) */
    static LineChart of(String title, List<String> columnLabels, List<String> names, List<List<BigDecimal>> values) {
        int width = 720;
        int height = 320;
        double min = 0;
        double max = 0;
        for (List<BigDecimal> row : values) {
            for (BigDecimal v : row) {
                if (v != null) {
                    min = Math.min(min, v.doubleValue());
                    max = Math.max(max, v.doubleValue());
                }
            }
        }
        if (min == max) {
            max = min + 1000;
        }
        double plotW = width - LEFT - RIGHT;
        double plotH = height - TOP - BOTTOM;
        double lo = min;
        double span = max - min;
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotH - (v - lo) / span * plotH;
        List<Axis> axes = new ArrayList<>();
        int n = columnLabels.size();
        for (int i = 0; i < n; i++) {
            axes.add(new Axis(LEFT + (n == 1 ? plotW / 2 : plotW * i / (n - 1)), columnLabels.get(i)));
        }
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double v = min + span * i / 4;
            ticks.add(new Tick(y.applyAsDouble(v), FinancePages.mnkr(BigDecimal.valueOf(v))));
        }
        List<Series> series = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            StringBuilder points = new StringBuilder();
            List<Point> dots = new ArrayList<>();
            Point end = null;
            for (int i = 0; i < n; i++) {
                BigDecimal v = values.get(s).get(i);
                if (v != null) {
                    Point p = new Point(round(axes.get(i).x()), round(y.applyAsDouble(v.doubleValue())));
                    points.append(points.isEmpty() ? "" : " ").append(p.x()).append(',').append(p.y());
                    dots.add(p);
                    end = p;
                }
            }
            if (end != null) {
                series.add(new Series(names.get(s), COLOURS[s % COLOURS.length], points.toString(), dots, end));
            }
        }
        return new LineChart(title, width, height, ticks, axes, series, round(y.applyAsDouble(0)));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    public int left() {
        return LEFT;
    }

    public int plotRight() {
        return width - RIGHT;
    }
}
