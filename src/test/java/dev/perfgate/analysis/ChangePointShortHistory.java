package dev.perfgate.analysis;

import java.util.Locale;
import java.util.Random;

import dev.perfgate.model.Direction;

/**
 * How {@link ChangePoints} does on short histories (issue 22, item 8: a +45 % step over 16 main runs, and 5 + 10
 * perfectly separated runs, were not found at alpha 0.001): perfectly separated steps, a +45 % step in 16 runs
 * with lognormal run-to-run noise, and the false alarms of stationary series of 10 to 50 runs, each at the alpha
 * given (default: {@link ChangePointSettings#DEFAULT}'s). A measurement, seeded; nothing here asserts. Run it:
 * <pre>
 * mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt &amp;&amp; \
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.perfgate.analysis.ChangePointShortHistory [ALPHA]
 * </pre>
 */
public final class ChangePointShortHistory {

    private ChangePointShortHistory() {
    }

    public static void main(String[] args) {
        ChangePointSettings settings = args.length > 0
                ? ChangePointSettings.DEFAULT.withAlpha(Double.parseDouble(args[0])) : ChangePointSettings.DEFAULT;
        ChangePoints cp = new ChangePoints(settings);
        System.out.printf(Locale.ROOT, "alpha %s, minimum segment %d%n", settings.alpha(), settings.minSegment());
        StringBuilder perfect = new StringBuilder("perfectly separated steps (before + after), found:");
        for (int[] ab : new int[][]{{5, 9}, {5, 10}, {10, 5}, {6, 8}, {7, 7}, {8, 8}, {5, 15}}) {
            perfect.append(String.format(Locale.ROOT, "  %d+%d %s", ab[0], ab[1],
                    cp.find(perfect(ab[0], ab[1]), Direction.LOWER).isEmpty() ? "no" : "yes"));
        }
        System.out.println(perfect);
        System.out.println("+45 % step in 16 runs, lognormal run-to-run noise: share of 200 seeded series found");
        for (double sigma : new double[]{0.10, 0.15}) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  sigma %.2f, step after run:", sigma));
            for (int at : new int[]{5, 6, 8, 10, 11}) {
                int found = 0;
                for (int t = 0; t < 200; t++) {
                    Random r = new Random(t * 31L + at);
                    double[] v = new double[16];
                    for (int i = 0; i < 16; i++) v[i] = Math.exp(r.nextGaussian() * sigma) * (i < at ? 1 : 1.45);
                    if (!cp.find(v, Direction.LOWER).isEmpty()) found++;
                }
                row.append(String.format(Locale.ROOT, "  %d: %.1f %%", at, found / 2.0));
            }
            System.out.println(row);
        }
        StringBuilder alarms = new StringBuilder("false alarms, 4,000 stationary series (sigma 0.1) of n runs:");
        for (int n : new int[]{10, 12, 15, 20, 30, 50}) {
            alarms.append(String.format(Locale.ROOT, "  %d: %.2f %%", n, 100.0 * falseAlarms(cp, n, 4000, 0) / 4000));
        }
        System.out.println(alarms);
    }

    /**
     * {@code before} runs near 1 then {@code after} runs near 2, in random order within each side, and separated
     * only at the step: the last run before it is the lowest of its side and the first after it the highest of
     * its side (else the series would also be perfectly separated a run earlier or later, and that split, more
     * balanced, would be as right).
     */
    static double[] perfect(int before, int after) {
        int n = before + after;
        Random r = new Random(n);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = (i < before ? 1 : 2) + 0.01 * r.nextDouble();
        swap(v, before - 1, extreme(v, 0, before, -1));
        swap(v, before, extreme(v, before, n, 1));
        return v;
    }

    /** The index of the lowest ({@code sign} -1) or highest (+1) value of {@code v[from, to)}. */
    private static int extreme(double[] v, int from, int to, int sign) {
        int at = from;
        for (int i = from; i < to; i++) if (sign * v[i] > sign * v[at]) at = i;
        return at;
    }

    private static void swap(double[] v, int i, int j) {
        double t = v[i];
        v[i] = v[j];
        v[j] = t;
    }

    /** How many of {@code series} seeded stationary lognormal series of {@code n} runs show a change point. */
    static int falseAlarms(ChangePoints cp, int n, int series, long seed) {
        int alarms = 0;
        for (int t = 0; t < series; t++) {
            Random r = new Random(seed + t * 7L + n);
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = Math.exp(r.nextGaussian() * 0.1);
            if (!cp.find(v, Direction.LOWER).isEmpty()) alarms++;
        }
        return alarms;
    }
}
