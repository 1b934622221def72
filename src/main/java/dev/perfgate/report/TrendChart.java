package dev.perfgate.report;

import dev.perfgate.history.TrendPoint;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A {@code TrendChart} draws one benchmark's history as a PNG (JFreeChart, headless): the median of each run as
 * a line, the interquartile range of its samples as a shaded band, the baseline as a dashed line, regressions as
 * red dots and change points as labelled vertical lines ({@link TrendMarkers}).
 *
 * <p>The x axis is the run number (1 = oldest), not the date: CI runs many times a day, and on a time axis those
 * runs would pile up on one spot while quiet weeks stretch out. The subtitle gives the date range, the HTML
 * page's table the date of each change point.
 *
 * <p>Stateless and thread-safe.
 */
public final class TrendChart {

    /** Default size in pixels: readable on a laptop screen and in a PR comment. */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 450;

    static final Color MEDIAN = new Color(0x1c, 0x4e, 0x9a);
    static final Color BAND = new Color(0x74, 0xa9, 0xe0);
    static final Color REGRESSION = new Color(0xe0, 0x31, 0x31);
    static final Color BUFFERS = new Color(0x6f, 0x42, 0xc1);
    /** Above this many runs, points are not marked: they would merge into a thick line. */
    private static final int MAX_RUNS_WITH_POINTS = 150;
    /** Above this many runs, the line is thinned to an envelope ({@link #drawnRuns}). */
    static final int MAX_DRAWN = 1_000;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    static {
        // charts are drawn on servers and CI runners without a display
        System.setProperty("java.awt.headless", "true");
    }

    private TrendChart() {
    }

    /** The chart of {@code series} as PNG bytes, {@link #WIDTH} × {@link #HEIGHT}. */
    public static byte[] png(TrendSeries series) {
        return png(series, WIDTH, HEIGHT);
    }

