package dev.perfgate.report;

import dev.perfgate.history.TrendPoint;

import static dev.perfgate.report.TrendFixtures.START;
import static dev.perfgate.report.TrendFixtures.changePoint;
import static dev.perfgate.report.TrendFixtures.runs;
import static dev.perfgate.report.TrendFixtures.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.perfgate.analysis.ChangePoint;
import dev.perfgate.model.Direction;

class TrendChartTest {

    @Test
    void thePngDecodesAtTheDefaultSize() throws IOException {
        BufferedImage image = decode(TrendChart.png(series("single_row_update", 120)));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(450);
    }

    @Test
    void thePngHasTheRequestedSize() throws IOException {
        BufferedImage image = decode(TrendChart.png(series("bulk_1k_rows", 40), 640, 320));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(320);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 10_000})
    void anyNumberOfRunsIsDrawn(int n) throws IOException {
        assertThat(decode(TrendChart.png(series("runs_" + n, n))).getWidth()).isEqualTo(900);
    }

    @Test
    void allEqualValuesWithoutSpreadOrBaselineAreDrawn() throws IOException {
        List<TrendPoint> flat = new ArrayList<>();
        for (int i = 0; i < 50; i++) flat.add(new TrendPoint(START.plusSeconds(i), null, 2.0, 2.0, 2.0, null));
        TrendSeries series = new TrendSeries("flat", "x", Direction.HIGHER, flat, null, null);
        assertDrawn(decode(TrendChart.png(series)));
        assertThat(TrendMarkers.valueRange(series)[0]).isLessThan(2.0);
        assertThat(TrendMarkers.valueRange(series)[1]).isGreaterThan(2.0);
    }

    @Test
    void unknownSpreadsMediansAndChangesAreDrawn() throws IOException {
        List<TrendPoint> runs = new ArrayList<>(runs(30, 1.0, 3));
        runs.set(4, new TrendPoint(START, "a", 1.0, Double.NaN, Double.NaN, null));
        runs.set(5, new TrendPoint(START, "b", Double.NaN, Double.NaN, 1.2, "regression"));
        runs.set(6, new TrendPoint(START, null, 1.0, Double.NaN, 1.1, null));
        List<ChangePoint> cps = List.of(new ChangePoint(10, null, Double.NaN, 0, 1, 1e-5), changePoint(20, -0.05));
        TrendSeries series = new TrendSeries("nan", "ms", Direction.LOWER, runs, Double.NaN, cps);
        assertDrawn(decode(TrendChart.png(series)));
    }

    @Test
    void longHistoriesAreThinnedToAnEnvelopeThatKeepsTheExtremes() {
        List<TrendPoint> runs = new ArrayList<>(runs(10_000, 1.0, 4));
        runs.set(5_555, new TrendPoint(START, "spike", 9.0, 8.0, 10.0, null));
        int[] drawn = TrendChart.drawnRuns(runs);
        assertThat(drawn.length).isLessThanOrEqualTo(TrendChart.MAX_DRAWN);
        assertThat(drawn).contains(5_555).isSorted();
        assertThat(TrendChart.drawnRuns(runs(300, 1.0, 4))).hasSize(300);
    }

    @Test
    void changePointLabelsNameTheChangeAndTheShortCommit() {
        assertThat(TrendMarkers.label(changePoint(3, 0.081))).isEqualTo("+8.1% @3f2a9c4");
        assertThat(TrendMarkers.label(new ChangePoint(119, null, -0.034, 1, 1, 0))).isEqualTo("-3.4% @run 120");
    }

    @Test
    void theTitleSaysWhichWayIsBetter() {
        assertThat(TrendChart.chart(series("single_row_update", 20)).getTitle().getText())
                .isEqualTo("single_row_update (lower is better)");
        TrendSeries speedup = new TrendSeries("jsonb_ivm_speedup", "x", Direction.HIGHER, runs(5, 2, 1), null, null);
        assertThat(TrendChart.chart(speedup).getTitle().getText()).isEqualTo("jsonb_ivm_speedup (higher is better)");
    }

    @Test
    void aChangePointOutsideTheRunsIsRejected() {
        assertThatThrownBy(() -> new TrendSeries("x", "ms", Direction.LOWER, runs(5, 1, 1), null,
                List.of(changePoint(5, 0.1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("run 5 of 5");
    }

    @Test
    void aPointFromSamplesHasTheMedianAndInterquartileRange() {
        // type-7 quantiles of 1..5: p25 = 2, median = 3, p75 = 4
        TrendPoint p = TrendPoint.ofSamples(START, "c", new double[] {5, 1, 4, 2, 3}, "regression");
        assertThat(p.median()).isEqualTo(3.0);
        assertThat(p.spreadLow()).isEqualTo(2.0);
        assertThat(p.spreadHigh()).isEqualTo(4.0);
        assertThat(p.isRegression()).isTrue();
    }

    /** A whole chart with something on it: its full size and more colours than a blank canvas and its frame. */
    private static void assertDrawn(BufferedImage image) {
        assertThat(List.of(image.getWidth(), image.getHeight())).containsExactly(TrendChart.WIDTH, TrendChart.HEIGHT);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) colours.add(image.getRGB(x, y));
        }
        assertThat(colours).as("distinct colours").hasSizeGreaterThan(2);
    }

    static BufferedImage decode(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).isNotNull();
        return image;
    }
}
