package dev.perfgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.json.Json;
import dev.perfgate.model.Counters;
import dev.perfgate.model.Profile;
import dev.perfgate.suite.SqlStatement;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what one benchmark's measured statements do, after its timed iterations, on untimed iterations of its own:
 * <ol>
 *   <li>the statements' query ids, from {@code EXPLAIN (VERBOSE, FORMAT JSON)} with the same parameters (the id
 *       {@code pg_stat_statements} keys them by; looked up every run, never stored: it changes with the schema);</li>
 *   <li>{@code iterations} iterations, each after a {@code CHECKPOINT} (so full-page images and dirtied buffers
 *       are those of the iteration's own first changes) and between two reads of {@code pg_stat_statements}, with
 *       parameters from a seed of their own, so the counts do not depend on how many timed iterations ran;</li>
 *   <li>one iteration with auto_explain logging every plan, nested statements included, to the client as notices:
 *       the plans' shapes.</li>
 * </ol>
 * Warm-up and timed iterations came first, so plan caches have settled. What cannot be had is said, never fatal.
 */
final class CounterProbe {

    /** Salt of the counter iterations' parameter seed. */
    private static final long SEED_SALT = 0xC0C0_17E5L;

    private final BenchmarkRun run;
    private final SuiteDatabase db;
    private final CounterSource source;
    private final List<String> unavailable = new ArrayList<>();

    private final int profileIterations;

    private final boolean attribution;

    /**
     * A probe that also profiles {@code profileIterations} iterations after the counters; with none, the plans of
     * each statement are still kept for attribution when {@code attribution} is on (an A/B run profiles later).
     */
    CounterProbe(BenchmarkRun run, SuiteDatabase db, CounterSource source, int profileIterations, boolean attribution) {
        this.run = run;
        this.db = db;
        this.source = source;
        this.profileIterations = profileIterations;
        this.attribution = attribution;
    }

    Counters count(int iterations) {
        List<SqlStatement> measured = new ArrayList<>(run.spec().timed());
        measured.addAll(run.spec().timedB());
        ParamDraws draws = new ParamDraws(run.spec().params(), run.settings().seedOrDefault() ^ SEED_SALT
                ^ run.spec().name().hashCode(), db.scale());
        Map<String, Long> first = draws.next();
        PlanShapes explained = new PlanShapes();
        long[] ids = queryIds(measured, first, explained);
        Map<String, long[]> values = new LinkedHashMap<>();
        boolean checkpointed = true;
        if (ids.length > 0) {
            try {
                long dbid = CounterSource.databaseId(db.connection());
                Map<String, Long> values0 = first;
                for (int i = 0; i < iterations; i++) {
                    checkpointed &= source.checkpoint();
                    Map<String, Long> before = source.totals(ids, dbid);
                    run.iteration(i == 0 ? values0 : draws.next());
                    Map<String, Long> after = source.totals(ids, dbid);
                    for (var e : after.entrySet()) {
                        values.computeIfAbsent(e.getKey(), k -> new long[iterations])[i] =
                                e.getValue() - before.getOrDefault(e.getKey(), 0L);
                    }
                }
            } catch (SQLException e) {
                values.clear();
                unavailable.add("counters: cannot read pg_stat_statements: " + Connections.firstLine(e.getMessage()));
            }
        }
        if (!checkpointed) {
            unavailable.add("no CHECKPOINT allowed (needs superuser or pg_checkpoint): full-page images, dirtied "
                    + "buffers and WAL bytes depend on where the last checkpoint fell, so they are not gated");
        }
        PlanShapes nested = new PlanShapes();
        Counters.Plan plan = nestedPlans(draws.next(), nested);
        if (plan == null && !explained.isEmpty()) plan = explained.plan(false);
        Counters counters = new Counters(values, plan, checkpointed && !values.isEmpty(), unavailable)
                .withAnswers(new AnswerProbe(run, db).answers());
        if (!attribution) return counters;
        List<Profile.StatementPlan> plans = nested.isEmpty() ? explained.statementPlans() : nested.statementPlans();
        if (profileIterations < 1) return counters.withProfile(new Profile(0, List.of(), 0, plans, List.of()));
        return counters.withProfile(new ProfileProbe(run, db, source.admin()).profile(profileIterations, draws, plans));
    }

    /**
     * Each measured statement's query id, and its top-level plan into {@code plans}; a statement EXPLAIN refuses
     * ({@code CALL}, {@code DO}) is named as not counted and skipped.
     */
    private long[] queryIds(List<SqlStatement> measured, Map<String, Long> values, PlanShapes plans) {
        List<Long> ids = new ArrayList<>();
        for (SqlStatement st : measured) {
            try (PreparedStatement ps = db.explain(st, values); ResultSet rs = ps.executeQuery()) {
                rs.next();
                JsonNode doc = Json.MAPPER.readTree(rs.getString(1));
                plans.add(doc);
                JsonNode id = doc.path(0).get("Query Identifier");
                if (id == null || !id.canConvertToLong()) {
                    unavailable.add(st.location() + ": no query id (is compute_query_id off?): not counted");
                } else {
                    ids.add(id.longValue());
                }
            } catch (SQLException | IOException e) {
                unavailable.add(st.location() + ": cannot be explained (" + Connections.firstLine(e.getMessage())
                        + "): its counters are not counted");
            } finally {
                db.rollbackQuietly();
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** The shapes of every plan of one iteration, nested statements included; null when auto_explain is not there. */
    private Counters.Plan nestedPlans(Map<String, Long> values, PlanShapes shapes) {
        Connection c = db.connection();
        List<PreparedStatement> measured = new ArrayList<>();
        for (SqlStatement st : run.spec().timed()) measured.add(db.prepared(st));
        for (SqlStatement st : run.spec().timedB()) measured.add(db.prepared(st));
        try {
            logPlansAsNotices(c);
            for (PreparedStatement ps : measured) ps.clearWarnings();
            run.iteration(values);
            for (PreparedStatement ps : measured) {
                for (SQLWarning w = ps.getWarnings(); w != null; w = w.getNextWarning()) shapes.addNotice(w.getMessage());
                ps.clearWarnings();
            }
            return shapes.isEmpty() ? null : shapes.plan(true);
        } catch (SQLException e) {
            unavailable.add("plans of nested statements (triggers, functions): auto_explain not available ("
                    + Connections.firstLine(e.getMessage()) + "); top-level plans only");
            db.rollbackQuietly();
            return null;
        } finally {
            try (Statement reset = c.createStatement()) {
                reset.execute("SET auto_explain.log_min_duration = -1");
            } catch (SQLException ignored) {
                // auto_explain was never set: nothing to reset
            }
            db.rollbackQuietly();
        }
    }

    /** Has auto_explain send the plan of every statement, nested ones included, to this session as notices. */
    private static void logPlansAsNotices(Connection c) throws SQLException {
        try (Statement set = c.createStatement()) {
            set.execute("SET auto_explain.log_min_duration = 0");
            set.execute("SET auto_explain.log_nested_statements = on");
            set.execute("SET auto_explain.log_analyze = off");
            set.execute("SET auto_explain.log_format = json");
            set.execute("SET auto_explain.log_level = notice");
        }
        omitParameters(c);
    }

    /**
     * Leaves each call's parameter values out of the plans auto_explain sends (PostgreSQL 16 and later add them), so
     * a plan a row trigger repeats is the same text each time, which {@link PlanShapes} parses once. A role that may
     * set the other parameters but not this one still gets its plans, each parsed.
     */
    private static void omitParameters(Connection c) throws SQLException {
        if (c.getMetaData().getDatabaseMajorVersion() < 16) return;
        Savepoint before = c.getAutoCommit() ? null : c.setSavepoint(); // a refused SET must not abort the iteration
        try (Statement set = c.createStatement()) {
            set.execute("SET auto_explain.log_parameter_max_length = 0");
        } catch (SQLException e) {
            if (before != null) c.rollback(before);
            return;
        }
        if (before != null) c.releaseSavepoint(before);
    }
}
