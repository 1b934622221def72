package dev.perfgate.model;

import java.time.Instant;
import java.util.Objects;

/**
 * An {@code AnchorCheck} marks a history entry as a drift check ({@code check --against-anchor}): the run was
 * compared, A/B in one session, with the suite at the reviewed baseline's commit, and judged against the drift
 * budget. The entry's {@link HistoryEntry#changes} are then the drift since the anchor.
 *
 * @param commit     the anchor: the commit the accepted baseline was measured at
 * @param acceptedAt when the baseline was accepted; null when unknown
 * @param reason     why it was accepted; null when unknown
 * @param budget     the drift budget the check judged by, as a fraction (0.10 = 10 %)
 */
public record AnchorCheck(String commit, Instant acceptedAt, String reason, double budget) {

    public AnchorCheck {
        Objects.requireNonNull(commit, "commit");
        if (!(budget > 0) || !Double.isFinite(budget)) throw new IllegalArgumentException("budget: " + budget);
    }
}
