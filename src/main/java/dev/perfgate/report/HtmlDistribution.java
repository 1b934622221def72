package dev.perfgate.report;

import dev.perfgate.format.Numbers;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.stats.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An {@code HtmlDistribution} draws one benchmark's baseline and current samples as two box plots on one axis,
 * as inline SVG (no script, no external asset), for {@link HtmlReport}.
 *
 * <p>Drawn from the {@link Summary} alone, since the report carries no raw samples: the whisker runs from the
 * minimum to the maximum, the box is the median ± MAD (it holds half of the samples, those within one MAD of the
 * median, whatever the distribution's shape), a thick line marks the median and a diamond the 95th percentile; a
 * dashed line carries the baseline's median down through the current row. A
 * summary-only baseline has no median, so its box is the mean ± one standard deviation, labelled so. A few
 * extreme stalls would squeeze every box into a corner, so the axis stops at about twice the spread up to the
 * 99th percentile and a whisker that goes beyond ends in an arrow (its tooltip gives the true maximum).
 */
final class HtmlDistribution {

    static final int WIDTH = 880;
    static final int HEIGHT = 112;

    private static final double X0 = 132;
    private static final double X1 = WIDTH - 16;
    private static final double[] ROWS = {28, 64};
    private static final double HALF_BOX = 10;
    private static final double AXIS_Y = 90;

    /** One box plot's geometry in the benchmark's unit; whisker ends NaN when unknown. */
    private record Shape(String label, double whiskerLo, double boxLo, double center, double boxHi,
                         double whiskerHi, double p95, double reach, String title) {

        static Shape of(String side, Summary s, String unit) {
            if (s == null) return null;
            String u = " " + unit;
            if (Double.isNaN(s.median())) {
                if (Double.isNaN(s.mean())) return null;
                double sd = Double.isNaN(s.stddev()) ? 0 : s.stddev();
                String title = side + ": n=" + s.n() + ", summary only: mean " + Numbers.number(s.mean()) + u
                        + " ± sd " + Numbers.number(sd) + u;
                double reach = Math.max(s.mean() + sd, Double.isNaN(s.p95()) ? 0 : s.p95());
                return new Shape(side + " (summary)", Double.NaN, s.mean() - sd, s.mean(), s.mean() + sd, Double.NaN,
                        s.p95(), reach, title);
            }
            double mad = Double.isNaN(s.mad()) ? 0 : s.mad();
            String title = side + ": n=" + s.n() + ", min " + Numbers.number(s.min()) + u + ", median "
                    + Numbers.number(s.median()) + u + " ± MAD " + Numbers.number(mad) + u + ", p95 "
                    + Numbers.number(s.p95()) + u + ", max " + Numbers.number(s.max()) + u;
            double reach = Math.max(s.median() + mad, Double.isNaN(s.p99()) ? s.max() : s.p99());
            return new Shape(side + " n=" + s.n(), s.min(), s.median() - mad, s.median(), s.median() + mad, s.max(),
                    s.p95(), reach, title);
        }

        double low() {
            return Double.isNaN(whiskerLo) ? boxLo : Math.min(whiskerLo, boxLo);
        }

        double high() {
            return Math.max(Double.isNaN(whiskerHi) ? boxHi : whiskerHi, Double.isNaN(p95) ? boxHi : p95);
        }
    }

    private HtmlDistribution() {
    }

    /**
     * The SVG element for one benchmark; {@code css} is the current box's class (its verdict), {@code sides} the two
     * sides' names ({@link Formats#sides}).
     */
    static String svg(BenchmarkComparison b, String css, String[] sides) {
        Shape base = Shape.of(sides[0], b.sides().baseline(), b.sides().unit());
        Shape current = Shape.of(sides[1], b.sides().current(), b.sides().unit());
        double[] axis = axis(base, current);
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg class=\"dist\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"Distribution of ").append(TrendPage.escape(b.name()))
                .append(", ").append(sides[0]).append(" and ").append(sides[1]).append("\">\n");
        if (base != null) {
            // the baseline's centre carried down through the current row, so a shift shows at a glance
            double c = x(base.center(), axis);
            line(svg, "reference", c, ROWS[0], c, ROWS[1] + HALF_BOX + 4);
        }
        row(svg, base, sides[0], "base", ROWS[0], axis);
        row(svg, current, sides[1], "cur " + css, ROWS[1], axis);
        axisLine(svg, axis, b.sides().unit());
        return svg.append("</svg>\n").toString();
    }

    /** The axis range {@code [lo, hi]}, padded; stalls beyond twice the spread to p99 are cut off. */
    private static double[] axis(Shape a, Shape b) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double reach = Double.NEGATIVE_INFINITY;
        for (Shape s : new Shape[]{a, b}) {
            if (s == null) continue;
            lo = Math.min(lo, s.low());
            hi = Math.max(hi, s.high());
            reach = Math.max(reach, s.reach());
        }
        if (lo > hi) return new double[]{0, 1};
        hi = Math.min(hi, lo + 2 * (reach - lo));
        double pad = hi > lo ? 0.04 * (hi - lo) : Math.max(Math.abs(lo) * 0.01, 1e-9);
        return new double[]{lo - pad, hi + pad};
    }

    private static void row(StringBuilder svg, Shape s, String side, String css, double y, double[] axis) {
        if (s == null) {
            svg.append("<text class=\"label\" x=\"8\" y=\"").append(f(y + 4)).append("\">").append(side)
                    .append("</text><text class=\"absent\" x=\"").append(f(X0)).append("\" y=\"").append(f(y + 4))
                    .append("\">not in the ").append(side).append(" run</text>\n");
            return;
        }
        svg.append("<g class=\"").append(css).append("\"><title>").append(TrendPage.escape(s.title()))
                .append("</title>\n<text class=\"label\" x=\"8\" y=\"").append(f(y + 4)).append("\">")
                .append(TrendPage.escape(s.label())).append("</text>\n");
        if (!Double.isNaN(s.whiskerLo())) {
            double x1 = x(s.whiskerLo(), axis);
            double x2 = Math.min(x(s.whiskerHi(), axis), X1);
            line(svg, "whisker", x1, y, x2, y);
            line(svg, "whisker", x1, y - HALF_BOX / 2, x1, y + HALF_BOX / 2);
            if (s.whiskerHi() > axis[1]) {
                svg.append("<path class=\"whisker-end\" d=\"M").append(f(X1)).append(',').append(f(y - 5))
                        .append(" l8,5 -8,5z\"/>\n");
            } else {
                line(svg, "whisker", x2, y - HALF_BOX / 2, x2, y + HALF_BOX / 2);
            }
        }
        double left = x(s.boxLo(), axis);
        svg.append("<rect class=\"box\" x=\"").append(f(left)).append("\" y=\"").append(f(y - HALF_BOX))
                .append("\" width=\"").append(f(Math.max(x(s.boxHi(), axis) - left, 1))).append("\" height=\"")
                .append(f(2 * HALF_BOX)).append("\"/>\n");
        double c = x(s.center(), axis);
        line(svg, "median", c, y - HALF_BOX - 2, c, y + HALF_BOX + 2);
        if (!Double.isNaN(s.p95()) && s.p95() <= axis[1]) {
            double p = x(s.p95(), axis);
            svg.append("<path class=\"p95\" d=\"M").append(f(p)).append(',').append(f(y - 6))
                    .append(" l5,6 -5,6 -5,-6z\"/>\n");
        }
        svg.append("</g>\n");
    }

    private static void axisLine(StringBuilder svg, double[] axis, String unit) {
        line(svg, "axis", X0, AXIS_Y, X1, AXIS_Y);
        for (double t : ticks(axis[0], axis[1])) {
            double x = x(t, axis);
            line(svg, "axis", x, AXIS_Y, x, AXIS_Y + 4);
            svg.append("<text class=\"tick\" x=\"").append(f(x)).append("\" y=\"").append(f(AXIS_Y + 16))
                    .append("\">").append(tickLabel(t, axis)).append("</text>\n");
        }
        svg.append("<text class=\"unit\" x=\"8\" y=\"").append(f(AXIS_Y + 16)).append("\">")
                .append(TrendPage.escape(unit)).append("</text>\n");
    }

    /** Round ticks, about five of them: steps of 1, 2 or 5 times a power of ten. */
    static List<Double> ticks(double lo, double hi) {
        double step = step(lo, hi);
        List<Double> ticks = new ArrayList<>();
        for (long i = (long) Math.ceil(lo / step); i * step <= hi + step * 1e-9 && ticks.size() < 20; i++) {
            ticks.add(i * step);
        }
        return ticks;
    }

    private static double step(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / magnitude;
        return magnitude * (r < 1.5 ? 1 : r < 3 ? 2 : r < 7 ? 5 : 10);
    }

    private static String tickLabel(double v, double[] axis) {
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step(axis[0], axis[1]))));
        return String.format(Locale.ROOT, "%." + decimals + "f", v == 0 ? 0.0 : v);
    }

    private static double x(double value, double[] axis) {
        return X0 + (value - axis[0]) / (axis[1] - axis[0]) * (X1 - X0);
    }

    private static void line(StringBuilder svg, String css, double x1, double y1, double x2, double y2) {
        svg.append("<line class=\"").append(css).append("\" x1=\"").append(f(x1)).append("\" y1=\"").append(f(y1))
                .append("\" x2=\"").append(f(x2)).append("\" y2=\"").append(f(y2)).append("\"/>\n");
    }

    private static String f(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
