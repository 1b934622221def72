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

class PairedHodgesLehmannTest {

    /**
     * One-sample estimate and 95 % interval on raw differences. Expected values computed with numpy 2.4 from the
     * definition: the median of the sorted Walsh averages and the averages at ranks k and M + 1 - k; k as stated.
     */
    static Stream<Arguments> references() {
        return Stream.of(
                // Hollander, Wolfe & Chicken Example 3.1. k = 6 by hand: for n = 9 the counts of rank sums 0..6 are
                // 1, 1, 1, 2, 2, 3, 4, so P(W+ <= 5) = 10/512 <= 0.025 < P(W+ <= 6) = 14/512 (a 96.1 % interval)
                Arguments.of(WilcoxonSignedRankTest.DEPRESSION, 6, 0.4600000000000001, 0.010000000000000009, 0.786),
                // n = 60 >= 50: normal, no equal differences, k = floor(915.5 - 1.959963984540054 * 135.8399...)
                Arguments.of(WilcoxonSignedRankTest.SIXTY, 649, 1.1, 0.30000000000000004, 1.95),
                // equal differences and zeros, n = 14 < 50: exact all the same, P(W+ <= 21) = 405/16384 <= 0.025
                Arguments.of(new double[] {0.2, 0.2, 0.2, -0.1, 0.5, 0.5, 0.3, 0.3, 0.3, 0.3, 0.1, 0, 0, 0.4}, 22,
                        0.25, 0.1, 0.35),
                // n = 6: k = 1 because P(W+ = 0) = 1/64 <= 0.025 < 2/64, so the interval is [min, max] (hand)
                Arguments.of(new double[] {0.3, -0.2, 0.5, 0.1, 0.7, 0.4}, 1, 0.3, -0.2, 0.7));
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesDefinition(double[] differences, int k, double estimate, double low, double high) {
        double[] sorted = differences.clone();
        Arrays.sort(sorted);
        assertThat(PairedHodgesLehmann.lowerRank(sorted, 0.95)).isEqualTo(k);
        assertThat(PairedHodgesLehmann.shift(sorted)).isCloseTo(estimate, within(1e-12));
        assertThat(WalshAverages.select(sorted, k)).isCloseTo(low, within(1e-12));
        assertThat(WalshAverages.select(sorted, WalshAverages.count(sorted.length) + 1 - k))
                .isCloseTo(high, within(1e-12));
    }

    /**
     * k - 1 is the two-sided 5 % critical value of the signed-rank statistic, as tabulated (0, 2, 3, 5, 8 for
     * n = 6..10; 25, 52, 89, 137 for n = 15, 20, 25, 30); the same counts were enumerated with numpy.
     */
    @ParameterizedTest
    @MethodSource("criticalValues")
    void exactLowerRankIsOnePastTheCriticalValue(int n, int k) {
        double[] distinct = new double[n];
        for (int i = 0; i < n; i++) distinct[i] = i + 1;
        assertThat(PairedHodgesLehmann.lowerRank(distinct, 0.95)).isEqualTo(k);
    }

    static Stream<Arguments> criticalValues() {
        return Stream.of(Arguments.of(1, 0), Arguments.of(5, 0), Arguments.of(6, 1), Arguments.of(7, 3),
                Arguments.of(8, 4), Arguments.of(9, 6), Arguments.of(10, 9), Arguments.of(15, 26), Arguments.of(20, 53),
                Arguments.of(25, 90), Arguments.of(30, 138));
    }

    @Test
    void exactLowerRankMatchesEnumeratedSignPatterns() {
        // the definition, for n = 1..14 and three levels: k - 1 = max c with #{patterns: W+ <= c} / 2^n <= tail
        for (double confidence : new double[] {0.8, 0.9, 0.95}) {
            for (int n = 1; n <= 14; n++) {
                int[] sums = new int[1 << n];
                for (int signs = 0; signs < sums.length; signs++) {
                    for (int rank = 1; rank <= n; rank++) sums[signs] += (signs >> (rank - 1) & 1) * rank;
                }
                double allowed = (1 - confidence) / 2 * sums.length;
                int k = 0;
                while (k < sums.length && countAtMost(sums, k) <= allowed) k++;
                double[] distinct = java.util.stream.IntStream.rangeClosed(1, n).mapToDouble(i -> i).toArray();
                assertThat(PairedHodgesLehmann.lowerRank(distinct, confidence)).as("n = %d", n).isEqualTo(k);
            }
        }
    }

    @Test
    void intervalInvertsTheExactTest() {
        // no zeros, no tied magnitudes, n < 50: 0 is outside the interval exactly when p <= 1 - confidence
        SplittableRandom random = new SplittableRandom(1963);
        int rejected = 0;
        for (int trial = 0; trial < 400; trial++) {
            double[] d = random.doubles(6 + random.nextInt(40), -0.5, 1).toArray();
            Arrays.sort(d);
            long k = PairedHodgesLehmann.lowerRank(d, 0.95);
            double lo = WalshAverages.select(d, k);
            double hi = WalshAverages.select(d, WalshAverages.count(d.length) + 1 - k);
            boolean outside = lo > 0 || hi < 0;
            double p = WilcoxonSignedRank.pValue(d);
            assertThat(outside).as("p = %s, [%s, %s]", p, lo, hi).isEqualTo(p <= 0.05);
            if (outside) rejected++;
        }
        assertThat(rejected).isBetween(50, 350); // both outcomes occur, so the check is not vacuous
    }

    @Test
    void intervalRoughlyInvertsTheNormalTest() {
        // n >= 50: the interval uses no continuity correction, so agreement is checked away from the boundary
        SplittableRandom random = new SplittableRandom(1945);
        for (int trial = 0; trial < 200; trial++) {
            double[] d = random.doubles(50 + random.nextInt(300), -1, 1 + random.nextDouble() * 0.4).toArray();
            Arrays.sort(d);
            long k = PairedHodgesLehmann.lowerRank(d, 0.95);
            boolean outside = WalshAverages.select(d, k) > 0;
            double p = WilcoxonSignedRank.pValue(d);
            if (p < 0.04) assertThat(outside).as("p = %s", p).isTrue();
            if (p > 0.06) assertThat(outside).as("p = %s", p).isFalse();
        }
    }

    @Test
    void estimateIsTheMedianOfAllWalshAverages() {
        SplittableRandom random = new SplittableRandom(598);
        for (int trial = 0; trial < 100; trial++) {
            double[] d = random.doubles(1 + random.nextInt(120), -1, 1).map(v -> Math.round(v * 20) / 20.0)
                    .sorted().toArray();
            double[] all = WalshAveragesTest.all(d);
            int m = all.length;
            double median = m % 2 == 1 ? all[m / 2] : (all[m / 2 - 1] + all[m / 2]) / 2;
            assertThat(PairedHodgesLehmann.shift(d)).isEqualTo(median);
        }
    }

    @Test
    void relativeChangeIsTheExponentialOfTheLogShift() {
        // baseline x 1.1 in every pair: every log ratio, so every Walsh average and both bounds, is log 1.1 (hand)
        double[] baseline = {3, 1, 4, 1.5, 9, 2.6, 5, 3.5};
        double[] current = Arrays.stream(baseline).map(v -> v * 1.1).toArray();
        Estimate e = PairedHodgesLehmann.relativeChange(Sample.of(baseline), Sample.of(current), 0.95);
        assertThat(e.change().estimate()).isCloseTo(0.1, within(1e-12));
        assertThat(e.change().low()).isCloseTo(0.1, within(1e-12));
        assertThat(e.change().high()).isCloseTo(0.1, within(1e-12));
        assertThat(e.warnings()).isEmpty();
    }

    @Test
    void fewPairsGiveAnEstimateWithoutInterval() {
        Estimate none = PairedHodgesLehmann.relativeChange(Sample.of(), Sample.of(), 0.95);
        assertThat(none.change().estimate()).isNaN();
        assertThat(none.warnings()).containsExactly("no pairs: no estimate");
        // hand computation: one pair, the estimate is its ratio; two pairs, the median of 3 Walsh averages of
        // log 1.2 and log 1.5 is their mean, so the ratio is sqrt(1.2 * 1.5)
        Estimate one = PairedHodgesLehmann.relativeChange(Sample.of(2), Sample.of(2.4), 0.95);
        assertThat(one.change().estimate()).isCloseTo(0.2, within(1e-12));
        assertThat(one.change().hasInterval()).isFalse();
        assertThat(one.warnings()).containsExactly("too few pairs (n = 1) for a 95 % interval");
        Estimate two = PairedHodgesLehmann.relativeChange(Sample.of(1, 2), Sample.of(1.2, 3), 0.95);
        assertThat(two.change().estimate()).isCloseTo(Math.sqrt(1.2 * 1.5) - 1, within(1e-12));
        assertThat(two.warnings()).containsExactly("too few pairs (n = 2) for a 95 % interval");
        // five equal ratios: still no 95 % interval (a tie-corrected normal approximation would give one)
        Estimate five = PairedHodgesLehmann.relativeChange(Sample.of(1, 1, 1, 1, 1), Sample.of(2, 2, 2, 2, 2), 0.95);
        assertThat(five.warnings()).containsExactly("too few pairs (n = 5) for a 95 % interval");
        assertThat(PairedHodgesLehmann.relativeChange(Sample.of(1, 1, 1, 1, 1), Sample.of(2, 2, 2, 2, 2), 0.9)
                .change().hasInterval()).isTrue(); // 90 %: 2/32 <= 0.05, so k = 1
    }

    @Test
    void equalPairsGiveNoChangeAndZeroWidth() {
        Sample same = Sample.of(1.2, 3.4, 0.7, 2.2, 1.9, 5.5, 1.1, 0.4);
        RelativeChange change = PairedHodgesLehmann.relativeChange(same, same, 0.95).change();
        assertThat(change.estimate()).isZero();
        assertThat(change.low()).isZero();
        assertThat(change.high()).isZero();
    }

    private static long countAtMost(int[] sums, int c) {
        return Arrays.stream(sums).filter(s -> s <= c).count();
    }
}
