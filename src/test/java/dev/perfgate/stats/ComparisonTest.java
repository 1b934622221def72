package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** {@link Comparison#paired}: the signed-rank test and paired Hodges-Lehmann change on the pairs' log ratios. */
class ComparisonTest {

    @Test
    void textbookPairsUnderAMachineDrift() {
        // Hollander, Wolfe & Chicken Example 3.1 as log ratios, each pair on a machine of its own speed: the values
        // of PairedHodgesLehmannTest and WilcoxonSignedRankTest (p = 20/512, shift 0.46 in [0.01, 0.786])
        double[] d = WilcoxonSignedRankTest.DEPRESSION;
        double[] baseline = new double[d.length];
        double[] current = new double[d.length];
        for (int i = 0; i < d.length; i++) {
            baseline[i] = 0.5 + 0.37 * i;
            current[i] = baseline[i] * Math.exp(d[i]);
        }
        Comparison c = Comparison.paired(Sample.of(baseline), Sample.of(current), 0.95);
        assertThat(c.method()).isEqualTo(Comparison.Method.WILCOXON_SIGNED_RANK);
        assertThat(c.baselineN()).isEqualTo(9);
        assertThat(c.currentN()).isEqualTo(9);
        assertThat(c.pValue()).isEqualTo(0.0390625);
        assertThat(c.change().estimate()).isCloseTo(Math.expm1(0.46), within(1e-12));
        assertThat(c.change().low()).isCloseTo(Math.expm1(0.01), within(1e-12));
        assertThat(c.change().high()).isCloseTo(Math.expm1(0.786), within(1e-12));
        assertThat(c.warnings()).isEmpty();
    }

    /** Pairs that cannot be compared give an unknown change and say why; hand-written messages. */
    static Stream<Arguments> unpairable() {
        return Stream.of(
                Arguments.of(Sample.of(1, 2, 3), Sample.of(1, 2, 3, 4),
                        "samples of different sizes (3 vs 4) cannot be paired"),
                Arguments.of(Sample.of(), Sample.of(), "no pairs: no estimate"),
                Arguments.of(Sample.of(1, 0, 3), Sample.of(1, 2, 3), "values not all positive: no ratio for a pair"));
    }

    @ParameterizedTest
    @MethodSource("unpairable")
    void unpairableSamplesAreAWarningNotAnError(Sample baseline, Sample current, String warning) {
        Comparison c = Comparison.paired(baseline, current, 0.95);
        assertThat(c.change().estimate()).isNaN();
        assertThat(c.change().hasInterval()).isFalse();
        assertThat(c.pValue()).isNaN();
        assertThat(c.warnings()).containsExactly(warning);
        assertThat(c.baselineN()).isEqualTo(baseline.size());
        assertThat(c.currentN()).isEqualTo(current.size());
    }

    @Test
    void fourPairsHaveATestButNoInterval() {
        // hand computation: 4 slower pairs, W+ = 10 of 10, p = 2/16
        Comparison c = Comparison.paired(Sample.of(1, 2, 3, 4), Sample.of(1.1, 2.3, 3.6, 4.1), 0.95);
        assertThat(c.pValue()).isEqualTo(0.125);
        assertThat(c.change().estimate()).isPositive();
        assertThat(c.warnings()).containsExactly("too few pairs (n = 4) for a 95 % interval");
        assertThat(c.change().detectable()).isNaN();
    }

    @Property(seed = "20261126")
    void aSpeedFactorSharedByAPairChangesNothing(
            @ForAll @Size(min = 1, max = 70) List<@IntRange(min = 1, max = 40) Integer> a,
            @ForAll @Size(min = 1, max = 70) List<@IntRange(min = 1, max = 40) Integer> b,
            @ForAll @Size(value = 70) List<@IntRange(min = -30, max = 30) Integer> powers) {
        // small integers, so zeros and ties are common; powers of two, so the ratios and all that follows are exact
        int n = Math.min(a.size(), b.size());
        double[] baseline = new double[n];
        double[] current = new double[n];
        double[] scaledBaseline = new double[n];
        double[] scaledCurrent = new double[n];
        for (int i = 0; i < n; i++) {
            baseline[i] = a.get(i) / 8.0;
            current[i] = b.get(i) / 8.0;
            scaledBaseline[i] = Math.scalb(baseline[i], powers.get(i));
            scaledCurrent[i] = Math.scalb(current[i], powers.get(i));
        }
        assertThat(Comparison.paired(Sample.of(scaledBaseline), Sample.of(scaledCurrent), 0.95))
                .isEqualTo(Comparison.paired(Sample.of(baseline), Sample.of(current), 0.95));
    }

    @Test
    void anySmoothDriftSharedByThePairsCancels() {
        SplittableRandom random = new SplittableRandom(11);
        double[] baseline = random.doubles(40, 1, 2).toArray();
        double[] current = new double[40];
        for (int i = 0; i < 40; i++) current[i] = baseline[i] * (1.03 + 0.05 * random.nextGaussian());
        double[] driftedBaseline = new double[40];
        double[] driftedCurrent = new double[40];
        for (int i = 0; i < 40; i++) {
            double speed = 1 + 0.6 * Math.sin(i / 5.0); // a machine slowing down and recovering
            driftedBaseline[i] = baseline[i] * speed;
            driftedCurrent[i] = current[i] * speed;
        }
        Comparison plain = Comparison.paired(Sample.of(baseline), Sample.of(current), 0.95);
        Comparison drifted = Comparison.paired(Sample.of(driftedBaseline), Sample.of(driftedCurrent), 0.95);
        assertThat(drifted.pValue()).isEqualTo(plain.pValue());
        assertThat(drifted.change().estimate()).isCloseTo(plain.change().estimate(), within(1e-12));
        assertThat(drifted.change().low()).isCloseTo(plain.change().low(), within(1e-12));
        assertThat(drifted.change().high()).isCloseTo(plain.change().high(), within(1e-12));
    }

    @Test
    void swappingTheSidesFlipsTheSignOfTheLogChange() {
        SplittableRandom random = new SplittableRandom(12);
        for (int trial = 0; trial < 50; trial++) {
            int n = 1 + random.nextInt(80);
            double[] baseline = random.doubles(n, 0.5, 2).toArray();
            double[] current = random.doubles(n, 0.5, 2.2).toArray();
            RelativeChange forward = Comparison.paired(Sample.of(baseline), Sample.of(current), 0.95).change();
            Comparison back = Comparison.paired(Sample.of(current), Sample.of(baseline), 0.95);
            assertThat(Math.log1p(back.change().estimate())).isCloseTo(-Math.log1p(forward.estimate()), within(1e-12));
            if (forward.hasInterval()) {
                assertThat(Math.log1p(back.change().low())).isCloseTo(-Math.log1p(forward.high()), within(1e-12));
                assertThat(Math.log1p(back.change().high())).isCloseTo(-Math.log1p(forward.low()), within(1e-12));
            }
            assertThat(back.pValue()).isEqualTo(WilcoxonSignedRank.pValue(Sample.of(baseline), Sample.of(current)));
        }
    }

    @Test
    void pairingSeesThroughADriftThatHidesTheChangeFromRanks() {
        // 30 rounds on a machine whose speed wanders by +-30 %; in each round the current code is 3 % slower,
        // +-0.5 %. The paired interval finds the 3 %; unpaired ranks cannot tell it from no change.
        SplittableRandom random = new SplittableRandom(30);
        double[] baseline = new double[30];
        double[] current = new double[30];
        for (int i = 0; i < 30; i++) {
            double speed = Math.exp(0.3 * random.nextGaussian());
            baseline[i] = 10 * speed * Math.exp(0.005 * random.nextGaussian());
            current[i] = 10.3 * speed * Math.exp(0.005 * random.nextGaussian());
        }
        Comparison paired = Comparison.paired(Sample.of(baseline), Sample.of(current), 0.95);
        Comparison ranks = Comparison.ranks(Sample.of(baseline), Sample.of(current), 0.95);
        assertThat(paired.change().low()).isGreaterThan(0.02);
        assertThat(paired.change().high()).isLessThan(0.04);
        assertThat(paired.pValue()).isLessThan(1e-6);
        assertThat(ranks.change().low()).isNegative();
        assertThat(ranks.change().detectable()).isGreaterThan(10 * paired.change().detectable());
    }

    @Test
    void aHundredThousandPairsAreComparedWhole() {
        SplittableRandom random = new SplittableRandom(5);
        double[] baseline = new double[100_000];
        double[] current = new double[100_000];
        for (int i = 0; i < baseline.length; i++) {
            double speed = 1 + random.nextDouble();
            baseline[i] = speed * Math.exp(0.05 * random.nextGaussian());
            current[i] = 1.02 * speed * Math.exp(0.05 * random.nextGaussian());
        }
        // hand computation: the log ratios log 1.02 + 0.05 (N2 - N1) are symmetric about log 1.02, and the
        // interval's half-width is near 1.96 * 0.0707 / sqrt(100000) = 0.0004. No thinning, no timing assertion.
        Comparison c = Comparison.paired(Sample.of(baseline), Sample.of(current), 0.95);
        assertThat(c.warnings()).isEmpty();
        assertThat(c.change().low()).isBetween(0.019, 0.02);
        assertThat(c.change().high()).isBetween(0.02, 0.021);
        assertThat(c.change().detectable()).isBetween(0.0003, 0.0006);
    }
}
