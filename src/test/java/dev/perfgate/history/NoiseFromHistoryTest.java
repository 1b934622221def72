package dev.perfgate.history;


import dev.perfgate.analysis.RunNoise;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.Environment;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import dev.perfgate.history.HistoryFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Run-to-run noise comes from earlier runs of the same suite on the same environment only. */
class NoiseFromHistoryTest {

    @TempDir
    Path dir;

    @Test
    void usesOnlyComparableRunsAndNeedsFiveOfThem() {
        HistoryFile history = new HistoryFile(dir.resolve("h.jsonl"));
        double[] medians = {1.0, 1.1, 0.9, 1.2, 0.8};
        for (int i = 0; i < 4; i++) history.append(HistoryEntry.unchecked(run("s", "fp1", medians[i], false)));
        history.append(HistoryEntry.unchecked(run("s", "other-machine", 5.0, false)));
        history.append(HistoryEntry.unchecked(run("other-suite", "fp1", 5.0, false)));
        history.append(HistoryEntry.unchecked(run("s", "fp1", 5.0, true)));
        assertThat(NoiseFromHistory.estimate(history, run("s", "fp1", 1, false))).isEmpty();

        history.append(HistoryEntry.unchecked(run("s", "fp1", medians[4], false)));
        Map<String, Double> sigma = NoiseFromHistory.estimate(history, run("s", "fp1", 1, false));
        // the upper bound of RunNoise over these five medians, and nothing from the other suite, machine or quick run
        assertThat(sigma.get("q")).isCloseTo(RunNoise.upperBound(medians), within(1e-12));
        assertThat(NoiseFromHistory.estimate(history, run("s", null, 1, false))).isEmpty();
    }

    private static RunResult run(String suite, String fingerprint, double median, boolean quick) {
        Environment env = new Environment(fingerprint, "cpu", 2, 1L << 30, "os", "java", null);
        return new RunResult(suite, null, null, env, new RunSettings(3, 0, quick, Map.of()),
                List.of(new BenchmarkResult("q", "ms", Direction.LOWER, List.of(median, median, median))));
    }
}
