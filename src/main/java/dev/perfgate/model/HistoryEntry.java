package dev.perfgate.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code HistoryEntry} is one run as the history keeps it: its results and what {@code check} concluded
 * about them. The verdicts are names, not the analysis enums, because the model does not depend on the
 * analysis (the names are those of {@code perfgate-comparison/1}, PRODUCT.md section 5).
 *
 * @param run               the results, as in a {@code perfgate-results/1} file
 * @param verdict           the overall verdict, one of {@link #VERDICTS}; {@code null} when there was no baseline
 * @param benchmarkVerdicts benchmark name to verdict name (one of {@link #BENCHMARK_VERDICTS}), in report order;
 *                          empty without a baseline. A {@code "missing"} benchmark is named here but is not in
 *                          {@code run}.
 * @param changes           for an A/B check: benchmark name to its paired change and interval (optional, empty
 *                          otherwise); what {@code history drift} reads back
 * @param anchor            for a drift check ({@code check --against-anchor}): the anchor and the budget; null
 *                          for any other run
 */
public record HistoryEntry(RunResult run, String verdict, Map<String, String> benchmarkVerdicts,
                           Map<String, ChangeEstimate> changes, AnchorCheck anchor) {

    public static final Set<String> VERDICTS = Set.of("pass", "warn", "fail");

    public static final Set<String> BENCHMARK_VERDICTS =
            Set.of("regression", "warning", "ok", "improvement", "inconclusive", "new", "missing");

    public HistoryEntry {
        Objects.requireNonNull(run, "run");
        if (verdict != null && !VERDICTS.contains(verdict)) {
            throw new IllegalArgumentException("unknown verdict " + verdict + "; expected one of " + VERDICTS);
        }
        Map<String, String> copy = new LinkedHashMap<>();
        if (benchmarkVerdicts != null) {
            benchmarkVerdicts.forEach((name, v) -> {
                if (!BENCHMARK_VERDICTS.contains(v)) {
                    throw new IllegalArgumentException("unknown verdict " + v + " for " + name);
                }
                copy.put(Objects.requireNonNull(name, "benchmark name"), v);
            });
        }
        benchmarkVerdicts = Collections.unmodifiableMap(copy);
        changes = changes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    /** A checked run with no A/B changes recorded. */
    public HistoryEntry(RunResult run, String verdict, Map<String, String> benchmarkVerdicts) {
        this(run, verdict, benchmarkVerdicts, Map.of(), null);
    }

    /** A run that was not compared with anything (no baseline yet): no verdicts. */
    public static HistoryEntry unchecked(RunResult run) {
        return new HistoryEntry(run, null, Map.of());
    }
}
