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
 *   <li>The candidates are the parts that do not contain each other: each nested statement's time less the total
 *       time of the functions placed under it, and each function's self time ({@code pg_stat_user_functions
 *       .self_time}, which holds the statements it ran) less those of the statements placed under it, so that the
 *       parts add up to the top-level time ({@link dev.perfgate.model.ProfileTree} places them; a profile without
 *       that tree, from an older results file, subtracts the functions a statement alone calls by name and leaves a
 *       function's statements in its self time). Top-level statements are candidates only
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
 *   <li>A share is the candidate's change over the gross change: the whole change plus what the parts that went
 *       the other way took back (or, when more, the sum of the parts that went the way of the whole). Over the net
 *       change, a part could come out above 100 % whenever another got faster, or when two estimates, each with its
 *       own noise, overlap; over the gross, the parts that went the way of the whole add up to at most 100 %. The
 *       parts that went the other way are given too, as offsets (a negative share: the part of the added time they
 *       took back). The largest {@code top} of each are given, the rest counted. None standing out is said as such:
 *       "no single statement stands out".</li>
 *   <li>The parts given are ordered as a tree: each under the nearest of its callers that is given too.</li>
 * </ol>
 * Plans are compared per statement: a statement whose plan shape differs between the sides is listed with both trees.
 *
 * @param shares      the candidates that stand out, largest change first, at most {@code top}
 * @param more        how many more stood out beyond those given
 * @param changeMillis the whole change in time per iteration, ms, current minus base (positive: slower)
 * @param grossMillis the gross change the shares are of, ms per iteration, as large as {@code |changeMillis|} or
 *                    larger (0 when nothing is attributed)
 * @param plans       the statements whose plan shape differs between the sides
 * @param limits      what could not be profiled on either side and what is left, one line each (e.g. no function
 *                    times without the right to set {@code track_functions})
 */
public record Attribution(List<Share> shares, int more, double changeMillis, double grossMillis, List<PlanChange> plans,
                          List<String> limits) {

    /** This attribution without shares (its plan changes and limits kept): for a benchmark whose time did not change. */
    public Attribution withoutShares() {
        return new Attribution(List.of(), 0, changeMillis, 0, plans, limits);
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
     * @param share         its change over the gross change ({@link Attribution#grossMillis()}); negative for an
     *                      offset
     * @param offset        true for a part that went the other way from the whole (got faster in a regression)
     * @param parent        the statement or function that ran it, as its side's profile placed it; null at the top
     * @param placed        false for a nested part whose caller the evidence does not name ("not placed")
     * @param depth         how many of the other shares given are its callers (0: first level of the list)
     */
    public record Share(String kind, String text, long queryId, boolean toplevel, double beforeMillisPerCall,
                        double afterMillisPerCall, double callsBefore, double callsAfter, double changeMillis,
                        double noiseMillis, double share, boolean offset, Profile.Parent parent, boolean placed,
                        int depth) {

        /** The key of the profile entry it is ({@link Profile.Entry#key()}). */
        public String key() {
            return kind + ":" + (toplevel ? "top:" : "nested:") + text;
        }

        /** This share at {@code d} levels down the list. */
        public Share atDepth(int d) {
            return new Share(kind, text, queryId, toplevel, beforeMillisPerCall, afterMillisPerCall, callsBefore,
                    callsAfter, changeMillis, noiseMillis, share, offset, parent, placed, d);
        }
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
        Map<String, double[]> b = scaled(ProfileParts.of(base), factors(base, targetBase));
        Map<String, double[]> c = scaled(ProfileParts.of(current), factors(current, targetCurrent));
        List<String> keys = new ArrayList<>(b.keySet());
        c.keySet().stream().filter(k -> !b.containsKey(k)).forEach(keys::add);
        double confidence = 1 - alpha / Math.max(1, keys.size());
        List<Found> found = new ArrayList<>();
        for (String k : keys) {
            double[] x = b.getOrDefault(k, new double[base.iterations()]);
            double[] y = c.getOrDefault(k, new double[current.iterations()]);
            MedianShift.Shift shift = MedianShift.of(x, y, confidence);
            if (Math.abs(shift.shift()) > shift.noise()) found.add(new Found(k, shift.shift(), shift.noise()));
        }
        java.util.Set<String> limits = new java.util.LinkedHashSet<>(base.unavailable());
        limits.addAll(current.unavailable());
        Attribution shares = shares(found, change, top, new Sides(base, current, scaleBase, scaleCurrent));
        return new Attribution(shares.shares, shares.more, change, shares.grossMillis, PlanDiff.changes(base, current),
                List.copyOf(limits));
    }

    /** The two profiles and the factors that scale their per-call times to the timed times. */
    private record Sides(Profile base, Profile current, double scaleBase, double scaleCurrent) {
    }

    /**
     * The shares of the parts that stand out: of the gross change (the whole change plus what went the other way,
     * or the sum of the parts that went the way of the whole when that is more), at least {@link #MIN_SHARE} each,
     * the largest {@code top} of each way, in call-tree order (plans and limits left empty).
     */
    private static Attribution shares(List<Found> found, double change, int top, Sides sides) {
        double sign = Math.signum(change);
        double same = found.stream().filter(f -> f.delta * sign > 0).mapToDouble(f -> Math.abs(f.delta)).sum();
        double against = found.stream().filter(f -> f.delta * sign < 0).mapToDouble(f -> Math.abs(f.delta)).sum();
        double gross = sign == 0 ? 0 : Math.max(Math.abs(change) + against, same);
        List<Share> slower = new ArrayList<>();
        List<Share> offsets = new ArrayList<>();
        for (Found f : found) {
            double part = sign == 0 ? 0 : Math.abs(f.delta) / gross;
            if (part < MIN_SHARE) continue; // no change, or too small a part of it
            boolean offset = f.delta * sign < 0;
            (offset ? offsets : slower).add(share(f, sides, offset ? -part : part));
        }
        Comparator<Share> largest = Comparator.comparingDouble((Share s) -> -Math.abs(s.changeMillis()));
        slower.sort(largest);
        offsets.sort(largest);
        int more = Math.max(0, slower.size() - top) + Math.max(0, offsets.size() - top);
        List<Share> shown = new ArrayList<>(slower.subList(0, Math.min(top, slower.size())));
        shown.addAll(offsets.subList(0, Math.min(top, offsets.size())));
        return new Attribution(AttributionTree.ordered(shown, sides.base, sides.current), more, change, gross,
                List.of(), List.of());
    }

    /** A candidate that stands out above its noise: its change per iteration and the noise it exceeded, ms. */
    private record Found(String key, double delta, double noise) {
    }

    private static Share share(Found f, Sides sides, double share) {
        Profile.Entry b = ProfileParts.entry(sides.base, f.key);
        Profile.Entry c = ProfileParts.entry(sides.current, f.key);
        Profile.Entry named = c != null ? c : b;
        return new Share(named.kind(), named.text(), c == null ? 0 : c.queryId(), named.toplevel(),
                b == null ? Double.NaN : b.millisPerCall() * sides.scaleBase,
                c == null ? Double.NaN : c.millisPerCall() * sides.scaleCurrent,
                b == null ? 0 : b.callsPerIteration(), c == null ? 0 : c.callsPerIteration(), f.delta, f.noise, share,
                share < 0, named.parent(), !named.notPlaced(), 0);
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
}
