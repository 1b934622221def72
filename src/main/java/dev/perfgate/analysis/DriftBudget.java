package dev.perfgate.analysis;

import dev.perfgate.model.ChangeEstimate;

import java.util.Map;

/**
 * {@code DriftBudget} composes relative changes measured in separate A/B sessions: main's drift since the anchor
 * and a pull request's own change, or the per-commit changes of the ledger.
 *
 * <p>Changes in a row multiply ({@code (1 + a)(1 + b) - 1}), so they are added on the log scale, where each
 * paired Hodges-Lehmann interval is also close to symmetric. The two estimates come from different sessions, so
 * their errors are independent and the half-widths add in quadrature: {@code h = sqrt(ha^2 + hb^2)} on the log
 * scale (the usual propagation for a sum of independent, roughly normal estimates). That interval is approximate,
 * as the inputs' own level carries over only under that normal approximation; reports say "about".
 */
public final class DriftBudget {

    private DriftBudget() {
    }

    /** {@code a} followed by {@code b}: estimates added on the log scale, half-widths in quadrature. */
    public static ChangeEstimate compose(ChangeEstimate a, ChangeEstimate b) {
        double center = a.logChange() + b.logChange();
        double ha = a.logHalfWidth();
        double hb = b.logHalfWidth();
        if (Double.isNaN(ha) || Double.isNaN(hb)) return new ChangeEstimate(Math.expm1(center), Double.NaN, Double.NaN);
        double h = Math.hypot(ha, hb);
        return new ChangeEstimate(Math.expm1(center), Math.expm1(center - h), Math.expm1(center + h));
    }

    /** Where a drift stands against its budget. */
    public enum Standing {
        /** At most half the budget. */
        WITHIN,
        /** Above half the budget, within it: time to look, not yet to stop. */
        NEAR,
        /** Beyond the budget. */
        OVER;

        /** The standing of the point estimate {@code change} against {@code budget}. */
        public static Standing of(double change, double budget) {
            return change > budget ? OVER : change > budget / 2 ? NEAR : WITHIN;
        }
    }

    /** The benchmark with the largest change (positive = worse); null when there is none. */
    public static Map.Entry<String, ChangeEstimate> worst(Map<String, ChangeEstimate> changes) {
        Map.Entry<String, ChangeEstimate> worst = null;
        for (Map.Entry<String, ChangeEstimate> e : changes.entrySet()) {
            if (worst == null || e.getValue().change() > worst.getValue().change()) worst = e;
        }
        return worst;
    }
}
