package dev.perfgate.analysis;

import java.util.ArrayList;
import java.util.List;

import dev.perfgate.model.Direction;

/**
 * {@code ExactSteps} finds the steps of an exact series, such as shared buffers per iteration: counters that do
 * not move with the machine's load, so a value that changed and stayed changed is a change in the work, seen from
 * its first run (issue 22: an 11 → 16 buffer step over 16 runs went unreported by a test built for noisy times).
 * A series is exact when it is piecewise constant: every level but the last lasted at least two runs (the last
 * may be one run old: the change just happened). A series that flaps (a level of one run between two others)
 * is not exact, and the caller falls back to {@link ChangePoints}. Pure.
 */
public final class ExactSteps {

    private ExactSteps() {
    }

    /**
     * The steps of {@code values} (NaN: a run that did not count, skipped), each a {@link ChangePoint} with p-value 0
     * (no test: nothing random moved it); null when the series is not exact, empty when it never changed.
     *
     * @param commits each run's commit (entries may be null), or null; same length as {@code values}
     */
    public static List<ChangePoint> find(double[] values, List<String> commits, Direction direction) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < values.length; i++) if (Double.isFinite(values[i])) at.add(i);
        if (at.size() < 2) return List.of();
        List<Integer> starts = new ArrayList<>(); // positions in 'at' where a level begins
        starts.add(0);
        for (int k = 1; k < at.size(); k++) {
            if (values[at.get(k)] != values[at.get(k - 1)]) starts.add(k);
        }
        for (int l = 0; l < starts.size() - 1; l++) {
            if (starts.get(l + 1) - starts.get(l) < 2) return null;
        }
        List<ChangePoint> steps = new ArrayList<>();
        for (int l = 1; l < starts.size(); l++) {
            int index = at.get(starts.get(l));
            double before = values[at.get(starts.get(l) - 1)];
            double after = values[index];
            double change = before == 0 ? Double.NaN : Worse.positive(after / before - 1, direction) + 0.0;
            steps.add(new ChangePoint(index, commits == null ? null : commits.get(index), change, before, after, 0));
        }
        return List.copyOf(steps);
    }
}
