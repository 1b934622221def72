package dev.perfgate.analysis;

import dev.perfgate.format.Numbers;
import dev.perfgate.model.TableData;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the two sides of an A/B run measure the same data (pure): table by table, pages and rows beyond a
 * tolerance (and at least one whole unit, as for counters), the number of indexes, and whether the planner has
 * statistics. Rolled-back iterations and page fill make a page or a few rows differ between two databases built the
 * same way, so small differences are not named; a table loaded with 10 % more rows is.
 */
public final class DataCheck {

    /** Pages and rows may differ by this share between the sides before they are named. */
    public static final double TOLERANCE = 0.02;

    private DataCheck() {
    }

    /** One line per table that differs, e.g. {@code tviews.reviews: 1,204 vs 1,240 pages, ...}; empty when alike. */
    public static List<String> differences(List<TableData> base, List<TableData> candidate, double tolerance) {
        Map<String, TableData> before = new LinkedHashMap<>();
        for (TableData t : base) before.put(t.name(), t);
        List<String> out = new ArrayList<>();
        for (TableData c : candidate) {
            TableData b = before.remove(c.name());
            if (b == null) {
                out.add(c.name() + ": only in the candidate's database");
                continue;
            }
            List<String> what = new ArrayList<>();
            if (differs(b.pages(), c.pages(), tolerance)) {
                what.add(Numbers.count(b.pages()) + " vs " + Numbers.count(c.pages()) + " pages");
            }
            if (differs(b.rows(), c.rows(), tolerance)) {
                what.add(Numbers.count(b.rows()) + " vs " + Numbers.count(c.rows()) + " rows");
            }
            if (b.indexes() != c.indexes()) what.add(b.indexes() + " vs " + c.indexes() + " indexes");
            if (b.analyzed() != c.analyzed()) {
                what.add("planner statistics gathered on the " + (b.analyzed() ? "base" : "candidate") + " side only");
            }
            if (!what.isEmpty()) out.add(c.name() + ": " + String.join(", ", what));
        }
        for (TableData b : before.values()) out.add(b.name() + ": only in the base's database");
        return out;
    }

    /** The warning for the report, or null when the sides' databases are alike. */
    public static String warning(List<TableData> base, List<TableData> candidate) {
        List<String> d = differences(base, candidate, TOLERANCE);
        if (d.isEmpty()) return null;
        return "the sides' databases differ: " + String.join("; ", d) + ": the comparison measures the data too";
    }

    private static boolean differs(long base, long candidate, double tolerance) {
        return Math.abs(candidate - base) > Math.max(1, tolerance * Math.max(base, candidate));
    }
}
