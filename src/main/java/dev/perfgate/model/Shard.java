package dev.perfgate.model;

import dev.perfgate.PerfgateException;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * A {@code Shard} is one of {@code count} disjoint parts of a suite ({@code --shard INDEX/COUNT}), for suites that
 * outgrow one CI runner. A benchmark belongs to shard {@code CRC32(UTF-8 name) mod count + 1}: the same benchmark
 * always lands in the same shard, whatever else the suite holds and on whichever machine, so the shards of a base
 * and a candidate hold the same benchmarks. CRC32 spreads names evenly only on average: with few benchmarks a shard
 * may hold more than its share, or none.
 *
 * @param index 1-based, from 1 to {@code count}
 * @param count at least 1
 */
public record Shard(int index, int count) {

    /** Results key ({@code settings.shard}) naming the shard a run measured, e.g. {@code "2/4"}. */
    public static final String SETTINGS_KEY = "shard";

    /** More shards than this is a typo, not a plan: no CI system runs that many jobs of one matrix. */
    public static final int MAX_COUNT = 256;

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

    public Shard {
        if (count < 1 || count > MAX_COUNT || index < 1 || index > count) {
            throw new IllegalArgumentException("shard " + index + "/" + count);
        }
    }

    /** Parses {@code I/N}; anything else is one clear line naming {@code what} (e.g. the option) and exit 2. */
    public static Shard parse(String text, String what) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new PerfgateException(what + " " + text + ": write the shard as I/N, e.g. 2/4 for the second of four");
        }
        int index = Integer.parseInt(m.group(1));
        int count = Integer.parseInt(m.group(2));
        if (count < 1 || count > MAX_COUNT) {
            throw new PerfgateException(what + " " + text + ": the number of shards must be from 1 to " + MAX_COUNT);
        }
        if (index < 1 || index > count) {
            throw new PerfgateException(what + " " + text + ": shards count from 1, so give I from 1 to " + count);
        }
        return new Shard(index, count);
    }

    /** True when the benchmark called {@code benchmarkName} belongs to this shard. */
    public boolean holds(String benchmarkName) {
        CRC32 crc = new CRC32();
        crc.update(benchmarkName.getBytes(StandardCharsets.UTF_8));
        return crc.getValue() % count == index - 1;
    }

    /** The run with only this shard's benchmarks (e.g. a baseline, so that the others are not "missing"). */
    public RunResult select(RunResult run) {
        return new RunResult(run.suite(), run.created(), run.git(), run.environment(), run.settings(),
                run.benchmarks().stream().filter(b -> holds(b.name())).toList(), run.ab());
    }

    /** The run with this shard recorded in its settings, so that {@code merge} can tell which parts it got. */
    public RunResult mark(RunResult run) {
        RunSettings s = run.settings() == null ? new RunSettings(0, 0, false, Map.of()) : run.settings();
        Map<String, Object> extra = new LinkedHashMap<>(s.extra());
        extra.put(SETTINGS_KEY, toString());
        return new RunResult(run.suite(), run.created(), run.git(), run.environment(),
                new RunSettings(s.iterations(), s.warmup(), s.quick(), extra), run.benchmarks(), run.ab());
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
