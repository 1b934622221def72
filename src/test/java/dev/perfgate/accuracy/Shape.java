package dev.perfgate.accuracy;

import org.hipparchus.random.RandomDataGenerator;

/**
 * A {@code Shape} is a latency distribution the accuracy benchmark draws samples from, in milliseconds: a
 * synthetic one ({@link SyntheticShape}) or a recorded series resampled ({@link RecordedShape}).
 */
interface Shape {

    /** A short name for the tables, at most 38 characters. */
    String label();

    /** {@code n} independent samples, each a draw of the shape times {@code factor} (1.15 = a 15 % slowdown). */
    double[] draw(RandomDataGenerator rng, double factor, int n);
}
