package dev.perfgate.analysis;

import dev.perfgate.model.AbInfo;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link Looks}: what each look of an A/B run at a benchmark may spend of the error budget ({@link ConfirmationTest}
 * has when a pass is added).
 */
class LooksTest {

    @Test
    void theLooksSpendAtMostFourFifthsOfAlphaAFifthOfItOnTheFirst() {
        assertThat(Looks.share(1, true)).isEqualTo(0.2); // a decisive first pass may fail, at a 99 % interval
        assertThat(Looks.share(2, true)).isEqualTo(0.3);
        assertThat(Looks.share(3, true)).isEqualTo(0.15);
        assertThat(Looks.share(4, true)).isEqualTo(0.075);
        double spent = 0;
        for (int k = 1; k <= 60; k++) spent += Looks.share(k, true);
        assertThat(spent).isCloseTo(0.8, within(1e-9));
        assertThat(Looks.share(1, false)).isEqualTo(1);  // no pass could be added: one look, the whole budget
    }

    @Test
    void aDecisiveFirstPassFailsAtOnceAndOneThatHoldsOnlyAtTheFullAlphaWarns() {
        RunResult base = run(samples(30, 1.0, 0, 0.02), AbInfo.BASE, 1, true);
        RunResult decisive = run(samples(30, 1.3, 1, 0.02), AbInfo.CANDIDATE, 1, true);
        assertThat(RegressionCheck.comparePaired(base, decisive, Policy.DEFAULT).benchmarks().get(0).verdict())
                .as("+30 %, interval about ±1 %: certain on the first look").isEqualTo(Verdict.REGRESSION);

        RunResult noisyBase = run(samples(30, 1.0, 0, NOISY), AbInfo.BASE, 1, true);
        RunResult borderline = run(samples(30, 1.0 + BORDERLINE, 1, NOISY), AbInfo.CANDIDATE, 1, true);
        BenchmarkComparison c = RegressionCheck.comparePaired(noisyBase, borderline, Policy.DEFAULT).benchmarks().get(0);
        assertThat(c.statistics().change().low()).as("a regression at the policy's 95 %").isGreaterThan(0.05);
        assertThat(c.verdict()).as("but not at the first look's 99 %").isEqualTo(Verdict.WARNING);
        assertThat(String.join(" ", c.notes())).contains("not at the 99.0% level");

        RunResult noRoom = run(samples(30, 1.0 + BORDERLINE, 1, NOISY), AbInfo.CANDIDATE, 1, false);
        assertThat(RegressionCheck.comparePaired(noisyBase, noRoom, Policy.DEFAULT).benchmarks().get(0).verdict())
                .as("one look and no room for more: it spends the whole budget").isEqualTo(Verdict.REGRESSION);
    }

    private static final double NOISY = 0.20;
    private static final double BORDERLINE = 0.16;

    /** {@code n} samples around {@code level}, with a little deterministic noise of their own. */
    static double[] samples(int n, double level, int phase) {
        return samples(n, level, phase, 0.02);
    }

    /** As {@link #samples(int, double, int)}, spread by up to {@code spread} either way. */
    static double[] samples(int n, double level, int phase, double spread) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = level * (1 + spread * (((i * 7 + phase * 3) % 11) - 5) / 5.0);
        return x;
    }

    private static RunResult run(double[] samples, String role, int looks, boolean confirm) {
        List<Double> list = new ArrayList<>();
        for (double v : samples) list.add(v);
        AbInfo ab = new AbInfo("s1", role, null, null, Map.of("q", looks), confirm);
        return new RunResult("suite", null, null, null, null,
                List.of(new BenchmarkResult("q", "ms", Direction.LOWER, list))).withAb(ab);
    }
}
