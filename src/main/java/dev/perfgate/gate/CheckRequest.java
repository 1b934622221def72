package dev.perfgate.gate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@code CheckRequest} is everything {@code perfgate check} was asked, as data: what to judge, against what, by
 * which policy, and where the results, reports and history go. {@link Check} decides the rest.
 *
 * @param quick      few iterations, labelled low confidence, never recorded in the history
 * @param against    an A/B comparison in one session; null to compare with the stored baseline
 * @param judging    how the stored baseline is found and read (ignored by A/B, which refuses an explicit one)
 * @param results    the results file (the candidate's, in A/B)
 * @param history    the history's location: a file or a JDBC URL
 * @param ci         running in CI: nothing may wait for a person, and a missing baseline is said loudly
 * @param drift      the drift check ({@code --against-anchor}) and the budget; {@link Drift#NONE} otherwise
 */
public record CheckRequest(Subject subject, boolean quick, Against against, PolicyChoice policy, Judging judging,
                           Path results, ReportChoice reports, String history, boolean ci, Drift drift) {

    /** A request that says nothing about drift. */
    public CheckRequest(Subject subject, boolean quick, Against against, PolicyChoice policy, Judging judging,
                        Path results, ReportChoice reports, String history, boolean ci) {
        this(subject, quick, against, policy, judging, results, reports, history, ci, Drift.NONE);
    }

    public CheckRequest {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(judging, "judging");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(history, "history");
        if (drift == null) drift = Drift.NONE;
    }

    /**
     * What was asked about drift from the anchor (the reviewed baseline's commit).
     *
     * @param againstAnchor {@code --against-anchor}: measure the work tree against the suite at the anchor, A/B
     * @param budget        {@code --drift-budget}: how far it may drift, as a fraction; null for the suite's
     *                      {@code drift_budget}, else the fail threshold
     * @param failOnBudget  {@code --fail-on-budget}: a plain A/B check whose change, added to main's last drift,
     *                      goes over the budget fails instead of warning
     * @param mainHistory   {@code --budget-history}: where main's drift checks are read for the budget line (a pull
     *                      request's own run is recorded elsewhere); null for the request's history
     */
    public record Drift(boolean againstAnchor, Double budget, boolean failOnBudget, String mainHistory) {
        /** Nothing said: no drift check, the default budget, over-budget pull requests warn. */
        public static final Drift NONE = new Drift(false, null, false, null);

        /** Main's drift read from the request's own history. */
        public Drift(boolean againstAnchor, Double budget, boolean failOnBudget) {
            this(againstAnchor, budget, failOnBudget, null);
        }
    }

    /**
     * How the stored baseline is judged by.
     *
     * @param baseline        the baseline file given ({@code --baseline}); null for where the suite's baseline lives
     * @param requireBaseline no baseline is an error, not a pass
     * @param runNoise        run-to-run scatter of a median to assume until the history has measured it (0.25 is
     *                        25 %; 0 trusts a single run)
     */
    public record Judging(Path baseline, boolean requireBaseline, double runNoise) {
    }

    /**
     * The base side of an A/B comparison, said as what differs from the candidate, and the session's budgets.
     *
     * @param suite      {@code --against REF|DIR}: the suite at a git revision or in a folder; null for the
     *                   candidate's suite
     * @param server     {@code --against-db}: the base's own server; null for the candidate's
     * @param maxPairs   pairs per benchmark at most, passes included; null for the default
     *                   ({@link dev.perfgate.Defaults#MAX_PAIRS}, or passes x iterations when more)
     * @param maxTime    no pass after a benchmark's first starts after this long
     * @param baseOutput the base's results file
     * @param detect     {@code --detect}: the "could detect" each benchmark is to reach, a fraction; null for the
     *                   suite's {@code detect=}, if any
     */
    public record Against(String suite, Server server, Integer maxPairs, Duration maxTime, Path baseOutput,
                          Double detect) {

        /** What {@code --against-anchor} puts in {@link #suite} until the anchor's commit is read. */
        public static final String ANCHOR = "@anchor";

        public Against {
            if (suite == null && server == null) throw new IllegalArgumentException("an A/B run needs a base");
            Objects.requireNonNull(maxTime, "maxTime");
            Objects.requireNonNull(baseOutput, "baseOutput");
        }

        /** A base with no sensitivity target of its own (the suite's {@code detect=} still applies). */
        public Against(String suite, Server server, Integer maxPairs, Duration maxTime, Path baseOutput) {
            this(suite, server, maxPairs, maxTime, baseOutput, null);
        }
    }
}
