package dev.perfgate.cli;

import dev.perfgate.format.Shares;
import dev.perfgate.gate.CheckRequest;
import picocli.CommandLine.Option;

/**
 * {@code --against-anchor}, {@code --drift-budget} and {@code --fail-on-budget}: drift from the anchor (the commit
 * of the reviewed baseline) and the budget it may spend.
 */
final class DriftOptions {

    @Option(names = "--against-anchor",
            description = "A/B in one session against the suite at the anchor, the commit the baseline was accepted "
                    + "at; judged against the drift budget (fails beyond it, warns beyond half of it).")
    boolean againstAnchor;

    @Option(names = "--drift-budget", paramLabel = "SHARE",
            description = "How far the suite may drift from its anchor, e.g. 10%% (default: the suite's drift_budget, "
                    + "else the fail threshold).")
    String driftBudget;

    @Option(names = "--fail-on-budget",
            description = "With --against: fail when main's last drift plus this change goes over the budget "
                    + "(default: a warning, since main's figure may be older than this change's base).")
    boolean failOnBudget;

    @Option(names = "--budget-history", paramLabel = "FILE|JDBC_URL",
            description = "With --against: read main's last drift check from this history (default: --history), "
                    + "e.g. main's restored history on a pull request whose own run is recorded elsewhere.")
    String budgetHistory;

    CheckRequest.Drift drift() {
        return new CheckRequest.Drift(againstAnchor, PolicyOptions.share("--drift-budget", driftBudget,
                Shares::threshold), failOnBudget, budgetHistory);
    }
}
