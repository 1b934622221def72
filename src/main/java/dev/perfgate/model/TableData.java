package dev.perfgate.model;

import java.util.Objects;

/**
 * {@code TableData} is what one table of a suite's database held when its benchmarks started: enough to tell whether
 * the two sides of an A/B measure the same data.
 *
 * @param name     {@code schema.table}
 * @param pages    pages of the table itself (its indexes and TOAST not included)
 * @param rows     rows: counted when the table is small, else the planner's estimate
 * @param indexes  indexes on it
 * @param analyzed true when the planner has statistics for it (ANALYZE, VACUUM or autovacuum ran)
 */
public record TableData(String name, long pages, long rows, int indexes, boolean analyzed) {

    public TableData {
        Objects.requireNonNull(name, "name");
    }
}
