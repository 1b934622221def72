package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.hipparchus.stat.inference.MannWhitneyUTest;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class RankStatisticsTest {

    @Property(seed = "20261126")
    void selectFindsTheSameValueAsSorting(@ForAll @Size(min = 1, max = 300) double[] values,
                                          @ForAll @DoubleRange(min = 0, max = 1) double quantile) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = 1 + (int) Math.floor(quantile * (values.length - 1));
        assertThat(RankStatistics.select(values.clone(), rank)).isEqualTo(sorted[rank - 1]);
    }

    @Property(seed = "20261126")
    void uIsHipparchusUStatistic(@ForAll @Size(min = 1, max = 60) int[] x, @ForAll @Size(min = 1, max = 60) int[] y) {
        double[] a = sortedRounded(x);
        double[] b = sortedRounded(y);
        double u = RankStatistics.u(a, b);
        double expectedMin = new MannWhitneyUTest().mannWhitneyU(a, b);
        assertThat(Math.min(u, (double) a.length * b.length - u)).isEqualTo(expectedMin);
    }

    /** Small integers, so that ties are common. */
    private static double[] sortedRounded(int[] values) {
        return Arrays.stream(values).mapToDouble(v -> Math.floorMod(v, 7)).sorted().toArray();
    }
}
