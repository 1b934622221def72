package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WilcoxonSignedRankTest {

    /** Hollander, Wolfe &amp; Chicken's Example 3.1 (Hamilton depression scale), R's {@code ?wilcox.test}: x - y. */
    static final double[] DEPRESSION = differences(
            new double[] {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30},
            new double[] {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29});

    /** {@code (37 i mod 101 - 40) / 10} for i = 1..60: 60 distinct values, 9 magnitudes tied in pairs. */
    static final double[] SIXTY = java.util.stream.IntStream.rangeClosed(1, 60)
            .mapToDouble(i -> (37 * i % 101 - 40) / 10.0).toArray();

    /**
     * Two-sided p-values. Where scipy is named: scipy 1.17 {@code wilcoxon(d, zero_method='wilcox', correction=True,
     * method=...)}, which computes what R's {@code wilcox.test(d, correct = TRUE)} does.
     */
    static Stream<Arguments> references() {
        return Stream.of(
                // R's example: V = 40, one-sided p-value 0.01953 = 10/512, so two-sided 20/512 (exact; scipy agrees)
                Arguments.of(DEPRESSION, 0.0390625),
                // hand computation: magnitudes 1,1,1,1,2,2 take ranks 2.5 and 5.5, W+ = 18.5, mean 10.5,
                // variance 22.75 - (60 + 6)/48 = 21.375, z = 7.5 / sqrt(21.375); scipy 'approx': 0.10475748984973063
                Arguments.of(new double[] {1, 1, 1, -1, 2, 2}, 0.10475748984973063),
                // two zeros dropped, then normal (R cannot be exact with zeros); scipy 'approx'
                Arguments.of(new double[] {0, 0, 1.5, -0.5, 2, 3, 4.5, -1, 2.5, 0.75}, 0.058707408431205),
                // n = 60 >= 50 with tied magnitudes: normal; scipy 'approx'
                Arguments.of(SIXTY, 0.008430399521170024),
                // ties and zeros; scipy 'approx'
                Arguments.of(new double[] {0.2, 0.2, 0.2, -0.1, 0.5, 0.5, 0.3, 0.3, 0.3, 0.3, 0.1, 0, 0, 0.4},
                        0.0034941744218327706),
                // hand computation, n = 1..5 all positive: only the all-plus pattern is as extreme, p = 2 / 2^n
                Arguments.of(new double[] {0.1}, 1.0),
                Arguments.of(new double[] {0.1, 0.2}, 0.5),
                Arguments.of(new double[] {0.1, 0.2, 0.3}, 0.25),
                Arguments.of(new double[] {0.1, 0.2, 0.3, 0.4}, 0.125),
                Arguments.of(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, 0.0625),
                // hand computation: W+ = W- = 3 is the center, p = 1 (Hipparchus' exact test returns 1.25)
                Arguments.of(new double[] {1, 2, -3}, 1.0),
                // all pairs equal: no evidence of a change
                Arguments.of(new double[] {0, 0, 0, 0}, 1.0));
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesReferences(double[] differences, double expected) {
        assertThat(WilcoxonSignedRank.pValue(differences)).isCloseTo(expected, within(1e-12));
        assertThat(WilcoxonSignedRank.pValue(negated(differences))).isCloseTo(expected, within(1e-12));
    }

    @Test
    void exactPValueCountsTheSignPatterns() {
        SplittableRandom random = new SplittableRandom(1945);
        for (int trial = 0; trial < 300; trial++) {
            double[] d = random.doubles(1 + random.nextInt(14), -1, 2).toArray();
            assertThat(WilcoxonSignedRank.pValue(d)).isCloseTo(enumerated(d), within(1e-15));
        }
    }

    @Test
    void agreesWithHipparchusWhereItIsRight() {
        // no ties and no zeros: Hipparchus' exact test (capped at 1) and its normal approximation are R's
        org.hipparchus.stat.inference.WilcoxonSignedRankTest hipparchus =
                new org.hipparchus.stat.inference.WilcoxonSignedRankTest();
        SplittableRandom random = new SplittableRandom(80);
        for (int trial = 0; trial < 100; trial++) {
            boolean small = trial % 2 == 0;
            double[] d = random.doubles(small ? 1 + random.nextInt(12) : 50 + random.nextInt(400), -1, 1.5).toArray();
            double expected = Math.min(1, hipparchus.wilcoxonSignedRankTest(new double[d.length], d, small));
            assertThat(WilcoxonSignedRank.pValue(d)).isCloseTo(expected, within(1e-12));
        }
    }

    @Test
    void pairsAreTestedOnTheirLogRatios() {
        Sample baseline = Sample.of(2.0, 4.0, 1.0, 8.0, 3.0, 5.0, 7.0);
        double[] current = baseline.values();
        double[] d = {0.3, -0.1, 0.25, 0.4, 0.05, 0.6, -0.2};
        for (int i = 0; i < d.length; i++) current[i] *= Math.exp(d[i]);
        // hand computation: W- = 2 + 3 = 5 of 28, and 10 of the 128 sign patterns give W- <= 5: p = 20/128
        // (scipy 1.17 wilcoxon(d, method='exact'): 0.15625)
        assertThat(WilcoxonSignedRank.pValue(baseline, Sample.of(current))).isEqualTo(enumerated(d))
                .isEqualTo(0.15625);
    }

    @Test
    void unpairableSamplesHaveNoPValue() {
        assertThat(WilcoxonSignedRank.pValue(Sample.of(1, 2), Sample.of(1, 2, 3))).isNaN();
        assertThat(WilcoxonSignedRank.pValue(Sample.of(), Sample.of())).isNaN();
        assertThat(WilcoxonSignedRank.pValue(Sample.of(1, 0), Sample.of(1, 2))).isNaN();
    }

    @Test
    void hundredsOfThousandsOfPairsAreTestedWhole() {
        SplittableRandom random = new SplittableRandom(3);
        double[] d = random.doubles(300_000, -1, 1.02).toArray();
        // the center is 0.01 off 0 (1.7 % of a standard deviation): over 300,000 pairs far beyond chance.
        // No timing assertion: it only has to finish (a sort, not Hipparchus' object ranking or 2^n patterns)
        assertThat(WilcoxonSignedRank.pValue(d)).isLessThan(1e-6);
    }

    /** The definition: the share of the 2^n sign patterns of the ranks whose W+ is as far from the center. */
    private static double enumerated(double[] d) {
        int n = d.length;
        double[] magnitudes = Arrays.stream(d).map(Math::abs).sorted().toArray();
        int observed = 0;
        for (double v : d) {
            if (v > 0) observed += 1 + Arrays.binarySearch(magnitudes, Math.abs(v));
        }
        long atMost = 0;
        long atLeast = 0;
        for (long signs = 0; signs < 1L << n; signs++) {
            int sum = 0;
            for (int rank = 1; rank <= n; rank++) {
                if ((signs >> (rank - 1) & 1) == 1) sum += rank;
            }
            if (sum <= observed) atMost++;
            if (sum >= observed) atLeast++;
        }
        return Math.min(1, 2.0 * Math.min(atMost, atLeast) / (1L << n));
    }

    private static double[] differences(double[] x, double[] y) {
        double[] d = new double[x.length];
        for (int i = 0; i < d.length; i++) d[i] = x[i] - y[i];
        return d;
    }

    private static double[] negated(double[] values) {
        return Arrays.stream(values).map(v -> -v).toArray();
    }
}
