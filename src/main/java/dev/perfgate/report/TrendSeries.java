package dev.perfgate.report;

import dev.perfgate.history.TrendPoint;

import java.util.List;
import java.util.Objects;

import dev.perfgate.analysis.ChangePoint;
import dev.perfgate.model.Direction;

/**
 * A {@code TrendSeries} is everything a trend chart shows for one benchmark: its runs oldest first, its
 * baseline and the change points found in its history.
 *
 * @param name           benchmark name, shown as given (escaped in HTML)
 * @param unit           unit of the medians, e.g. {@code "ms"} or {@code "x"}
 * @param direction      which way is better
 * @param runs           the runs, oldest first
 * @param baselineMedian median of the baseline in the same unit, or {@code null} when there is none
 * @param changePoints   change points whose {@link ChangePoint#index()} is a position in {@code runs}
 */
public record TrendSeries(String name, String unit, Direction direction, List<TrendPoint> runs,
                          Double baselineMedian, List<ChangePoint> changePoints) {

    /** @throws IllegalArgumentException when a change point points outside the runs */
    public TrendSeries {
        Objects.requireNonNull(name, "name");
        unit = unit == null ? "ms" : unit;
        direction = direction == null ? Direction.LOWER : direction;
        runs = List.copyOf(runs);
        changePoints = changePoints == null ? List.of() : List.copyOf(changePoints);
        for (ChangePoint cp : changePoints) {
            if (cp.index() < 0 || cp.index() >= runs.size()) {
                throw new IllegalArgumentException("change point at run " + cp.index() + " of " + runs.size());
            }
        }
    }

    /** "lower is better" or "higher is better". */
    public String directionText() {
        return direction == Direction.HIGHER ? "higher is better" : "lower is better";
    }
}
