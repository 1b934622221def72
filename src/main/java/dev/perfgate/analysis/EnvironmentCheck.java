package dev.perfgate.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import dev.perfgate.format.Numbers;
import dev.perfgate.model.Environment;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import dev.perfgate.model.PostgresInfo;

/**
 * Compares the environments of a baseline and a current run: a mismatch of fingerprints means their timings
 * are not comparable, and the facts that differ say why.
 */
final class EnvironmentCheck {

    private EnvironmentCheck() {
    }

    /**
     * The outcome of comparing two environments.
     *
     * @param mismatch    both fingerprints are known and differ
     * @param differences the facts that differ, e.g. {@code cpu: "Xeon" vs "EPYC"}
     * @param warnings    report-level warnings (mismatch, or a fingerprint that is missing)
     */
    record Result(boolean mismatch, List<String> differences, List<String> warnings, double speedChange) {
        /** Nothing to say. */
        static final Result NONE = new Result(false, List.of(), List.of());

        Result(boolean mismatch, List<String> differences, List<String> warnings) {
            this(mismatch, differences, warnings, Double.NaN);
        }

        /**
         * True when only the machine's speed differed (same fingerprint, {@code speedChange} known) and that cannot
         * explain a slowdown whose interval starts at {@code low}: a machine that ran faster cannot explain a
         * slowdown at all, and one that ran slower explains at most its own share, so the change's whole interval
         * must clear the speed change plus the warn threshold.
         */
        boolean beyondMachineSpeed(double low, double warnThreshold) {
            if (Double.isNaN(speedChange)) return false;
            return speedChange <= 0 || low > speedChange + warnThreshold;
        }
    }

    /**
     * How far the machine's own speed may drift between two runs before their timings stop being comparable:
     * a fixed query timed before each suite (the calibration) must agree within this factor. A busy CI host or a
     * noisy neighbour slows every statement alike; a change to the code under test does not touch it.
     */
    static final double CALIBRATION_TOLERANCE = 1.25;

    /** Compares the runs' environments and, when both were calibrated, the machine's speed during each run. */
    static Result compare(RunResult baseline, RunResult current) {
        Result facts = compare(baseline.environment(), current.environment());
        double b = calibration(baseline);
        double c = calibration(current);
        if (!(b > 0 && c > 0) || (c / b <= CALIBRATION_TOLERANCE && b / c <= CALIBRATION_TOLERANCE)) return facts;
        String difference = String.format(Locale.ROOT, "machine speed: calibration query %.3f ms vs %.3f ms (%s)",
                b, c, Numbers.percent(c / b - 1));
        List<String> differences = new ArrayList<>(facts.differences());
        differences.add(difference);
        List<String> warnings = new ArrayList<>(facts.warnings());
        warnings.add("MACHINE SPEED CHANGED: the host ran a fixed calibration query at a different speed during the two runs ("
                + difference.substring("machine speed: ".length()) + "), e.g. other jobs on a shared runner; timings "
                + "are not comparable" + (c > b ? ": regressions no larger than that slowdown are downgraded to "
                + "warnings" : ", but a faster machine cannot explain a slowdown") + ". Re-run when the machine is "
                + "quiet, or compare in one session with 'check --against'.");
        // the speed change only explains changes when the hardware and software are otherwise the same
        return new Result(true, differences, warnings, facts.mismatch() ? Double.NaN : c / b - 1);
    }

    private static double calibration(RunResult run) {
        return run.settings() == null ? Double.NaN : run.settings().number(RunSettings.CALIBRATION_KEY);
    }

    static Result compare(Environment baseline, Environment current) {
        Environment b = baseline == null ? Environment.UNKNOWN : baseline;
        Environment c = current == null ? Environment.UNKNOWN : current;
        if (b.fingerprint() == null || c.fingerprint() == null) {
            String side = b.fingerprint() == null && c.fingerprint() == null ? "baseline and current"
                    : b.fingerprint() == null ? "baseline" : "current";
            return new Result(false, List.of(), List.of("no environment fingerprint for " + side
                    + ": cannot check that both ran on the same hardware and software"));
        }
        List<String> differences = differences(b, c);
        if (b.fingerprint().equals(c.fingerprint())) {
            // the same hashed facts: only a fact the fingerprint leaves out, recorded by both, can still differ
            differences = differences.stream().filter(d -> PostgresInfo.NOT_FINGERPRINTED.stream()
                    .anyMatch(name -> d.startsWith("postgresql " + name + ":"))).toList();
            if (differences.isEmpty()) return new Result(false, List.of(), List.of());
        }
        String detail = differences.isEmpty() ? unexplained(b, c) : String.join("; ", differences);
        return new Result(true, differences, List.of("ENVIRONMENT MISMATCH: baseline and current ran on different "
                + "environments (" + detail + "); timings are not comparable, regressions are downgraded to warnings"));
    }

    /**
     * Why two fingerprints differ when no fact both runs recorded does: one run recorded server facts the other did
     * not (a run by an older perfgate, before data_checksums, jit_available and the database's collation were read).
     */
    private static String unexplained(Environment b, Environment c) {
        if (b.postgresql() == null || c.postgresql() == null) return "fingerprints differ";
        TreeSet<String> oneSided = new TreeSet<>(b.postgresql().settings().keySet());
        oneSided.addAll(c.postgresql().settings().keySet());
        oneSided.removeIf(name -> b.postgresql().settings().containsKey(name)
                && c.postgresql().settings().containsKey(name));
        if (oneSided.isEmpty()) return "fingerprints differ";
        return "fingerprints differ: only one run recorded " + String.join(", ", oneSided) + ", as a run by an older "
                + "perfgate does not; record the baseline again";
    }

    private static List<String> differences(Environment b, Environment c) {
        List<String> out = new ArrayList<>();
        differ(out, "cpu", b.cpu(), c.cpu());
        differ(out, "cores", b.cores() == 0 ? null : b.cores(), c.cores() == 0 ? null : c.cores());
        differ(out, "memory", b.memoryBytes() == 0 ? null : b.memoryBytes(),
                c.memoryBytes() == 0 ? null : c.memoryBytes());
        differ(out, "os", b.os(), c.os());
        differ(out, "java", b.java(), c.java());
        PostgresInfo bp = b.postgresql();
        PostgresInfo cp = c.postgresql();
        differ(out, "postgresql", bp == null ? null : bp.version(), cp == null ? null : cp.version());
        differ(out, "postgresql origin", bp == null ? null : bp.origin(), cp == null ? null : cp.origin());
        if (bp != null && cp != null) settings(out, bp.settings(), cp.settings());
        return out;
    }

    private static void differ(List<String> out, String fact, Object baseline, Object current) {
        if (baseline != null && current != null && !Objects.equals(baseline, current)) {
            out.add(fact + ": " + quote(baseline) + " vs " + quote(current));
        }
    }

    /**
     * The settings both servers recorded and that differ. A setting only one side has is not a difference: the other
     * major has no such setting (PostgreSQL 16 removed {@code lc_collate}), or that run's perfgate did not record it.
     */
    private static void settings(List<String> out, Map<String, String> baseline, Map<String, String> current) {
        TreeSet<String> names = new TreeSet<>(baseline.keySet());
        names.retainAll(current.keySet());
        for (String name : names) {
            String b = baseline.get(name);
            String c = current.get(name);
            if (!Objects.equals(b, c)) out.add("postgresql " + name + ": " + quote(b) + " vs " + quote(c));
        }
    }

    private static String quote(Object value) {
        if (value == null) return "unset";
        return value instanceof String ? "\"" + value + "\"" : value.toString();
    }
}
