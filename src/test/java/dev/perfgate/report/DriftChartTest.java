package dev.perfgate.report;

import dev.perfgate.analysis.DriftLedger;
import dev.perfgate.model.AnchorCheck;
import dev.perfgate.model.ChangeEstimate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The drift ledger as text, chart and a section of the trend page. */
class DriftChartTest {

    private static DriftLedger.Ledger ledger() {
        AnchorCheck anchor = new AnchorCheck("a1b2c3d4e5", null, "release 1.4", 0.10);
        return DriftLedger.of(List.of(
                new DriftLedger.AnchorRun("c1aaaaaaaa", Instant.parse("2026-11-02T12:00:00Z"), anchor,
                        Map.of("bulk", new ChangeEstimate(0.035, 0.01, 0.06))),
                new DriftLedger.AnchorRun("c2bbbbbbbb", Instant.parse("2026-11-03T12:00:00Z"), anchor,
                        Map.of("bulk", new ChangeEstimate(0.132, 0.109, 0.156)))),
                List.of(new DriftLedger.CommitRun("c2bbbbbbbb", "c1aaaaaaaa", null,
                        Map.of("bulk", new ChangeEstimate(0.09, 0.07, 0.11))),
                        new DriftLedger.CommitRun("c1aaaaaaaa", "a1b2c3d4e5", null,
                                Map.of("bulk", new ChangeEstimate(0.035, 0.01, 0.06)))), null);
    }

    @Test
    void theLedgerReadsAsRowsAndTheCommitsThatSpentTheBudget() {
        // 1.09 x 1.035 = 1.1282: the two commits' own changes, composed, against the +13.2 % drift
        assertThat(DriftTables.render(ledger())).isEqualTo("""
                Drift of bulk since anchor a1b2c3d4 ('release 1.4'), budget 10%:
                date              commit     drift  interval          budget
                ------------------------------------------------------------
                2026-11-02 12:00  c1aaaaaa   +3.5%  [+1.0%, +6.0%]    within
                2026-11-03 12:00  c2bbbbbb  +13.2%  [+10.9%, +15.6%]  over
                2 commits account for +12.8% of +13.2%:
                  c2bbbbbb  +9.0% [+7.0%, +11.0%]
                  c1aaaaaa  +3.5% [+1.0%, +6.0%]
                """);
        assertThat(DriftTables.render(null)).startsWith("No drift checks in the history yet");
    }

    @Test
    void theTrendPageOpensWithTheDriftChartAndItsBudgetBand() {
        byte[] png = DriftChart.png(ledger());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        String html = TrendPage.html(List.of(), List.of(), "perfgate history", ledger(), png);
        assertThat(html).contains("<h2>Drift since the anchor", "budget 10% (red line; shaded: above half of it, "
                + "warns); latest +13.2% [+10.9%, +15.6%]", "2 commits account for +12.8% of +13.2%");
    }
}
