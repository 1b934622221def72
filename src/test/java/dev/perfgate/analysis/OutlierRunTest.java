package dev.perfgate.analysis;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutlierRunTest {

    private static final double[] TEN = {1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9};

    @Test
    void aRunFasterThanNineOfTenForMostBenchmarksIsWarnedAbout() {
        String w = OutlierRun.warning(Map.of("a", TEN, "b", TEN, "c", TEN), Map.of("a", 1.05, "b", 0.5, "c", 1.45));
        // a beats 9 of 10, b all 10, c only 5: two of three benchmarks at the edge
        assertThat(w).startsWith("this run is faster than most recorded runs").contains("2 of 3 benchmarks")
                .contains("a faster than 9 of 10").contains("b faster than 10 of 10").contains("look slower");
    }

    @Test
    void aTypicalRunOrAShortHistoryIsNot() {
        // one of three at the edge: a run of unchanged code often has one
        assertThat(OutlierRun.warning(Map.of("a", TEN, "b", TEN, "c", TEN), Map.of("a", 1.45, "b", 1.05, "c", 1.5)))
                .isNull();
        assertThat(OutlierRun.warning(Map.of("a", new double[]{2, 2, 2, 2}), Map.of("a", 1.0))).isNull();
        assertThat(OutlierRun.warning(Map.of(), Map.of("a", 1.0))).isNull();
    }

    @Test
    void theRunItselfInTheHistoryIsLeftOutOnce() {
        // a check records the run it measured, so the run to accept is usually the history's last entry
        double[] withItself = {1.2, 1.3, 1.4, 1.5, 1.6, 0.9};
        assertThat(OutlierRun.warning(Map.of("a", withItself), Map.of("a", 0.9))).contains("faster than 5 of 5");
    }

    @Test
    void aSlowRunIsWarnedAboutToo() {
        assertThat(OutlierRun.warning(Map.of("a", TEN), Map.of("a", 3.0))).contains("slower than 10 of 10")
                .contains("look faster");
    }
}
