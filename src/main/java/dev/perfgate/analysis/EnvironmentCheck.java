package dev.perfgate.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import dev.perfgate.model.Environment;
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
    record Result(boolean mismatch, List<String> differences, List<String> warnings) {
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
        if (b.fingerprint().equals(c.fingerprint())) return new Result(false, List.of(), List.of());
        List<String> differences = differences(b, c);
        String detail = differences.isEmpty() ? "fingerprints differ" : String.join("; ", differences);
        return new Result(true, differences, List.of("ENVIRONMENT MISMATCH: baseline and current ran on different "
                + "environments (" + detail + "); timings are not comparable, regressions are downgraded to warnings"));
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
        if (bp != null && cp != null) settings(out, bp.settings(), cp.settings());
        return out;
    }

    private static void differ(List<String> out, String fact, Object baseline, Object current) {
        if (baseline != null && current != null && !Objects.equals(baseline, current)) {
            out.add(fact + ": " + quote(baseline) + " vs " + quote(current));
        }
    }

    private static void settings(List<String> out, Map<String, String> baseline, Map<String, String> current) {
        TreeSet<String> names = new TreeSet<>(baseline.keySet());
        names.addAll(current.keySet());
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
