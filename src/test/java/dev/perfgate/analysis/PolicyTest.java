package dev.perfgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PolicyTest {

    @Test
    void defaultIsTheOriginDocumentsPolicy() {
        Policy p = Policy.DEFAULT;
        assertThat(p.failThreshold()).isEqualTo(0.10);
        assertThat(p.warnThreshold()).isEqualTo(0.05);
        assertThat(p.alpha()).isEqualTo(0.05);
        assertThat(p.correction()).isEqualTo(Correction.HOLM);
        assertThat(p.strictEnvironment()).isFalse();
        assertThat(p.failOnInconclusive()).isFalse();
        assertThat(p.minIterations()).isEqualTo(30);
    }

    @Test
    void withChangesTheNamedFieldsOnly() {
        Policy p = Policy.DEFAULT.with(v -> {
            v.alpha = 0.01;
            v.correction = Correction.NONE;
            v.minIterations = 10;
        });
        assertThat(p).isEqualTo(new Policy(0.10, 0.05, 0.01, Correction.NONE, false, false, 10, 0.02, false, true,
                false));
    }

    @Test
    void thresholdsMoveTogetherAndAreCheckedOnceAtTheEnd() {
        // fail 3 % is below the default warn 5 %: alone it is rejected, with warn 1 % in the same edit it is not
        assertThatThrownBy(() -> Policy.DEFAULT.with(v -> v.failThreshold = 0.03))
                .isInstanceOf(IllegalArgumentException.class);
        Policy p = Policy.DEFAULT.with(v -> {
            v.failThreshold = 0.03;
            v.warnThreshold = 0.01;
        });
        assertThat(p.failThreshold()).isEqualTo(0.03);
        assertThat(p.warnThreshold()).isEqualTo(0.01);
        assertThat(Policy.DEFAULT.alpha()).isEqualTo(0.05); // the original is untouched
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Policy.DEFAULT.with(v -> v.warnThreshold = 0.2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Policy.DEFAULT.with(v -> v.alpha = 1.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Policy.DEFAULT.with(v -> v.failThreshold = Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Policy.DEFAULT.with(v -> v.minIterations = 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonNames() {
        assertThat(Verdict.INCONCLUSIVE.jsonName()).isEqualTo("inconclusive");
        assertThat(OverallVerdict.WARN.jsonName()).isEqualTo("warn");
        assertThat(OverallVerdict.WARN.exitCode()).isZero();
        assertThat(Correction.parse(" Holm ")).isEqualTo(Correction.HOLM);
        assertThat(Correction.parse("bonferroni")).isNull();
        assertThat(Correction.NONE.jsonName()).isEqualTo("none");
    }
}
