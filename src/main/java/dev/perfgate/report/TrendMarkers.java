package dev.perfgate.report;

import dev.perfgate.format.Numbers;
import dev.perfgate.history.TrendPoint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

import dev.perfgate.analysis.ChangePoint;

/** {@code TrendMarkers} are the baseline line, the change-point lines, their labels and the legend of a trend. */
final class TrendMarkers {

    static final Color BASELINE = new Color(0x49, 0x50, 0x57);
    static final Color WORSE = new Color(0xd9, 0x48, 0x0f);
    static final Color BETTER = new Color(0x2b, 0x8a, 0x3e);
    static final Color UNKNOWN = new Color(0x86, 0x8e, 0x96);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {7f, 5f}, 0f);
    /** Labels of nearby change points are stacked on this many rows so that they do not overprint. */
    private static final int LABEL_ROWS = 3;

    private TrendMarkers() {
    }

    /** The label of a change point: change and short commit, e.g. {@code "+8.1 % @3f2a9c1"}. */
    static String label(ChangePoint cp) {
        String where = cp.commit() == null ? "run " + (cp.index() + 1) : cp.shortCommit(7);
        return Numbers.percent(cp.change()) + " @" + where;
    }

    static void addBaseline(XYPlot plot, TrendSeries series) {
        if (series.baselineMedian() == null || !Double.isFinite(series.baselineMedian())) return;
        ValueMarker marker = new ValueMarker(series.baselineMedian(), BASELINE, DASHED);
        marker.setLabel(String.format(Locale.ROOT, "baseline %s %s", Numbers.number(series.baselineMedian()),
                series.unit()));
        marker.setLabelFont(LABEL);
        marker.setLabelPaint(BASELINE);
        marker.setLabelBackgroundColor(new Color(255, 255, 255, 200));
        marker.setLabelAnchor(RectangleAnchor.BOTTOM_LEFT);
        marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        marker.setLabelOffset(new RectangleInsets(2, 6, 2, 6));
        plot.addRangeMarker(marker, Layer.FOREGROUND);
    }

    /**
     * One vertical line per change point, between the last run before the shift and the first after it; the
     * label sits on the side with more room and on one of {@link #LABEL_ROWS} rows.
     */
    static void addChangePoints(XYPlot plot, TrendSeries series) {
        int runs = Math.max(1, series.runs().size());
        List<ChangePoint> changePoints = series.changePoints();
        for (int i = 0; i < changePoints.size(); i++) {
            ChangePoint cp = changePoints.get(i);
            double x = cp.index() + 0.5;
            Color color = colour(cp);
            ValueMarker marker = new ValueMarker(x, color, new BasicStroke(1.8f));
            marker.setLabel(label(cp));
            marker.setLabelFont(LABEL);
            marker.setLabelPaint(color);
            marker.setLabelBackgroundColor(new Color(255, 255, 255, 220));
            boolean leftSide = x > 0.75 * runs;
            marker.setLabelAnchor(leftSide ? RectangleAnchor.TOP_LEFT : RectangleAnchor.TOP_RIGHT);
            marker.setLabelTextAnchor(leftSide ? TextAnchor.TOP_RIGHT : TextAnchor.TOP_LEFT);
            marker.setLabelOffset(new RectangleInsets(4 + 15 * (i % LABEL_ROWS), 4, 0, 4));
            plot.addDomainMarker(marker, Layer.FOREGROUND);
        }
    }

    static Color colour(ChangePoint cp) {
        if (!Double.isFinite(cp.change())) return UNKNOWN;
        return cp.change() > 0 ? WORSE : BETTER;
    }

    /** The legend: only what this chart shows. */
    static LegendItemCollection legend(TrendSeries series) {
        LegendItemCollection items = new LegendItemCollection();
        Shape line = new Line2D.Double(-8, 0, 8, 0);
        items.add(lineItem("median per run", TrendChart.MEDIAN, line, new BasicStroke(2f)));
        if (series.runs().stream().anyMatch(TrendPoint::hasSpread)) {
            items.add(new LegendItem("25th-75th percentile", null, null, null,
                    new Rectangle2D.Double(-8, -5, 16, 10), TrendChart.BAND));
        }
        if (series.runs().stream().anyMatch(p -> Double.isFinite(p.buffers()))) {
            items.add(lineItem("shared buffers per iteration (right axis)", TrendChart.BUFFERS, line,
                    new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f)));
        }
        if (series.runs().stream().anyMatch(TrendPoint::isRegression)) {
            items.add(new LegendItem("regression", null, null, null, new Ellipse2D.Double(-4.5, -4.5, 9, 9),
                    TrendChart.REGRESSION));
        }
        if (series.baselineMedian() != null && Double.isFinite(series.baselineMedian())) {
            items.add(lineItem("baseline", BASELINE, line, DASHED));
        }
        if (!series.changePoints().isEmpty()) {
            items.add(lineItem("change point (worse / better)", WORSE, new Line2D.Double(0, -6, 0, 6),
                    new BasicStroke(2f)));
        }
        return items;
    }

    private static LegendItem lineItem(String text, Color color, Shape line, BasicStroke stroke) {
        return new LegendItem(text, null, null, null, false, line, false, color, false, color, stroke, true, line,
                stroke, color);
    }

    /**
     * The y range: every median, band and the baseline, with a margin, and extra room at the top for the
     * change-point labels. A flat series gets a small range around its value instead of an empty one.
     */
    static double[] valueRange(TrendSeries series) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (TrendPoint p : series.runs()) {
            for (double v : new double[] {p.median(), p.spreadLow(), p.spreadHigh()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        Double baseline = series.baselineMedian();
        if (baseline != null && Double.isFinite(baseline)) {
            lo = Math.min(lo, baseline);
            hi = Math.max(hi, baseline);
        }
        if (lo > hi) return new double[] {0, 1};
        double span = hi - lo;
        if (span <= 1e-9 * Math.max(1, Math.abs(hi))) span = Math.max(Math.abs(hi) * 0.1, 1e-6);
        int labelRows = Math.min(LABEL_ROWS, series.changePoints().size());
        return new double[] {lo - 0.08 * span, hi + (0.08 + 0.1 * labelRows) * span};
    }

}
