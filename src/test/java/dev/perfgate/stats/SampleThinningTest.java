package dev.perfgate.stats;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Sample#thinned}: huge samples (imports, long runs) are thinned so a rank comparison stays fast and within
 * memory.
 */
class SampleThinningTest {

    @Test
    void smallSamplesAreUntouchedAndLargeOnesKeepTheirQuantiles() {
        Sample small = Sample.of(3, 1, 2);
        assertThat(small.thinned(5)).isSameAs(small);
        double[] v = new double[100_000];
        for (int i = 0; i < v.length; i++) v[i] = i;
        Sample thin = new Sample(v).thinned(1000);
        assertThat(thin.size()).isEqualTo(1000);
        // hand computation: rank floor((j + 1/2) * 100000 / 1000) = 100 j + 50
        assertThat(thin.values()[0]).isEqualTo(50);
        assertThat(thin.values()[999]).isEqualTo(99_950);
    }

    @Test
    void fiftyThousandSamplesPerSideCompareWithoutRunningOutOfMemory() {
        SplittableRandom random = new SplittableRandom(7);
        double[] b = new double[50_000];
        double[] c = new double[50_000];
        for (int i = 0; i < b.length; i++) {
            b[i] = 1 + random.nextDouble() * 0.1;
            c[i] = 1.2 + random.nextDouble() * 0.12;
        }
        Comparison cmp = Comparison.ranks(new Sample(b), new Sample(c), 0.95);
        assertThat(cmp.change().estimate()).isBetween(0.18, 0.22);
        assertThat(cmp.baselineN()).isEqualTo(50_000);
        assertThat(cmp.warnings()).anyMatch(w -> w.contains("evenly spaced quantiles"));
    }
}
