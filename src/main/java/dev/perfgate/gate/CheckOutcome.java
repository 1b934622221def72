package dev.perfgate.gate;

import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.model.RunResult;

/**
 * A {@code CheckOutcome} is how a check ended.
 *
 * @param exitCode 0 no regression, 1 a regression, 2 perfgate could not finish its job (a report it could not write)
 * @param report   the comparison; null when nothing ran (an empty shard)
 * @param result   the run judged (the candidate, in A/B); null when nothing ran
 */
public record CheckOutcome(int exitCode, ComparisonReport report, RunResult result) {

    /** Nothing to run: a shard that holds none of the suite's benchmarks. */
    static final CheckOutcome NOTHING_RAN = new CheckOutcome(0, null, null);
}
