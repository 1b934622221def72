package dev.perfgate.cli;

import dev.perfgate.analysis.ChangePoint;
import dev.perfgate.analysis.ChangePoints;
import dev.perfgate.model.Direction;
import dev.perfgate.model.HistoryRow;
import dev.perfgate.report.TrendPoint;
import dev.perfgate.report.TrendSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history regrouped per benchmark, oldest run first: what {@code history plot} draws and
 * {@code history analyze} searches for change points. Runs without a median (summary-only) are left out.
 */
final class HistorySeries {

    /** One benchmark's runs. */
    static final class Series {
        final String name;
        String unit;
        Direction direction;
        final List<TrendPoint> points = new ArrayList<>();
        final List<Long> runNumbers = new ArrayList<>();

        Series(String name) {
            this.name = name;
        }

        double[] medians() {
            return points.stream().mapToDouble(TrendPoint::median).toArray();
        }

        List<String> commits() {
            return points.stream().map(TrendPoint::commit).toList();
        }

        List<ChangePoint> changePoints() {
            return ChangePoints.DEFAULT.find(medians(), commits(), direction);
        }

        TrendSeries trend(Double baselineMedian, List<ChangePoint> changePoints) {
            return new TrendSeries(name, unit, direction, points, baselineMedian, changePoints);
        }
    }

    private final Map<String, Series> byName = new LinkedHashMap<>();

    /** Adds one run; call in history order. */
    void add(HistoryRow row) {
        for (HistoryRow.Point p : row.benchmarks()) {
            if (!Double.isFinite(p.median())) continue;
            Series s = byName.computeIfAbsent(p.name(), Series::new);
            s.unit = p.unit();
            s.direction = p.direction();
            s.points.add(new TrendPoint(row.created(), row.git().commit(), p.median(), p.lowerQuartile(),
                    p.upperQuartile(), p.verdict()));
            s.runNumbers.add(row.number());
        }
    }

    List<Series> series() {
        return List.copyOf(byName.values());
    }
}
