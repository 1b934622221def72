package dev.perfgate.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code Comparison} of a current sample with a baseline: the relative change with its interval, the
 * (uncorrected, two-sided) p-value of the test that goes with the chosen assumption, and caveats.
 *
 * <p>Choose by assumption, as benchstat does: with raw samples on both sides assume nothing
 * ({@link #ranks}: Hodges-Lehmann + Mann-Whitney); with samples measured in pairs, assume only the pairing
 * ({@link #paired}: paired Hodges-Lehmann + Wilcoxon signed-rank); with only moments, assume normal means
 * ({@link #welch}).
 *
 * @param pValue two-sided, not corrected for multiple comparisons; NaN when no test was possible
 */
public record Comparison(RelativeChange change, double pValue, Method method, int baselineN, int currentN,
                         List<String> warnings) {

    /** Which test and estimator produced a comparison. */
    public enum Method {
        /** {@link HodgesLehmann} ratio with its Moses interval and the {@link MannWhitney} test. */
        MANN_WHITNEY,
        /** Ratio of means with a delta-method interval and {@link Welch}'s test. */
        WELCH,
        /** {@link PairedHodgesLehmann} ratio with Tukey's interval and the {@link WilcoxonSignedRank} test. */
        WILCOXON_SIGNED_RANK
    }

    public Comparison {
        warnings = List.copyOf(warnings);
    }

    /** Largest sample a rank comparison uses as it is; bigger ones are {@link Sample#thinned thinned}. */
    public static final int MAX_RANK_SAMPLES = 5000;

    /** Rank-based comparison of raw samples; robust to stalls and outliers. */
    public static Comparison ranks(Sample baseline, Sample current, double confidence) {
        Sample b = baseline.thinned(MAX_RANK_SAMPLES);
        Sample c = current.thinned(MAX_RANK_SAMPLES);
        Estimate estimate = HodgesLehmann.relativeChange(b, c, confidence);
        double p = MannWhitney.pValue(b, c);
        List<String> warnings = new ArrayList<>(estimate.warnings());
        if (b != baseline || c != current) {
            warnings.add("more than " + MAX_RANK_SAMPLES + " samples: compared " + MAX_RANK_SAMPLES
                    + " evenly spaced quantiles of each larger side (a wider, not narrower, interval)");
        }
        return new Comparison(estimate.change(), p, Method.MANN_WHITNEY, baseline.size(), current.size(), warnings);
    }

    /**
     * Paired comparison of raw samples whose values i were measured side by side (same round, alternating runs):
     * a speed drift shared by a pair cancels in its ratio, so the interval is as narrow as the pairs are alike.
     * Samples of different sizes, or with a value &lt;= 0, give an unknown change and a warning; large samples are
     * used whole (no thinning).
     */
    public static Comparison paired(Sample baseline, Sample current, double confidence) {
        Estimate estimate = PairedHodgesLehmann.relativeChange(baseline, current, confidence);
        return new Comparison(estimate.change(), WilcoxonSignedRank.pValue(baseline, current),
                Method.WILCOXON_SIGNED_RANK, baseline.size(), current.size(), estimate.warnings());
    }

    /** Welch comparison of means, for when one side has no raw samples. */
    public static Comparison welch(Moments baseline, Moments current, double confidence) {
        Estimate estimate = Welch.relativeChange(baseline, current, confidence);
        List<String> warnings = new ArrayList<>(estimate.warnings());
        return new Comparison(estimate.change(), Welch.pValue(baseline, current), Method.WELCH, baseline.n(),
                current.n(), warnings);
    }
}
