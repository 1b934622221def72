package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

class WalshAveragesTest {

    @Property(seed = "20261126")
    void selectFindsTheSameAverageAsSortingThemAll(@ForAll @Size(min = 1, max = 150) int[] values,
                                                   @ForAll @DoubleRange(min = 0, max = 1) double quantile) {
        double[] sorted = Arrays.stream(values).mapToDouble(v -> Math.floorMod(v, 9) - 3).sorted().toArray();
        double[] all = all(sorted);
        long rank = 1 + (long) Math.floor(quantile * (all.length - 1));
        for (long r : new long[] {1, rank, all.length}) {
            assertThat(WalshAverages.select(sorted, r)).isEqualTo(all[(int) r - 1]);
        }
    }

    @Test
    void everyRankOfATieFreeArrayIsTheSortedAverage() {
        double[] sorted = new SplittableRandom(616).doubles(80).sorted().toArray();
        double[] all = all(sorted);
        for (int rank = 1; rank <= all.length; rank++) {
            assertThat(WalshAverages.select(sorted, rank)).isEqualTo(all[rank - 1]);
        }
    }

    @Test
    void manyTiesStillNarrowTheWindows() {
        // three distinct values, so most pivot pairs bracket every candidate and selection must step past them
        double[] sorted = new double[1500];
        for (int i = 0; i < sorted.length; i++) sorted[i] = i < 500 ? 0 : i < 1200 ? 1 : 3;
        double[] all = all(sorted);
        for (long rank : new long[] {1, 125_250, 400_000, all.length / 2, 900_000, 1_000_000, all.length}) {
            assertThat(WalshAverages.select(sorted, rank)).as("rank %d", rank).isEqualTo(all[(int) rank - 1]);
        }
    }

    @Test
    void aMillionPairsNeedNoQuadraticArray() {
        // 5 * 10^11 averages: only an O(n) selection can find their median. Hand computation: the averages of
        // 0, 1, ..., n - 1 are symmetric about (n - 1)/2, so that is their median. No timing assertion.
        int n = 1_000_000;
        double[] sorted = new double[n];
        for (int i = 0; i < n; i++) sorted[i] = i;
        assertThat(PairedHodgesLehmann.shift(sorted)).isEqualTo((n - 1) / 2.0);
    }

    /** The definition: all {@code (x_i + x_j) / 2, i <= j}, in ascending order. */
    static double[] all(double[] values) {
        int n = values.length;
        double[] averages = new double[n * (n + 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) averages[k++] = (values[i] + values[j]) / 2;
        }
        Arrays.sort(averages);
        return averages;
    }
}
