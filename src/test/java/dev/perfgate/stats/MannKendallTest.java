package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MannKendallTest {

    /**
     * S, z and p evaluated in numpy/scipy 1.17 from the textbook formulas (Kendall 1975; Hirsch &amp; Slack 1984
     * tie correction; continuity-corrected z); the slope from {@code scipy.stats.theilslopes}. Cross-check: S
     * equals Kendall's tau ({@code scipy.stats.kendalltau}, 0.818) times n(n-1)/2 = 66 for the tie-free series.
     */
    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of(new double[] {1.0, 1.2, 0.9, 1.4, 1.3, 1.6, 1.5, 1.9, 1.7, 2.0, 2.2, 2.1}, 54.0,
                        3.634345051015831, 0.0002786876842340684, 0.11111111111111112),
                Arguments.of(new double[] {5, 5, 6, 5, 7, 7, 8, 7, 9, 9}, 34.0, 3.05520632924942, 0.0022490573909353163,
                        0.5));
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesTextbookFormulas(double[] series, double s, double z, double p, double slope) {
        MannKendall.Trend trend = MannKendall.test(Sample.of(series));
        assertThat(trend.s()).isEqualTo(s);
        assertThat(trend.z()).isCloseTo(z, within(1e-12));
        assertThat(trend.pValue()).isCloseTo(p, within(1e-12));
        assertThat(MannKendall.pValue(Sample.of(series))).isCloseTo(p, within(1e-12));
        assertThat(trend.slope()).isCloseTo(slope, within(1e-12));
    }

    @Test
    void relativeChangeIsSlopeOverTheRunDividedByTheMedian() {
        // hand computation: slope 1/9 over 11 steps, median (1.5 + 1.6) / 2 = 1.55
        double[] series = {1.0, 1.2, 0.9, 1.4, 1.3, 1.6, 1.5, 1.9, 1.7, 2.0, 2.2, 2.1};
        assertThat(MannKendall.test(Sample.of(series)).relativeChange()).isCloseTo(11.0 / 9 / 1.55, within(1e-12));
    }

    @Test
    void constantAndShortSeriesHaveNoTrend() {
        assertThat(MannKendall.test(Sample.of(1, 1, 1, 1, 1)).pValue()).isEqualTo(1.0);
        assertThat(MannKendall.test(Sample.of(1, 2)).pValue()).isEqualTo(1.0);
        assertThat(MannKendall.test(Sample.of(1, 1, 1, 1, 1)).slope()).isZero();
    }
}
