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
 */
public record AcceptRequest(Path results, String reason, Path baseline, Path suite, boolean yes, boolean force,
                            boolean ci) {

    public AcceptRequest {
        Objects.requireNonNull(results, "results");
        Objects.requireNonNull(reason, "reason");
    }
}
