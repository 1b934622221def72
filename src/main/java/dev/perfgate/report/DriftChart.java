package dev.perfgate.report;

import dev.perfgate.analysis.DriftLedger;
import dev.perfgate.format.Numbers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The drift chart of the trend page: the drift since the anchor after each checked commit (line, with its interval
 * as a band), the budget as a shaded band from half of it (warns) to all of it (fails), and the budget itself as a
 * red line. One chart per suite's ledger; y in percent, positive = worse.
 */
public final class DriftChart {

    static final Color DRIFT = new Color(0x1c, 0x4e, 0x9a);
    static final Color NEAR = new Color(0xf2, 0xc1, 0x4e);
    static final Color OVER = new Color(0xe0, 0x31, 0x31);

    static {
        System.setProperty("java.awt.headless", "true"); // drawn on CI runners without a display
    }

    private DriftChart() {
    }

    /** The chart of {@code ledger} as PNG bytes of the trend charts' size. */
    public static byte[] png(DriftLedger.Ledger ledger) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart(ledger), TrendChart.WIDTH, TrendChart.HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the drift chart", e); // in memory: not expected
        }
        return out.toByteArray();
    }

    static JFreeChart chart(DriftLedger.Ledger ledger) {
        YIntervalSeries line = new YIntervalSeries("drift since the anchor", false, true);
        List<DriftLedger.Row> rows = ledger.rows();
        double top = 100 * ledger.anchor().budget();
        double bottom = 0;
        for (int i = 0; i < rows.size(); i++) {
            var d = rows.get(i).drift();
            double low = Double.isFinite(d.low()) ? d.low() : d.change();
            double high = Double.isFinite(d.high()) ? d.high() : d.change();
            line.add(i + 1, 100 * d.change(), 100 * low, 100 * high);
            top = Math.max(top, 100 * high);
            bottom = Math.min(bottom, 100 * low);
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(line);
        NumberAxis x = new NumberAxis("checked commit (1 = oldest since the anchor)");
        x.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        x.setRange(0.5, Math.max(1, rows.size()) + 0.5);
        NumberAxis y = new NumberAxis("drift since the anchor (%, positive = worse)");
        y.setNumberFormatOverride(new DecimalFormat("+0.#;-0.#", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        double pad = 0.08 * (top - bottom);
        y.setRange(bottom - pad, top + pad);
        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setSeriesPaint(0, DRIFT);
        renderer.setSeriesFillPaint(0, DRIFT);
        renderer.setAlpha(0.2f);
        renderer.setSeriesStroke(0, new BasicStroke(1.8f));
        renderer.setSeriesShape(0, new Ellipse2D.Double(-3, -3, 6, 6));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        double budget = 100 * ledger.anchor().budget();
        IntervalMarker band = new IntervalMarker(budget / 2, budget, NEAR);
        band.setAlpha(0.25f);
        plot.addRangeMarker(band, Layer.BACKGROUND);
        plot.addRangeMarker(new ValueMarker(budget, OVER, new BasicStroke(1.6f)));
        plot.addRangeMarker(new ValueMarker(0, Color.GRAY, new BasicStroke(0.8f)));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
        JFreeChart chart = new JFreeChart("Drift of " + ledger.benchmark() + " since the anchor",
                new Font(Font.SANS_SERIF, Font.BOLD, 17), plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(4, 4, 4, 18));
        chart.addSubtitle(new TextTitle(subtitle(ledger), new Font(Font.SANS_SERIF, Font.PLAIN, 12)));
        return chart;
    }

    static String subtitle(DriftLedger.Ledger ledger) {
        String anchor = ledger.anchor().commit();
        return "anchor " + anchor.substring(0, Math.min(8, anchor.length())) + ", budget "
                + Numbers.share(ledger.anchor().budget()) + " (red line; shaded: above half of it, warns); latest "
                + Numbers.percent(ledger.latest().change()) + " " + Numbers.interval(ledger.latest().low(),
                ledger.latest().high());
    }
}
