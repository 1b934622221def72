package dev.perfgate.bench;

import dev.perfgate.model.TableData;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what each table of a suite's database holds ({@link TableData}), once, before the pairs start: pages from
 * the table's size, rows counted exactly up to {@link #COUNTED_PAGES} pages (the planner's estimate above: a
 * count of a large {@code --db} table would cost more than the comparison), indexes, and whether the planner has
 * statistics.
 */
final class TableStats {

    /** Tables up to this many pages (80 MB) have their rows counted. */
    static final long COUNTED_PAGES = 10_000;

    private static final String TABLES = "SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname), "
            + "pg_relation_size(c.oid) / current_setting('block_size')::bigint, c.reltuples::bigint, "
            + "(SELECT count(*) FROM pg_index i WHERE i.indrelid = c.oid), "
            + "c.reltuples >= 0 OR s.last_analyze IS NOT NULL OR s.last_autoanalyze IS NOT NULL "
            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            + "LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid "
            + "WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
            + "AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' ORDER BY 2";

    private TableStats() {
    }

    /** The tables of {@code db}'s database; empty when they cannot be read (said by the caller as nothing). */
    static List<TableData> read(SuiteDatabase db) {
        Connection c = db.connection();
        List<TableData> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(TABLES)) {
            List<Object[]> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(new Object[]{rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5), rs.getBoolean(6)});
            }
            for (Object[] r : rows) {
                long pages = (Long) r[1];
                long count = pages <= COUNTED_PAGES ? count(st, (String) r[0]) : Math.max(0, (Long) r[2]);
                out.add(new TableData((String) r[0], pages, count, (Integer) r[3], (Boolean) r[4]));
            }
            return out;
        } catch (SQLException e) {
            return List.of();
        } finally {
            db.rollbackQuietly();
        }
    }

    private static long count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) { // a name quote_ident made
            rs.next();
            return rs.getLong(1);
        }
    }
}
