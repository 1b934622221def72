package dev.perfgate.report;

import dev.perfgate.model.Direction;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.HistoryRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** History tables keep suites apart: two suites with a benchmark of the same name never share a column. */
class HistoryTablesTest {

    @Test
    void twoSuitesInOneHistoryGetTheirOwnColumns() {
        HistoryRow a = row(1, "init", 5.704);
        HistoryRow b = row(2, "tviews", 0.2042);
        String table = HistoryTables.runs(List.of(a, b));
        assertThat(table.lines().findFirst().orElseThrow()).contains("init/example_update", "tviews/example_update");
        assertThat(table).contains("5.704 ms").contains("0.2042 ms");
    }

    @Test
    void oneSuiteKeepsPlainNames() {
        String table = HistoryTables.runs(List.of(row(1, "tviews", 1.0), row(2, "tviews", 1.1)));
        assertThat(table.lines().findFirst().orElseThrow()).contains("example_update").doesNotContain("/");
    }

    private static HistoryRow row(long number, String suite, double median) {
        return new HistoryRow(number, Instant.parse("2026-12-02T10:00:00Z"), suite, new GitInfo("abc", null, false),
                "pass", List.of(new HistoryRow.Point("example_update", "ms", Direction.LOWER, 30, median, median,
                median, "ok")));
    }
}
