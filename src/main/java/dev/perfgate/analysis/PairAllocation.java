package dev.perfgate.analysis;

import dev.perfgate.model.Direction;

/**
 * How many pairs a benchmark of an A/B run gets: sensitivity where it is cheap, and no pass that cannot change the
 * verdict. A pass of pairs costs what the benchmark costs (a 0.1 ms statement buys a thousand pairs in a fraction of
 * a second, a 40 ms one forty in three seconds), and the interval narrows as one over the square root of the pairs,
 * so a fixed number of pairs is spent where it is dear and withheld where it is cheap.
 *
 * <ul>
 *   <li><b>The first pass</b> is at least the suite's iterations and otherwise as many pairs as {@code lookSeconds}
 *   buys at what a warm-up pair cost, within the benchmark's share of the time left and half the pair budget (room
 *   for a second pass).</li>
 *   <li><b>After each pass</b> ({@link Confirmation#look}): a verdict that needs more pairs gets a pass as large as
 *   the first (it was undecided at that size); a benchmark short of its sensitivity target ({@code detect}) gets the
 *   pairs that should take its "could detect" to the target, from how it narrowed so far; a decided regression or
 *   improvement gets no more, short of the target or not (it is certain already).</li>
 *   <li><b>It stops</b> as {@link Stop}: decided, target reached, out of time (the benchmark's share of the time
 *   budget buys fewer than a quarter of the suite's iterations), or out of pairs ({@code maxPairs}).</li>
 * </ul>
 * Pure: the caller measures the cost per pair and the time left. Each added pass is another look, judged at its
 * share of the error budget ({@link Looks}); how many pairs a pass gets depends on the cost and the spread, not on
 * the estimate, so sizing passes this way spends nothing beyond the looks.
 */
public final class PairAllocation {

    /**
     * The pairs a pass sized to reach the target asks for beyond the square-root law: the interval's width scatters
     * from pass to pass, and one pass a little too large costs less than another look.
     */
    static final double MARGIN = 1.15;

    /** Why a benchmark got no more pairs, as reports and the results file say it. */
    public enum Stop {
        DECIDED("decided"), REACHED("reached"), OUT_OF_TIME("out of time"), OUT_OF_PAIRS("out of pairs");

        private final String text;

        Stop(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    /**
     * What a run allows every benchmark.
     *
     * @param perPass     the suite's iterations: the first pass's fewest pairs
     * @param maxPairs    at most this many pairs per benchmark ({@code --max-pairs})
     * @param lookSeconds the time a pass may take when the suite's iterations take less
     * @param detect      the "could detect" each benchmark is to reach, as a fraction; null for none
     */
    public record Plan(int perPass, int maxPairs, double lookSeconds, Double detect) {
    }

    /** The next pass: {@code pairs} more, or none and why. */
    public record Next(int pairs, Stop stop) {

        static Next more(int pairs) {
            return new Next(pairs, null);
        }

        static Next stop(Stop why) {
            return new Next(0, why);
        }
    }

    private final Plan plan;
    private final Direction direction;
    private final Policy policy;

    public PairAllocation(Plan plan, Direction direction, Policy policy) {
        this.plan = plan;
        this.direction = direction;
        this.policy = policy;
    }

    /**
     * The first pass's pairs.
     *
     * @param secondsPerPair what a pair costs (a warm-up pair: an upper bound); 0 when unknown
     * @param secondsLeft    the benchmark's share of the time budget left
     */
    public int firstPass(double secondsPerPair, double secondsLeft) {
        int cap = Math.max(plan.perPass(), plan.maxPairs() / 2);
        if (!(secondsPerPair > 0)) return Math.min(plan.perPass(), plan.maxPairs());
        double affordable = Math.min(plan.lookSeconds(), secondsLeft) / secondsPerPair;
        return (int) Math.max(plan.perPass(), Math.min(cap, Math.floor(affordable)));
    }

    /**
     * After {@code looks} passes of pairs: how many more, or why none.
     *
     * @param firstPass      the first pass's size
     * @param secondsPerPair what a pair of the last pass cost
     * @param secondsLeft    the benchmark's share of the time budget left
     */
    public Next next(double[] base, double[] candidate, int looks, int firstPass, double secondsPerPair,
                     double secondsLeft) {
        Confirmation.Look look = Confirmation.look(base, candidate, direction, policy, looks);
        boolean certain = !look.undecided()
                && (look.verdict() == Verdict.REGRESSION || look.verdict() == Verdict.IMPROVEMENT);
        boolean shortOfTarget = plan.detect() != null && !(look.detectable() <= plan.detect());
        if (!look.undecided() && (certain || !shortOfTarget)) {
            return Next.stop(plan.detect() != null && !shortOfTarget ? Stop.REACHED : Stop.DECIDED);
        }
        int n = base.length;
        int want = look.undecided() ? firstPass : 0;
        if (shortOfTarget) want = Math.max(want, toReach(look.detectable(), n));
        int fewest = Math.max(1, plan.perPass() / 4);
        want = Math.max(want, fewest);
        int room = plan.maxPairs() - n;
        if (room < fewest) return Next.stop(Stop.OUT_OF_PAIRS);
        want = Math.min(want, room);
        if (secondsPerPair > 0) {
            double affordable = Math.floor(secondsLeft / secondsPerPair);
            if (affordable < Math.min(want, fewest)) return Next.stop(Stop.OUT_OF_TIME);
            want = (int) Math.min(want, affordable);
        }
        return Next.more(want);
    }

    /**
     * Pairs to add so that "could detect" falls from {@code reached} to the target: the interval's half-width on the
     * log scale shrinks as one over the square root of the pairs, with {@link #MARGIN}; a benchmark with no interval
     * yet gets another first pass's worth.
     */
    private int toReach(double reached, int n) {
        if (!(reached > 0)) return plan.perPass();
        double ratio = Math.log1p(reached) / Math.log1p(plan.detect());
        double total = Math.ceil(n * ratio * ratio * MARGIN);
        return (int) Math.min(Integer.MAX_VALUE / 2, Math.max(0, total - n));
    }
}
