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
    /**
     * Extra key: median time in ms of a fixed server-side query (counting 20,000 generated rows) measured before
     * the suite: how fast the machine was during the run.
     */
    public static final String CALIBRATION_KEY = "calibration_ms";
    /** Extra key: the host's 1-minute load average during the run (the higher of start and end). */
    public static final String LOAD_KEY = "load_average";
    /** Extra key: the folder the suite was read from, as given on the command line (absent for the bundled suite). */
    public static final String SUITE_FOLDER_KEY = "suite_folder";

    public RunSettings {
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(extra));
    }

    /** A numeric extra value, or NaN when absent or not a number. */
    public double number(String key) {
        return extra.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
