package dev.perfgate.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What PostgreSQL counted for a benchmark's measured statements, triggers included, over a few untimed iterations
 * run after the timed ones with the same seeded parameters in every run: buffers, WAL, rows, and the shape of the
 * plans. Unlike times, these do not move when the machine is busy, so a change in them is a change in the work.
 *
 * @param values      counter name ({@link #NAMES}) to its value in each counter iteration, in order; a counter that
 *                    could not be read is absent
 * @param plan        the plans' shape, or {@code null} when no plan could be read
 * @param checkpoint  true when a {@code CHECKPOINT} ran before each counter iteration, which makes full-page images,
 *                    dirtied buffers and WAL bytes repeatable (without it they depend on where the last one fell)
 * @param unavailable what could not be counted and why, one line each (e.g. a {@code CALL} that cannot be explained)
 * @param profile     where the time went, statement by statement and function by function; {@code null} when not
 *                    profiled
 * @param answers     what each measured statement gave back once ({@link Answer}); empty when not collected
 */
public record Counters(Map<String, long[]> values, Plan plan, boolean checkpoint, List<String> unavailable,
                       Profile profile, List<Answer> answers) {

    /** Shared buffers found in PostgreSQL's cache. */
    public static final String SHARED_HIT = "shared_hit";
    /** Shared buffers read from the operating system (a cache miss in PostgreSQL). */
    public static final String SHARED_READ = "shared_read";
    /** Shared buffers the statements dirtied (a checkpoint before the iteration makes this repeatable). */
    public static final String SHARED_DIRTIED = "shared_dirtied";
    /** Shared buffers written out, relation extensions included (PostgreSQL 16+ counts extends here). */
    public static final String SHARED_WRITTEN = "shared_written";
    public static final String LOCAL_HIT = "local_hit";
    public static final String LOCAL_READ = "local_read";
    public static final String TEMP_READ = "temp_read";
    public static final String TEMP_WRITTEN = "temp_written";
    /** WAL records written: one or more per row changed, by the statement and its triggers. */
    public static final String WAL_RECORDS = "wal_records";
    /** Full-page images in the WAL: the first change of a page after a checkpoint. */
    public static final String WAL_FPI = "wal_fpi";
    public static final String WAL_BYTES = "wal_bytes";
    /** Rows the measured statements returned or changed (not those their triggers changed). */
    public static final String ROWS = "rows";

    /** Every counter, in the order reports list them. */
    public static final List<String> NAMES = List.of(SHARED_HIT, SHARED_READ, SHARED_DIRTIED, SHARED_WRITTEN,
            LOCAL_HIT, LOCAL_READ, TEMP_READ, TEMP_WRITTEN, WAL_RECORDS, WAL_FPI, WAL_BYTES, ROWS);

    public Counters {
        Map<String, long[]> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k), v.clone()));
        values = Collections.unmodifiableMap(copy);
        unavailable = List.copyOf(unavailable);
        answers = answers == null ? List.of() : List.copyOf(answers);
    }

    /** Counters without a profile or answers. */
    public Counters(Map<String, long[]> values, Plan plan, boolean checkpoint, List<String> unavailable) {
        this(values, plan, checkpoint, unavailable, null, List.of());
    }

    /** These counters with {@code p} as their profile. */
    public Counters withProfile(Profile p) {
        return new Counters(values, plan, checkpoint, unavailable, p, answers);
    }

    /** These counters with {@code a} as the statements' answers. */
    public Counters withAnswers(List<Answer> a) {
        return new Counters(values, plan, checkpoint, unavailable, profile, a);
    }

    /** The number of counter iterations (0 when nothing was counted). */
    public int iterations() {
        return values.values().stream().mapToInt(v -> v.length).max().orElse(0);
    }

    /** A counter's mean per iteration, NaN when it was not counted. */
    public double perIteration(String name) {
        long[] v = values.get(name);
        if (v == null || v.length == 0) return Double.NaN;
        return Arrays.stream(v).sum() / (double) v.length;
    }

    /**
     * The shape of the plans the measured statements ran with, nested statements (triggers, functions) included.
     *
     * @param fingerprint a hash of the sorted distinct shapes (node types, relations, indexes): equal shapes, equal
     *                    fingerprint
     * @param summary     one line for people, e.g. {@code Update on products <- Index Scan using products_pkey; ...}
     * @param nested      true when statements run inside functions and triggers are included (auto_explain)
     */
    public record Plan(String fingerprint, String summary, boolean nested) {
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Counters c)) return false;
        if (!c.values.keySet().equals(values.keySet())) return false;
        for (var e : values.entrySet()) if (!Arrays.equals(e.getValue(), c.values.get(e.getKey()))) return false;
        return Objects.equals(plan, c.plan) && checkpoint == c.checkpoint && unavailable.equals(c.unavailable)
                && Objects.equals(profile, c.profile) && answers.equals(c.answers);
    }

    @Override
    public int hashCode() {
        return Objects.hash(values.keySet(), plan, checkpoint, unavailable);
    }
}
