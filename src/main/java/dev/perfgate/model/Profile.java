package dev.perfgate.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A {@code Profile} is where one benchmark's time went on one side, statement by statement and function by function:
 * what {@code pg_stat_statements} (every statement, nested ones included) and {@code pg_stat_user_functions}
 * ({@code track_functions = all}) counted over a few untimed iterations, kept per iteration so that a change can be
 * told from the iterations' own scatter. Read on the benchmark's own database, so the two sides of an A/B run are
 * apart.
 *
 * @param iterations the number of profiled iterations (the length of every entry's arrays)
 * @param entries    the statements and functions that took the most time, most first
 * @param others     how many more statements and functions ran but were left out to keep the list short
 * @param plans      each distinct statement's plan tree, as EXPLAIN prints it, nested statements included
 * @param unavailable what could not be profiled and why, one line each
 */
public record Profile(int iterations, List<Entry> entries, int others, List<StatementPlan> plans,
                      List<String> unavailable) {

    /** A statement, as {@code pg_stat_statements} keys it (normalised text, {@code $1} for constants). */
    public static final String STATEMENT = "statement";
    /** A function's own time, without the functions it called ({@code pg_stat_user_functions.self_time}). */
    public static final String FUNCTION = "function";

    public Profile {
        entries = List.copyOf(entries);
        plans = List.copyOf(plans);
        unavailable = List.copyOf(unavailable);
    }

    /**
     * One statement or function and what it cost in each profiled iteration.
     *
     * @param kind     {@link #STATEMENT} or {@link #FUNCTION}
     * @param text     the statement's normalised text, or the function's {@code schema.name(argument types)}; the key
     *                 that matches it across sides (query ids differ between databases)
     * @param queryId  the statement's query id in its database; 0 for a function
     * @param toplevel true for a statement the benchmark ran itself, false for one a trigger or function ran
     * @param calls    calls in each iteration
     * @param millis   execution time in each iteration, ms: a statement's whole execution, a function's self time
     * @param totalMillis a function's total time in each iteration, ms, the functions it called included; a
     *                 statement's is its {@code millis} (null is taken as that)
     * @param rows     rows returned or changed, over all iterations (0 for a function)
     * @param buffers  shared buffers hit or read, over all iterations (0 for a function)
     * @param parent   the statement or function that ran it ({@link ProfileTree}); null for a top-level statement and
     *                 for an entry the evidence does not place ("not placed")
     */
    public record Entry(String kind, String text, long queryId, boolean toplevel, long[] calls, double[] millis,
                        double[] totalMillis, long rows, long buffers, Parent parent) {

        /** An entry not (yet) placed in the call tree. */
        public Entry(String kind, String text, long queryId, boolean toplevel, long[] calls, double[] millis,
                     double[] totalMillis, long rows, long buffers) {
            this(kind, text, queryId, toplevel, calls, millis, totalMillis, rows, buffers, null);
        }

        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            calls = calls.clone();
            millis = millis.clone();
            totalMillis = totalMillis == null ? millis : totalMillis.clone();
        }

        /** The key that matches this entry across the two sides. */
        public String key() {
            return kind + ":" + (toplevel ? "top:" : "nested:") + text;
        }

        /** This entry under {@code p} (null: at the top level). */
        public Entry withParent(Parent p) {
            return new Entry(kind, text, queryId, toplevel, calls, millis, totalMillis, rows, buffers, p);
        }

        /** True for an entry something else ran whose caller the evidence does not name. */
        public boolean notPlaced() {
            return parent == null && !(toplevel && kind.equals(STATEMENT));
        }

        /** Mean calls per iteration. */
        public double callsPerIteration() {
            return Arrays.stream(calls).average().orElse(0);
        }

        /** Mean time per iteration, ms. */
        public double millisPerIteration() {
            return Arrays.stream(millis).average().orElse(0);
        }

        /** Mean total time per iteration, ms (a function's callees included). */
        public double totalMillisPerIteration() {
            return Arrays.stream(totalMillis).average().orElse(0);
        }

        /** Mean time per call, ms; NaN without calls. */
        public double millisPerCall() {
            long n = Arrays.stream(calls).sum();
            return n == 0 ? Double.NaN : Arrays.stream(millis).sum() / n;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && kind.equals(e.kind) && text.equals(e.text) && queryId == e.queryId
                    && toplevel == e.toplevel && Arrays.equals(calls, e.calls) && Arrays.equals(millis, e.millis)
                    && Arrays.equals(totalMillis, e.totalMillis)
                    && rows == e.rows && buffers == e.buffers && Objects.equals(parent, e.parent);
        }

        @Override
        public int hashCode() {
            return Objects.hash(kind, text, queryId, toplevel, Arrays.hashCode(calls), rows, buffers);
        }
    }

    /**
     * The statement or function an entry sits under, named as the entry it is (its {@link Entry#key()}).
     *
     * @param kind     {@link #STATEMENT} or {@link #FUNCTION}
     * @param text     the statement's normalised text, or the function's signature
     * @param queryId  the statement's query id in its side's database; 0 for a function
     * @param toplevel true for a statement the benchmark ran itself
     */
    public record Parent(String kind, String text, long queryId, boolean toplevel) {

        public Parent {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }

        /** The parent that is {@code e}. */
        public static Parent of(Entry e) {
            return new Parent(e.kind(), e.text(), e.queryId(), e.toplevel());
        }

        /** The key of the entry it is. */
        public String key() {
            return kind + ":" + (toplevel ? "top:" : "nested:") + text;
        }
    }

    /**
     * One statement's plan.
     *
     * @param text  the statement's text as the plan logged it
     * @param shape the plan's shape (node types, relations, indexes): equal shapes, same plan
     * @param tree  the plan tree, one node a line, indented as EXPLAIN prints it
     */
    public record StatementPlan(String text, String shape, String tree) {
    }
}
