package dev.perfgate.analysis;

import dev.perfgate.model.AnchorCheck;
import dev.perfgate.model.ChangeEstimate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Composing changes on the log scale, and the ledger's rows and spenders, on hand-computed numbers. */
class DriftLedgerTest {

    private static final AnchorCheck ANCHOR = new AnchorCheck("a0", Instant.parse("2026-11-01T00:00:00Z"), "r", 0.10);

    @Test
    void changesInARowMultiplyAndIndependentHalfWidthsAddInQuadrature() {
        // ln 1.079 = 0.07603, ln 1.03 = 0.02956: sum 0.10559, exp - 1 = 0.11137
        ChangeEstimate drift = new ChangeEstimate(0.079, Math.expm1(Math.log1p(0.079) - 0.03),
                Math.expm1(Math.log1p(0.079) + 0.03));
        ChangeEstimate change = new ChangeEstimate(0.03, Math.expm1(Math.log1p(0.03) - 0.04),
                Math.expm1(Math.log1p(0.03) + 0.04));
        ChangeEstimate total = DriftBudget.compose(drift, change);
        assertThat(total.change()).isCloseTo(0.11137, within(1e-5));
        assertThat(total.logHalfWidth()).as("sqrt(0.03^2 + 0.04^2) = 0.05").isCloseTo(0.05, within(1e-12));
        assertThat(DriftBudget.compose(drift, new ChangeEstimate(0.03, Double.NaN, Double.NaN)).low()).isNaN();
    }

    @Test
    void standingAgainstTheBudget() {
        assertThat(DriftBudget.Standing.of(0.04, 0.10)).isEqualTo(DriftBudget.Standing.WITHIN);
        assertThat(DriftBudget.Standing.of(0.07, 0.10)).isEqualTo(DriftBudget.Standing.NEAR);
        assertThat(DriftBudget.Standing.of(0.13, 0.10)).isEqualTo(DriftBudget.Standing.OVER);
    }

    private static ChangeEstimate c(double change) {
        return new ChangeEstimate(change, change - 0.02, change + 0.02);
    }

    private static DriftLedger.CommitRun commit(String id, int day, double a) {
        return new DriftLedger.CommitRun(id, "parent-of-" + id, Instant.parse("2026-11-0" + day + "T12:00:00Z"),
                Map.of("a", c(a), "b", c(0.0)));
    }

    @Test
    void theLedgerFollowsTheBenchmarkThatDriftedMostAndNamesTheCommitsThatSpentIt() {
        List<DriftLedger.AnchorRun> anchors = List.of(
                new DriftLedger.AnchorRun("c1", Instant.parse("2026-11-02T12:00:00Z"), ANCHOR, Map.of("a", c(0.041), "b", c(0.01))),
                new DriftLedger.AnchorRun("c2", Instant.parse("2026-11-03T12:00:00Z"), ANCHOR, Map.of("a", c(0.051), "b", c(0.0))),
                new DriftLedger.AnchorRun("c3", Instant.parse("2026-11-04T12:00:00Z"), ANCHOR, Map.of("a", c(0.092), "b", c(0.0))),
                new DriftLedger.AnchorRun("c4", Instant.parse("2026-11-05T12:00:00Z"), ANCHOR, Map.of("a", c(0.132), "b", c(0.02))));
        List<DriftLedger.CommitRun> commits = List.of(
                new DriftLedger.CommitRun("old", "x", Instant.parse("2026-10-30T12:00:00Z"), Map.of("a", c(0.5))),
                commit("c1", 2, 0.04), commit("c2", 3, 0.01), commit("c3", 4, 0.04), commit("c4", 5, 0.038));

        DriftLedger.Ledger ledger = DriftLedger.of(anchors, commits, null);

        assertThat(ledger.benchmark()).isEqualTo("a");
        assertThat(ledger.rows()).extracting(DriftLedger.Row::standing).containsExactly(DriftBudget.Standing.WITHIN,
                DriftBudget.Standing.NEAR, DriftBudget.Standing.NEAR, DriftBudget.Standing.OVER);
        // largest first until 80 % of ln 1.132 = 0.0992 is covered: ln 1.04 + ln 1.04 + ln 1.038 = 0.1157;
        // the commit before the anchor was accepted ("old") does not count
        assertThat(ledger.spenders()).extracting(DriftLedger.Spender::commit).containsExactly("c1", "c3", "c4");
        assertThat(ledger.spent()).isCloseTo(1.04 * 1.04 * 1.038 - 1, within(1e-12));
        assertThat(DriftLedger.of(anchors, commits, "b").benchmark()).isEqualTo("b");
        assertThat(DriftLedger.of(List.of(), commits, null)).isNull();
    }

    @Test
    void onlyTheLatestAnchorsChecksAreRows() {
        AnchorCheck older = new AnchorCheck("a-old", null, null, 0.10);
        List<DriftLedger.AnchorRun> anchors = List.of(
                new DriftLedger.AnchorRun("c1", null, older, Map.of("a", c(0.2))),
                new DriftLedger.AnchorRun("c2", null, ANCHOR, Map.of("a", c(0.01))));
        DriftLedger.Ledger ledger = DriftLedger.of(anchors, List.of(), null);
        assertThat(ledger.rows()).extracting(DriftLedger.Row::commit).containsExactly("c2");
        assertThat(ledger.spenders()).isEmpty();
    }
}
