package dev.perfgate.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** One way to write numbers everywhere; the tests run under a German locale, so a comma would show. */
class NumbersTest {

    @ParameterizedTest
    @CsvSource({
            "0.123,     +12.3%",
            "-0.0004,   0.0%",     // no "-0.0 %"
            "0.0,       0.0%",
            "2.0,       +200.0%",
            "NaN,       -",
    })
    void percent(double fraction, String expected) {
        assertThat(Numbers.percent(fraction)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "12015.3,   12015",   // the progress line once said 1.201e+04
            "91.86,     91.86",
            "0.2258,    0.2258",
            "0,         0",       // not 0.0000 B/op
            "NaN,       -",
    })
    void fourSignificantDigits(double v, String expected) {
        assertThat(Numbers.number(v)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"0.0004, p < 0.001", "0.041, p = 0.041"})
    void pValuesInASentenceNeverReadPEqualsLessThan(double p, String expected) {
        assertThat(Numbers.pIs(p)).isEqualTo(expected);
        assertThat(Numbers.pValue(0.0004)).isEqualTo("<0.001");
    }

    @ParameterizedTest
    @CsvSource({"1, 1 benchmark", "2, 2 benchmarks", "2013, '2,013 benchmarks'"})
    void counts(long n, String expected) {
        assertThat(Numbers.count(n, "benchmark", "benchmarks")).isEqualTo(expected);
    }

    /** A p-value beside the threshold it missed: the same decimals, as many as tell them apart (3 to 6). */
    @ParameterizedTest
    @CsvSource({
            "0.0042, 0.004, 0.0042, 0.0040",  // was "p = 0.004: a regression needs p < 0.004000"
            "0.03,   0.01,  0.030,  0.010",
            "0.0041, 0.004, 0.0041, 0.0040",
            "0.00401, 0.004, 0.00401, 0.00400",
    })
    void aPValueAndItsThresholdAreWrittenAlike(double p, double threshold, String pText, String thresholdText) {
        assertThat(Numbers.pAgainst(p, threshold)).containsExactly(pText, thresholdText);
    }
}
