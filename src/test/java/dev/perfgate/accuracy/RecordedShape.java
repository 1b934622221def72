package dev.perfgate.accuracy;

import java.util.Locale;

import org.hipparchus.random.RandomDataGenerator;

/**
 * A {@code RecordedShape} draws from a real series by resampling it with replacement (the bootstrap, Efron 1979):
 * baseline and current samples are independent draws from the same recording, the current ones multiplied by the
 * slowdown. It keeps the recording's skew, stalls and timer granularity but not its order: drift within a run and
 * run-to-run shifts are left out, as the synthetic shapes leave them out.
 */
record RecordedShape(RecordedLatencies recording) implements Shape {

    @Override
    public String label() {
        return String.format(Locale.ROOT, "recorded %s", recording.name());
    }

    @Override
    public double[] draw(RandomDataGenerator rng, double factor, int n) {
        return recording.resample(rng, factor, n);
    }
}
