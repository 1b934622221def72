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
 * {@link Looks}: what each look of an A/B run at a benchmark may spend of the error budget, and which look may fail
 * ({@link ConfirmationTest} has when a pass is added).
 */
class LooksTest {

    @Test
    void theLooksThatCanFailSpendAtMostFourFifthsOfAlpha() {
        assertThat(Looks.share(1, true)).isEqualTo(1);   // cannot fail, so it spends nothing and judges at full alpha
        assertThat(Looks.share(2, true)).isEqualTo(0.4);
        assertThat(Looks.share(3, true)).isEqualTo(0.2);
        assertThat(Looks.share(4, true)).isEqualTo(0.1);
        double spent = 0;
        for (int k = 2; k <= 60; k++) spent += Looks.share(k, true);
        assertThat(spent).isCloseTo(0.8, within(1e-9));
        assertThat(Looks.share(1, false)).isEqualTo(1);  // no pass could be added: one look, the whole budget
        assertThat(Looks.mayFail(1, true)).isFalse();
        assertThat(Looks.mayFail(1, false)).isTrue();
        assertThat(Looks.mayFail(2, true)).isTrue();
    }

    @Test
    void aRegressionFailsOnlyAfterItWasConfirmed() {
        RunResult base = run(samples(30, 1.0, 0), AbInfo.BASE, 1, true);
        RunResult oneLook = run(samples(30, 1.3, 1), AbInfo.CANDIDATE, 1, true);
        assertThat(RegressionCheck.comparePaired(base, oneLook, Policy.DEFAULT).benchmarks().get(0).verdict())
                .as("a first pass that could still have been confirmed").isEqualTo(Verdict.WARNING);

        RunResult noBudget = run(samples(30, 1.3, 1), AbInfo.CANDIDATE, 1, false);
        assertThat(RegressionCheck.comparePaired(base, noBudget, Policy.DEFAULT).benchmarks().get(0).verdict())
                .as("one look and no room for more: it spends the whole budget").isEqualTo(Verdict.REGRESSION);

        RunResult base60 = run(samples(60, 1.0, 0), AbInfo.BASE, 2, true);
        RunResult twoLooks = run(samples(60, 1.3, 1), AbInfo.CANDIDATE, 2, true);
        assertThat(RegressionCheck.comparePaired(base60, twoLooks, Policy.DEFAULT).benchmarks().get(0).verdict())
                .isEqualTo(Verdict.REGRESSION);
    }

    /** {@code n} samples around {@code level}, with a little deterministic noise of their own. */
    static double[] samples(int n, double level, int phase) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = level * (1 + 0.02 * (((i * 7 + phase * 3) % 11) - 5) / 5.0);
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
