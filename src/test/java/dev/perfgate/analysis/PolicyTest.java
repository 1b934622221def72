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
    void withersChangeOneField() {
        Policy p = Policy.DEFAULT.withAlpha(0.01).withCorrection(Correction.NONE).withMinIterations(10);
        assertThat(p).isEqualTo(new Policy(0.10, 0.05, 0.01, Correction.NONE, false, false, 10, 0.02, false));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> Policy.DEFAULT.withWarnThreshold(0.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Policy.DEFAULT.withAlpha(1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Policy.DEFAULT.withFailThreshold(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Policy.DEFAULT.withMinIterations(0)).isInstanceOf(IllegalArgumentException.class);
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
