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
 */
public record CheckRequest(Subject subject, boolean quick, Against against, PolicyChoice policy, Judging judging,
                           Path results, ReportChoice reports, String history, boolean ci) {

    public CheckRequest {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(judging, "judging");
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(reports, "reports");
        Objects.requireNonNull(history, "history");
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
     * @param maxPairs   pairs per benchmark at most, passes included; null for the default (passes x iterations)
     * @param maxTime    no confirmation pass starts after this long
     * @param baseOutput the base's results file
     */
    public record Against(String suite, Server server, Integer maxPairs, Duration maxTime, Path baseOutput) {
        public Against {
            if (suite == null && server == null) throw new IllegalArgumentException("an A/B run needs a base");
            Objects.requireNonNull(maxTime, "maxTime");
            Objects.requireNonNull(baseOutput, "baseOutput");
        }
    }
}
