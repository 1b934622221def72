package dev.perfgate.gate;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An {@code AcceptRequest} is what {@code perfgate baseline accept} was asked.
 *
 * @param baseline the baseline file given; null for where {@code check} looks for the suite the results came from
 * @param suite    the suite folder whose baseline it is ({@code --suite DIR}); null unless given
 * @param yes      approved without asking (the only way in CI)
 * @param force    accept a run unfit to judge others by (quick, too few samples, another suite)
 * @param ci       running in CI: nothing may wait for a person
 * @param history  the run history (a file or a JDBC URL), where the run-to-run noise that widens the diff comes
 *                 from and the run is placed among the recorded ones; null to read none (the 25 % prior widens)
 */
public record AcceptRequest(Path results, String reason, Path baseline, Path suite, boolean yes, boolean force,
                            boolean ci, String history) {

    public AcceptRequest {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(reason, "reason");
    }

    /** A request that reads no history. */
    public AcceptRequest(Path results, String reason, Path baseline, Path suite, boolean yes, boolean force,
                         boolean ci) {
        this(results, reason, baseline, suite, yes, force, ci, null);
    }
}
