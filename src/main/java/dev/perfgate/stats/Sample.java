package dev.perfgate.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * A {@code Sample} is a series of measurements of one benchmark in one run, in the order they were taken
 * (the order matters to {@link MannKendall}). Values are finite; their unit is the caller's business.
 *
 * <p>The array is copied on the way in and on the way out, so a {@code Sample} is immutable.
 */
public record Sample(double[] values) {

    public Sample {
        Objects.requireNonNull(values, "values");
        values = values.clone();
        for (double v : values) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("sample value is not finite: " + v);
        }
    }

    public static Sample of(double... values) {
        return new Sample(values);
    }

    /** The values in run order (a copy). */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** The values in ascending order (a new array). */
    public double[] sorted() {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    public int size() {
        return values.length;
    }

    /**
     * At most {@code max} values: this sample when it is small enough, else its order statistics at evenly spaced
     * ranks {@code floor((j + 1/2) n / max)}, which keep the shape of the distribution. Rank methods cost
     * O(m n) in the two sample sizes; thinning bounds that, and the interval it yields, computed for the smaller
     * size, is wider, never narrower, than the full sample's.
     */
    public Sample thinned(int max) {
        if (values.length <= max) return this;
        double[] sorted = sorted();
        double[] kept = new double[max];
        for (int j = 0; j < max; j++) kept[j] = sorted[(int) Math.floor((j + 0.5) * sorted.length / max)];
        return new Sample(kept);
    }

    /** True when every value is &gt; 0, so ratios and logarithms are defined. */
    public boolean allPositive() {
        for (double v : values) {
            if (v <= 0) return false;
        }
        return values.length > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sample other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Sample" + Arrays.toString(values);
    }
}
