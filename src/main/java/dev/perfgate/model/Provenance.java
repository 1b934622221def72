package dev.perfgate.model;

import java.time.Instant;

/**
 * Why a baseline is the baseline: who accepted it, when, from which commit and results file, and the reason
 * they gave. Any field but {@code reason} may be {@code null} when unknown. The commit and the suite's folder in it
 * are the <b>anchor</b> that {@code check --against-anchor} measures the drift from.
 *
 * @param commit      the commit the accepted run was measured at
 * @param suiteFolder the suite's folder in that commit, relative to the repository's top (e.g. {@code perf}); null
 *                    when unknown (a bundled suite, a run outside git, a baseline accepted before anchors)
 */
public record Provenance(String acceptedBy, Instant acceptedAt, String commit, String source, String reason,
                         String suiteFolder) {

    /** A provenance without the suite's folder (baselines accepted before anchors). */
    public Provenance(String acceptedBy, Instant acceptedAt, String commit, String source, String reason) {
        this(acceptedBy, acceptedAt, commit, source, reason, null);
    }
}
