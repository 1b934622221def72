package dev.perfgate.history;

import dev.perfgate.results.Fixtures;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.model.HistoryRow;
import dev.perfgate.model.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The data behind {@code history list}: one row per run, medians and quartiles per benchmark. */
class HistoryRowsTest {

    @Test
    void reducesEachRunToMediansAndQuartilesInOrder(@TempDir Path dir) {
        HistoryFile history = new HistoryFile(dir.resolve("history.jsonl"));
        // samples 1..5 in run order 3,1,5,2,4: median 3, quartiles 2 and 4 (type 7: positions 2 and 4 of 5)
        RunResult first = new RunResult("s", null, null, null, null, List.of(new BenchmarkResult("a", "ms",
                Direction.LOWER, List.of(3.0, 1.0, 5.0, 2.0, 4.0)), new BenchmarkResult("b", "x", Direction.HIGHER,
                List.of(2.0, 1.0))));
        history.append(new HistoryEntry(first, "warn", Map.of("a", "warning", "b", "ok", "c", "missing")));
        history.append(HistoryEntry.unchecked(Fixtures.fullRun()));

        List<HistoryRow> rows = new ArrayList<>();
        HistoryRows.forEach(history, rows::add, w -> { });

        assertThat(rows).hasSize(2);
        HistoryRow row = rows.get(0);
        assertThat(row.number()).isEqualTo(1);
        assertThat(row.verdict()).isEqualTo("warn");
        // b: samples 1, 2: median 1.5, quartiles 1.25 and 1.75 (type 7 interpolates)
        assertThat(row.benchmarks()).containsExactly(
                new HistoryRow.Point("a", "ms", Direction.LOWER, 5, 3.0, 2.0, 4.0, "warning"),
                new HistoryRow.Point("b", "x", Direction.HIGHER, 2, 1.5, 1.25, 1.75, "ok"));

        HistoryRow second = rows.get(1);
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.git().commit()).isEqualTo("3f2a9c1e5b7d");
        assertThat(second.created()).isEqualTo(Fixtures.fullRun().created());
        assertThat(second.verdict()).isNull();
        HistoryRow.Point legacy = second.benchmarks().get(2);
        assertThat(legacy.name()).isEqualTo("legacy_bulk");
        assertThat(legacy.n()).isEqualTo(100);
        assertThat(legacy.median()).isNaN();
        assertThat(legacy.verdict()).isNull();
    }

    @Test
    void rowsShareNamesAcrossRuns() {
        HistoryRows rows = new HistoryRows();
        HistoryRow a = rows.row(HistoryEntry.unchecked(HistoryTestRuns.run("s", "1", 2, 3, 1)));
        HistoryRow b = rows.row(HistoryEntry.unchecked(HistoryTestRuns.run("s", "2", 2, 3, 2)));
        assertThat(b.benchmarks().get(1).name()).isSameAs(a.benchmarks().get(1).name());
    }
}
