package dev.perfgate.bench;

import dev.perfgate.model.Answer;
import dev.perfgate.suite.SqlStatement;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Runs a benchmark's measured statements once more, untimed, and keeps what each gave back ({@link Answer}): rows
 * returned (sorted, hashed) or rows changed. Setup, teardown and the rollback run as in an iteration, so the data is
 * as the timed iterations saw it. A read runs twice: when the two results differ ({@code now()}, {@code random()}
 * in its output), it is named as skipped rather than compared. A write runs once (a second run would see the
 * first's changes); one whose text calls such a function is skipped the same way.
 */
final class AnswerProbe {

    /** Salt of the answer iteration's parameter seed. */
    private static final long SEED_SALT = 0xA5_5E_7L;
    /** A read: runs twice to see whether its answer is repeatable. */
    private static final Pattern READ = Pattern.compile("(?is)^\\s*(\\(\\s*)*(select|with|values|table)\\b.*");
    /** Functions whose value changes from call to call. */
    private static final Pattern VOLATILE = Pattern.compile("(?i)\\b(now|random|clock_timestamp|statement_timestamp|"
            + "timeofday|gen_random_uuid|uuid_generate_v4|txid_current|pg_backend_pid)\\s*\\(|\\bcurrent_time(stamp)?\\b");
    private static final String SEPARATOR = "\u001f";

    private final BenchmarkRun run;
    private final SuiteDatabase db;

    AnswerProbe(BenchmarkRun run, SuiteDatabase db) {
        this.run = run;
        this.db = db;
    }

    /** Each measured statement's answer, in order (timed, then part B of a ratio); empty when it cannot run. */
    List<Answer> answers() {
        ParamDraws draws = new ParamDraws(run.spec().params(), run.settings().seedOrDefault() ^ SEED_SALT
                ^ run.spec().name().hashCode(), db.scale());
        Map<String, Long> values = draws.next();
        List<SqlStatement> measured = new ArrayList<>(run.spec().timed());
        measured.addAll(run.spec().timedB());
        List<Answer> out = new ArrayList<>();
        try {
            for (SqlStatement st : run.spec().setup()) execute(db.bind(st, values));
            for (SqlStatement st : measured) out.add(answer(st, values));
            for (SqlStatement st : run.spec().teardown()) execute(db.bind(st, values));
            return out;
        } catch (SQLException e) {
            return List.of();
        } finally {
            if (run.settings().isolationOrDefault() == dev.perfgate.suite.Settings.Isolation.ROLLBACK) {
                db.rollbackQuietly();
            }
        }
    }

    private Answer answer(SqlStatement st, Map<String, Long> values) throws SQLException {
        String name = st.location() + " " + oneLine(st.sql());
        Result first = execute(db.bind(st, values));
        if (READ.matcher(st.sql()).matches()) {
            Result second = execute(db.bind(st, values));
            if (!second.equals(first)) {
                return new Answer(name, first.rows, null, "its result changes from one run to the next (now(), "
                        + "random() or the like in its output)");
            }
        } else if (first.hash != null && !first.hash.isEmpty() && VOLATILE.matcher(st.sql()).find()) {
            return new Answer(name, first.rows, null, "it returns rows and calls a function whose value changes "
                    + "from call to call");
        }
        return new Answer(name, first.rows, first.hash, null);
    }

    private record Result(long rows, String hash) {
    }

    /** Runs a statement: the sorted rows' hash and count, or the rows changed with an empty hash. */
    private static Result execute(PreparedStatement ps) throws SQLException {
        if (!ps.execute()) return new Result(Math.max(0, ps.getUpdateCount()), "");
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = ps.getResultSet()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) row.append(rs.getString(c)).append(SEPARATOR);
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return new Result(rows.size(), hash(String.join("\n", rows)));
    }

    private static String hash(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String oneLine(String sql) {
        String one = sql.strip().replaceAll("\\s+", " ");
        return one.length() <= 60 ? one : one.substring(0, 57) + "...";
    }
}
