package dev.perfgate.report;

import dev.perfgate.format.Numbers;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.RunResult;
import dev.perfgate.stats.Sample;
import dev.perfgate.stats.Summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The terminal summary of one run: per benchmark the sample count, median, 95th percentile and spread (the
 * median absolute deviation as a share of the median, robust to the odd stall), in the benchmark's unit.
 */
public final class RunTable {

    private RunTable() {
    }

    public static String render(RunResult run) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"benchmark", "n", "median", "p95", "spread", "unit", "better"});
        for (BenchmarkResult b : run.benchmarks()) {
            Summary s = Summary.of(new Sample(b.sampleArray()));
            rows.add(new String[]{b.name(), Integer.toString(s.n()), Numbers.number(s.median()), Numbers.number(s.p95()),
                    spread(s), b.unit(), b.direction().jsonName()});
        }
        return TextTable.render(rows, 1, 2, 3, 4);
    }

    private static String spread(Summary s) {
        if (s.n() < 2 || !(s.median() > 0)) return "-";
        return "±" + Numbers.share(s.mad() / s.median());
    }
}
