package dev.perfgate.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WelchTest {

    /**
     * p from scipy 1.17 {@code ttest_ind_from_stats(mc, sc, nc, mb, sb, nb, equal_var=False)}; the interval from
     * the same formula evaluated in numpy: {@code expm1(log(mc/mb) +- t(0.975, df) se)},
     * {@code se^2 = (sc/mc)^2/nc + (sb/mb)^2/nb}, Welch-Satterthwaite df. Baselines are the origin document's.
     */
    static Stream<Arguments> references() {
        return Stream.of(
                Arguments.of(1.2, 0.08, 100, 1.32, 0.10, 30, 4.135629332776341e-07, 0.1, 0.06646858407544626,
                        0.13458569531983508),
                Arguments.of(8.5, 0.42, 100, 8.6, 0.5, 30, 0.32535002943543306, 0.0117647058823529,
                        -0.011856067507972296, 0.03595011456234688),
                Arguments.of(100, 8, 100, 95, 12, 30, 0.03868375892725488, -0.05, -0.09587509071483195,
                        -0.0017972176946798608));
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesScipy(double mb, double sb, int nb, double mc, double sc, int nc, double p, double change,
                      double low, double high) {
        Moments baseline = new Moments(mb, sb, nb);
        Moments current = new Moments(mc, sc, nc);
        assertThat(Welch.pValue(baseline, current)).isCloseTo(p, within(1e-9 * Math.max(p, 1e-6)));
        RelativeChange rc = Welch.relativeChange(baseline, current, 0.95).change();
        assertThat(rc.estimate()).isCloseTo(change, within(1e-12));
        assertThat(rc.low()).isCloseTo(low, within(1e-9));
        assertThat(rc.high()).isCloseTo(high, within(1e-9));
    }

    @Test
    void zeroVarianceDoesNotDivideByZero() {
        Moments same = new Moments(1.2, 0, 100);
        assertThat(Welch.pValue(same, new Moments(1.2, 0, 30))).isEqualTo(1.0);
        assertThat(Welch.pValue(same, new Moments(1.5, 0, 30))).isZero();
        RelativeChange rc = Welch.relativeChange(same, new Moments(1.2, 0, 30), 0.95).change();
        assertThat(rc.estimate()).isCloseTo(0, within(1e-15));
        assertThat(rc.low()).isCloseTo(0, within(1e-15));
    }

    @Test
    void tooFewValuesAreAWarning() {
        Estimate e = Welch.relativeChange(new Moments(1, 0.1, 1), new Moments(1, 0.1, 30), 0.95);
        assertThat(e.change().estimate()).isNaN();
        assertThat(e.warnings()).hasSize(1);
        assertThat(Welch.pValue(new Moments(1, 0.1, 1), new Moments(1, 0.1, 30))).isNaN();
    }
}