    /** The chart of {@code series} as PNG bytes of the given size in pixels. */
    public static byte[] png(TrendSeries series, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart(series), width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart of " + series.name(), e); // in memory: not expected
        }
        return out.toByteArray();
    }

    /** The JFreeChart itself, for callers that want another size or format. */
    public static JFreeChart chart(TrendSeries series) {
        XYPlot plot = new XYPlot(medians(series), domainAxis(series), rangeAxis(series), bandRenderer(series));
        plot.setDataset(1, regressions(series));
        plot.setRenderer(1, regressionRenderer());
        if (series.runs().stream().anyMatch(p -> Double.isFinite(p.buffers()))) {
            // what PostgreSQL counted, on an axis of its own: a step here is a change in the work, not in the machine
            NumberAxis counts = new NumberAxis("shared buffers per iteration");
            counts.setAutoRangeIncludesZero(true);
            plot.setRangeAxis(1, counts);
            plot.setDataset(2, buffers(series));
            plot.mapDatasetToRangeAxis(2, 1);
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setSeriesPaint(0, BUFFERS);
            r.setSeriesStroke(0, new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {4f, 3f}, 0f));
            plot.setRenderer(2, r);
        }
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD); // red dots over the line
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        TrendMarkers.addBaseline(plot, series);
        TrendMarkers.addChangePoints(plot, series);
        plot.setFixedLegendItems(TrendMarkers.legend(series));

        JFreeChart chart = new JFreeChart(series.name() + " (" + series.directionText() + ")",
                new Font(Font.SANS_SERIF, Font.BOLD, 17), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 18)); // room for the last x tick label
        chart.addSubtitle(new TextTitle(subtitle(series), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        return chart;
    }

    private static YIntervalSeriesCollection medians(TrendSeries series) {
        YIntervalSeries line = new YIntervalSeries("median", false, true);
        List<TrendPoint> runs = series.runs();
        for (int i : drawnRuns(runs)) {
            TrendPoint p = runs.get(i);
            // no band where the spread is unknown: the band narrows to the median there
            double low = p.hasSpread() ? p.spreadLow() : p.median();
            double high = p.hasSpread() ? p.spreadHigh() : p.median();
            line.add(i + 1, p.median(), Math.min(low, high), Math.max(low, high));
        }
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        dataset.addSeries(line);
        return dataset;
    }

    /**
     * The runs whose medians are drawn: all of them up to {@link #MAX_DRAWN} runs; beyond, the lowest and the
     * highest of each of {@code MAX_DRAWN / 2} consecutive buckets, so the line keeps its envelope (a chart
     * 900 pixels wide cannot show more) and 10,000 runs draw about five times faster.
     */
    static int[] drawnRuns(List<TrendPoint> runs) {
        int n = runs.size();
        int buckets = n <= MAX_DRAWN ? n : MAX_DRAWN / 2;
        int[] drawn = new int[2 * buckets];
        int count = 0;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets);
            int to = (int) ((long) (b + 1) * n / buckets);
            int lo = -1;
            int hi = -1;
            for (int i = from; i < to; i++) {
                double m = runs.get(i).median();
                if (!Double.isFinite(m)) continue;
                if (lo < 0 || m < runs.get(lo).median()) lo = i;
                if (hi < 0 || m > runs.get(hi).median()) hi = i;
            }
            if (lo < 0) continue;
            drawn[count++] = Math.min(lo, hi);
            if (hi != lo) drawn[count++] = Math.max(lo, hi);
        }
        return Arrays.copyOf(drawn, count);
    }

    private static XYSeriesCollection buffers(TrendSeries series) {
        XYSeries line = new XYSeries("shared buffers per iteration", false, true);
        List<TrendPoint> runs = series.runs();
        for (int i = 0; i < runs.size(); i++) {
            if (Double.isFinite(runs.get(i).buffers())) line.add(i + 1, runs.get(i).buffers());
        }
        return new XYSeriesCollection(line);
    }

    private static XYSeriesCollection regressions(TrendSeries series) {
        XYSeries dots = new XYSeries("regression", false, true);
        List<TrendPoint> runs = series.runs();
        for (int i = 0; i < runs.size(); i++) {
            TrendPoint p = runs.get(i);
            if (p.isRegression() && Double.isFinite(p.median())) dots.add(i + 1, p.median());
        }
        return new XYSeriesCollection(dots);
    }

    private static DeviationRenderer bandRenderer(TrendSeries series) {
        boolean points = series.runs().size() <= MAX_RUNS_WITH_POINTS;
        DeviationRenderer renderer = new DeviationRenderer(true, points);
        renderer.setSeriesPaint(0, MEDIAN);
        renderer.setSeriesFillPaint(0, BAND);
        renderer.setAlpha(0.35f);
        renderer.setSeriesStroke(0, new BasicStroke(series.runs().size() > 2_000 ? 0.7f : 1.6f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        return renderer;
    }

    private static XYLineAndShapeRenderer regressionRenderer() {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, REGRESSION);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4.5, -4.5, 9, 9));
        return renderer;
    }

    private static NumberAxis domainAxis(TrendSeries series) {
        NumberAxis axis = new NumberAxis("run (1 = oldest)");
        axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        axis.setNumberFormatOverride(NumberFormat.getIntegerInstance(Locale.ROOT));
        axis.setRange(0.5, Math.max(1, series.runs().size()) + 0.5);
        return axis;
    }

    private static NumberAxis rangeAxis(TrendSeries series) {
        NumberAxis axis = new NumberAxis("median (" + series.unit() + ")");
        axis.setAutoRangeIncludesZero(false);
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT); // no decimal commas on German CI
        format.setMaximumFractionDigits(6);
        axis.setNumberFormatOverride(format);
        double[] range = TrendMarkers.valueRange(series);
        axis.setRange(range[0], range[1]);
        return axis;
    }

    private static String day(TrendPoint run) {
        return run.time() == null ? "undated" : DAY.format(run.time());
    }

    private static String subtitle(TrendSeries series) {
        List<TrendPoint> runs = series.runs();
        if (runs.isEmpty()) return "no runs yet";
        String first = day(runs.get(0));
        String last = day(runs.get(runs.size() - 1));
        String span = first.equals(last) ? first : first + " to " + last;
        return String.format(Locale.ROOT, "%,d run%s, %s; band: 25th-75th percentile of each run's samples",
                runs.size(), runs.size() == 1 ? "" : "s", span);
    }
}
