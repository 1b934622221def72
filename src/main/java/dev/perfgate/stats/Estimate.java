package dev.perfgate.stats;

import java.util.List;

/** An {@code Estimate} is a relative change with the caveats that came with computing it (data, not errors). */
public record Estimate(RelativeChange change, List<String> warnings) {
    public Estimate {
        warnings = List.copyOf(warnings);
    }
}
