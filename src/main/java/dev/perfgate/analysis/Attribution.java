package dev.perfgate.analysis;

import dev.perfgate.model.Profile;
import dev.perfgate.stats.MedianShift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code Attribution} says which statements and functions account for a benchmark's change in time per iteration,
 * from the two sides' {@link Profile}s (pure: profiles in, shares out).
 *
 * <p>The rule, in order:
 * <ol>
 *   <li>The change to explain is that of the top-level statements' time per iteration (everything the benchmark ran,
 *       triggers and functions included).</li>
 *   <li>The candidates are the parts that do not contain each other: each function's self time
 *       ({@code pg_stat_user_functions.self_time}), and each nested statement's time less the total time of the
 *       functions its text calls (when only that statement calls them). Top-level statements are candidates only
 *       when nothing nested was profiled (a server tracking top-level statements only): each contains everything
 *       below it, so it would always come first and say nothing new.</li>
 *   <li>A candidate stands out when its change per iteration (the Hodges-Lehmann shift of its per-iteration times)
 *       is larger than its noise, i.e. the shift's distribution-free interval excludes zero ({@link MedianShift}:
 *       robust, since one stalled iteration in ten would double a mean's noise and hide the change, as happened
 *       once in an A/B run of the demo suite with Welch's interval), at a confidence Bonferroni-corrected for the
 *       number of candidates (so unchanged code names none at the chosen error rate, however many statements it
 *       runs),
 *       and goes the way of the whole change; and it is at least {@link #MIN_SHARE} of it. No change, nothing to
 *       attribute.</li>
 *   <li>A share is the candidate's change over the whole change; the largest {@code top} are given, the rest
 *       counted. None standing out is said as such: "no single statement stands out".</li>
 * </ol>
 * Plans are compared per statement: a statement whose plan shape differs between the sides is listed with both trees.
 *
 * @param shares      the candidates that stand out, largest change first, at most {@code top}
 * @param more        how many more stood out beyond those given
 * @param changeMillis the whole change in time per iteration, ms, current minus base (positive: slower)
 * @param plans       the statements whose plan shape differs between the sides
 * @param limits      what could not be profiled on either side and what is left, one line each (e.g. no function
 *                    times without the right to set {@code track_functions})
 */
public record Attribution(List<Share> shares, int more, double changeMillis, List<PlanChange> plans,
                          List<String> limits) {

    /** This attribution without shares (its plan changes and limits kept): for a benchmark whose time did not change. */
    public Attribution withoutShares() {
        return new Attribution(List.of(), 0, changeMillis, plans, limits);
    }

    /** The error rate of naming a share where there is none, across all of a benchmark's candidates. */
    public static final double ALPHA = 0.05;
    /**
     * The smallest share named: a part that stands out above its noise but explains less than this of the change is
     * left out (the report names the few that account for most of it).
     */
    public static final double MIN_SHARE = 0.05;
    /** The default number of shares given. */
    public static final int TOP = 3;
    /** Said when nothing stands out above its noise. */
    public static final String NOTHING = "no single statement stands out";

    public Attribution {
        shares = List.copyOf(shares);
        plans = List.copyOf(plans);
        limits = List.copyOf(limits);
    }

    /**
     * One statement or function that stands out.
     *
     * @param kind          {@link Profile#STATEMENT} or {@link Profile#FUNCTION}
     * @param text          the statement's text or the function's signature, whole
     * @param queryId       the current side's query id of the statement (0 for a function or when absent)
     * @param toplevel      true for a statement the benchmark ran itself
     * @param beforeMillisPerCall time per call on the base side, ms (NaN when not called there)
     * @param afterMillisPerCall  time per call on the current side, ms (NaN when not called there)
     * @param callsBefore   calls per iteration on the base side
     * @param callsAfter    calls per iteration on the current side
     * @param changeMillis  its change in time per iteration, ms
     * @param noiseMillis   the half-width its change had to exceed, ms
     * @param share         its change over the whole change (NaN when the whole did not change)
     */
    public record Share(String kind, String text, long queryId, boolean toplevel, double beforeMillisPerCall,
                        double afterMillisPerCall, double callsBefore, double callsAfter, double changeMillis,
                        double noiseMillis, double share) {
    }

    /**
     * A statement whose plan shape differs between the sides.
     *
     * @param text   the statement, whole
     * @param before the base side's plan tree, changed lines marked with {@code !} in the first column
     * @param after  the current side's plan tree, marked the same way
     */
    public record PlanChange(String text, String before, String after) {
    }

    /**
     * The attribution of {@code base} to {@code current}; null when either has no profile of 2 or more iterations.
     *
     * <p>Each profiled iteration is scaled so that its top-level statements add up to that side's timed time per
     * iteration ({@code baseMillis}, {@code currentMillis}; NaN: to the side's median profiled time): what is
     * compared is each part's share of its iteration, times the timed time. Why: the profiled iterations run after
     * the timed ones, with tracking on, and took 3x the timed time on the demo suite; a machine that is busier for
     * some iterations slows every part of them alike (a C function's iterations went 7.3, 10.8, 12.3 ms while
     * another job ran), which would be named as a change of every statement. Shares of an iteration do not move
     * with the machine's speed; the timed times, measured in interleaved pairs, give the scale.
     */
    public static Attribution of(Profile base, Profile current, double baseMillis, double currentMillis, double alpha,
                                 int top) {
        if (base == null || current == null || base.iterations() < 2 || current.iterations() < 2) return null;
        double targetBase = target(base, baseMillis);
        double targetCurrent = target(current, currentMillis);
        double scaleBase = scale(base, targetBase);
        double scaleCurrent = scale(current, targetCurrent);
        double change = targetCurrent - targetBase;
        if (!(baseMillis > 0 && currentMillis > 0) && !MedianShift.of(topLevels(base), topLevels(current),
                1 - alpha).standsOut()) {
            change = 0; // no timed change given, and the profiles' own does not stand out: nothing to attribute
        }
        Map<String, double[]> b = scaled(Parts.of(base), factors(base, targetBase));
        Map<String, double[]> c = scaled(Parts.of(current), factors(current, targetCurrent));
        List<String> keys = new ArrayList<>(b.keySet());
        c.keySet().stream().filter(k -> !b.containsKey(k)).forEach(keys::add);
        double confidence = 1 - alpha / Math.max(1, keys.size());
        List<Share> out = new ArrayList<>();
        for (String k : keys) {
            double[] x = b.getOrDefault(k, new double[base.iterations()]);
            double[] y = c.getOrDefault(k, new double[current.iterations()]);
            MedianShift.Shift shift = MedianShift.of(x, y, confidence);
            double delta = shift.shift();
            double noise = shift.noise();
            boolean large = Math.abs(change) > 0 && delta / change >= MIN_SHARE; // same way, and a fair part
            if (Math.abs(delta) > noise && large) {
                out.add(share(k, base, current, scaleBase, scaleCurrent, delta, noise, change));
            }
        }
        out.sort(Comparator.comparingDouble((Share s) -> -Math.abs(s.changeMillis())));
        int more = Math.max(0, out.size() - top);
        java.util.Set<String> limits = new java.util.LinkedHashSet<>(base.unavailable());
        limits.addAll(current.unavailable());
        return new Attribution(out.subList(0, Math.min(top, out.size())), more, change, PlanDiff.changes(base, current),
                List.copyOf(limits));
    }

    private static Share share(String key, Profile base, Profile current, double scaleBase, double scaleCurrent,
                               double delta, double noise, double change) {
        Profile.Entry b = Parts.entry(base, key);
        Profile.Entry c = Parts.entry(current, key);
        Profile.Entry named = c != null ? c : b;
        return new Share(named.kind(), named.text(), c == null ? 0 : c.queryId(), named.toplevel(),
                b == null ? Double.NaN : b.millisPerCall() * scaleBase,
                c == null ? Double.NaN : c.millisPerCall() * scaleCurrent,
                b == null ? 0 : b.callsPerIteration(), c == null ? 0 : c.callsPerIteration(), delta, noise,
                Math.abs(change) > 0 ? delta / change : Double.NaN);
    }

    /** The time per iteration a side's profile is scaled to: the timed time, else the profile's own median. */
    private static double target(Profile p, double timedMillis) {
        return timedMillis > 0 ? timedMillis : topLevel(p);
    }

    /** The factor that makes the profile's median top-level time the target (per-call times in the report). */
    private static double scale(Profile p, double target) {
        double profiled = topLevel(p);
        return profiled > 0 && target > 0 ? target / profiled : 1;
    }

    /** Per iteration, the factor that makes that iteration's top-level time the target. */
    private static double[] factors(Profile p, double target) {
        double[] top = topLevels(p);
        double fallback = scale(p, target);
        double[] f = new double[top.length];
        for (int i = 0; i < f.length; i++) f[i] = top[i] > 0 && target > 0 ? target / top[i] : fallback;
        return f;
    }

    private static Map<String, double[]> scaled(Map<String, double[]> parts, double[] factors) {
        Map<String, double[]> out = new LinkedHashMap<>();
        parts.forEach((k, v) -> {
            double[] x = v.clone();
            for (int i = 0; i < x.length && i < factors.length; i++) x[i] *= factors[i];
            out.put(k, x);
        });
        return out;
    }

    /** The top-level statements' time per iteration, ms: the median over iterations of their sum. */
    private static double topLevel(Profile p) {
        return MedianShift.median(topLevels(p));
    }

    /** The top-level statements' time in each iteration, ms. */
    private static double[] topLevels(Profile p) {
        double[] sum = new double[p.iterations()];
        for (Profile.Entry e : p.entries()) {
            if (!e.toplevel() || !e.kind().equals(Profile.STATEMENT)) continue;
            for (int i = 0; i < sum.length && i < e.millis().length; i++) sum[i] += e.millis()[i];
        }
        return sum;
    }


    /** The candidates of one side: key to exclusive time per iteration, ms. */
    static final class Parts {

        private Parts() {
        }

        static Map<String, double[]> of(Profile p) {
            boolean nested = p.entries().stream().anyMatch(e -> !e.toplevel());
            Map<String, double[]> parts = new LinkedHashMap<>();
            for (Profile.Entry e : p.entries()) {
                if (e.toplevel() && nested) continue;
                parts.put(e.key(), e.kind().equals(Profile.FUNCTION) ? e.millis() : exclusive(p, e));
            }
            return parts;
        }

        static Profile.Entry entry(Profile p, String key) {
            return p.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
        }

        /** A statement's time less that of the functions it alone calls by name. */
        private static double[] exclusive(Profile p, Profile.Entry st) {
            double[] out = st.millis().clone();
            for (Profile.Entry f : p.entries()) {
                if (!f.kind().equals(Profile.FUNCTION)) continue;
                String name = bareName(f.text());
                long callers = p.entries().stream().filter(e -> e.kind().equals(Profile.STATEMENT) && calls(e, name))
                        .count();
                if (callers != 1 || !calls(st, name)) continue;
                for (int i = 0; i < out.length && i < f.totalMillis().length; i++) out[i] -= f.totalMillis()[i];
            }
            return out;
        }

        private static boolean calls(Profile.Entry statement, String function) {
            return statement.text().matches("(?s).*\\b" + java.util.regex.Pattern.quote(function) + "\\s*\\(.*");
        }

        /** {@code tviews.tv_product_build(integer)} to {@code tv_product_build}. */
        static String bareName(String signature) {
            int paren = signature.indexOf('(');
            String name = paren < 0 ? signature : signature.substring(0, paren);
            return name.substring(name.lastIndexOf('.') + 1).replace("\"", "");
        }
    }
}
