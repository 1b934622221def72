package dev.perfgate.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * How a run was made.
 *
 * @param iterations measured iterations per benchmark (the suite default; a benchmark may override it)
 * @param warmup     discarded iterations per benchmark before measuring
 * @param quick      true for {@code check --quick}: few iterations, low confidence
 * @param extra      further settings worth recording (scale, seed, statement timeout, ...), sorted by name
 */
public record RunSettings(int iterations, int warmup, boolean quick, Map<String, Object> extra) {
    public RunSettings {
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(extra));
    }
}
