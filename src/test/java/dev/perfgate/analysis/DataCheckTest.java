package dev.perfgate.analysis;

import dev.perfgate.model.TableData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sides' databases: which table differences are named, and how. */
class DataCheckTest {

    @ParameterizedTest(name = "{0} vs {1} pages, {2} vs {3} rows, {4} vs {5} indexes: {6}")
    @CsvSource(delimiter = ';', value = {
            // base pages; candidate pages; base rows; candidate rows; base indexes; candidate indexes; line or NONE
            "1204; 1204; 10000; 10000; 2; 2; NONE",
            "1204; 1205; 10000; 10001; 2; 2; NONE",                      // a page, a row: page fill, not data
            "1204; 1220; 10000; 10150; 2; 2; NONE",                      // within 2 %
            "1204; 1330; 10000; 11000; 2; 2; t.reviews: 1,204 vs 1,330 pages, 10,000 vs 11,000 rows", // 10 % more rows
            "1204; 1204; 10000; 10000; 2; 1; t.reviews: 2 vs 1 indexes",  // a dropped index
            "0;    1;    0;     1;     1; 1; NONE",                      // one unit is the least step
            "0;    3;    0;     40;    1; 1; t.reviews: 0 vs 3 pages, 0 vs 40 rows",
    })
    void tablesThatDifferBeyondTheToleranceAreNamed(long bp, long cp, long br, long cr, int bi, int ci, String line) {
        List<String> d = DataCheck.differences(List.of(new TableData("t.reviews", bp, br, bi, true)),
                List.of(new TableData("t.reviews", cp, cr, ci, true)), DataCheck.TOLERANCE);
        if (line.equals("NONE")) assertThat(d).isEmpty();
        else assertThat(d).containsExactly(line);
    }

    @Test
    void tablesOnOneSideOnlyAndMissingStatisticsAreNamedInTheWarning() {
        List<TableData> base = List.of(new TableData("t.a", 10, 100, 1, true), new TableData("t.old", 1, 1, 0, true));
        List<TableData> candidate = List.of(new TableData("t.a", 10, 100, 1, false), new TableData("t.new", 1, 1, 0, true));
        assertThat(DataCheck.warning(base, candidate)).isEqualTo("the sides' databases differ: t.a: planner statistics "
                + "gathered on the base side only; t.new: only in the candidate's database; t.old: only in the base's "
                + "database: the comparison measures the data too");
        assertThat(DataCheck.warning(base, base)).isNull();
    }
}
