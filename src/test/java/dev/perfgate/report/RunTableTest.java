package dev.perfgate.report;

import dev.perfgate.Golden;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

/** Seals the run table that {@code run}, {@code check}, {@code import} and {@code baseline show} print. */
class RunTableTest {

    /**
     * Shapes the table must get right: tiny, zero and thousands-of-ms samples, a ratio where higher is better, one
     * sample (no spread), a zero median (no spread) and a name longer than the others.
     */
    static RunResult fixture() {
        return new RunResult("tviews", null, null, null, null, List.of(
                new BenchmarkResult("single_row_update", "ms", Direction.LOWER,
                        List.of(1.21, 1.19, 0.1 + 0.2, 100.0, 1e-7, 0.0)),
                new BenchmarkResult("jsonb_ivm_speedup", "x", Direction.HIGHER, List.of(2.31, 2.28, 2.35)),
                new BenchmarkResult("bulk_1k_rows_with_a_long_name", "ms", Direction.LOWER,
                        List.of(1234.5, 1250.25, 1198.0, 1302.75, 12345.0)),
                new BenchmarkResult("one_sample", "ms", Direction.LOWER, List.of(42.0)),
                new BenchmarkResult("all_zero", "µs", Direction.LOWER, List.of(0.0, 0.0, 0.0))));
    }

    /** Byte for byte under a decimal-comma locale (surefire runs with de_DE; set here too for an IDE run). */
    @Test
    void golden() {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            Golden.assertMatches("run-table.txt", RunTable.render(fixture()));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
