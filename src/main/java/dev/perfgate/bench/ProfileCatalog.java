package dev.perfgate.bench;

import dev.perfgate.model.Profile;
import dev.perfgate.model.ProfileTree;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ProfileCatalog} reads what the catalog says about a profile's functions, for {@link ProfileTree} to place
 * each statement and function under the one that ran it: each function's language and body ({@code pg_proc}) and the
 * triggers that run it ({@code pg_trigger}). One query per side and benchmark, after the profiled iterations, on the
 * benchmark's own connection: the catalog is per database, and the signatures are printed with that session's
 * search path, as the profile's were.
 */
final class ProfileCatalog {

    private static final String ROUTINES = "SELECT p.oid::regprocedure::text, l.lanname, p.prosrc, "
            + "array(SELECT t.tgrelid::regclass::text FROM pg_trigger t WHERE t.tgfoid = p.oid AND NOT t.tgisinternal "
            + "ORDER BY t.oid), "
            + "array(SELECT t.tgtype::int FROM pg_trigger t WHERE t.tgfoid = p.oid AND NOT t.tgisinternal "
            + "ORDER BY t.oid) "
            + "FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang WHERE p.oid::regprocedure::text = ANY (?)";

    private ProfileCatalog() {
    }

    /**
     * The functions among {@code entries} as the catalog describes them; none when it cannot be read, and then one
     * line in {@code unavailable} (every nested entry is then "not placed").
     */
    static List<ProfileTree.Routine> routines(SuiteDatabase db, List<Profile.Entry> entries, List<String> unavailable) {
        List<String> names = entries.stream().filter(e -> e.kind().equals(Profile.FUNCTION)).map(Profile.Entry::text)
                .toList();
        List<ProfileTree.Routine> out = new ArrayList<>();
        if (names.isEmpty()) return out;
        Connection c = db.connection();
        try (PreparedStatement ps = c.prepareStatement(ROUTINES)) {
            ps.setArray(1, c.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ProfileTree.Routine(rs.getString(1), rs.getString(2), rs.getString(3),
                            triggers(rs.getArray(4), rs.getArray(5))));
                }
            }
        } catch (SQLException e) {
            out.clear();
            unavailable.add("attribution: cannot read the functions' bodies and triggers (" + Connections.firstLine(
                    e.getMessage()) + "): nested statements and functions not placed under what ran them");
        } finally {
            db.rollbackQuietly();
        }
        return out;
    }

    private static List<ProfileTree.Trigger> triggers(Array tables, Array types) throws SQLException {
        Object[] t = (Object[]) tables.getArray();
        Object[] k = (Object[]) types.getArray();
        List<ProfileTree.Trigger> out = new ArrayList<>();
        for (int i = 0; i < t.length && i < k.length; i++) {
            out.add(new ProfileTree.Trigger((String) t[i], ((Number) k[i]).intValue()));
        }
        return out;
    }
}
