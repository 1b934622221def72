package dev.perfgate.history;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.AnchorCheck;
import dev.perfgate.model.ChangeEstimate;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.results.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The history line's optional drift fields: written only when there is something to say, read by both readers. */
class DriftLinesTest {

    private static HistoryEntry drifted() {
        return drifted(Fixtures.fullRun());
    }

    private static HistoryEntry drifted(dev.perfgate.model.RunResult run) {
        Map<String, ChangeEstimate> changes = new LinkedHashMap<>();
        changes.put("single_row_update", new ChangeEstimate(0.132, 0.109, 0.156));
        changes.put("no_interval", new ChangeEstimate(-0.02, Double.NaN, Double.NaN));
        return new HistoryEntry(run, "fail", Map.of("single_row_update", "regression"), changes,
                new AnchorCheck("a1b2c3d4", Instant.parse("2026-11-02T10:00:00Z"), "release 1.4", 0.1));
    }

    /** Seals the two optional keys: the drift ledger of other tools reads them. */
    @Test
    void theCheckBlockCarriesTheChangesAndTheAnchor() {
        assertThat(HistoryLines.encode(drifted())).endsWith("\"check\":{\"verdict\":\"fail\",\"benchmarks\":"
                + "{\"single_row_update\":\"regression\"},\"changes\":{\"single_row_update\":{\"change\":0.132,"
                + "\"low\":0.109,\"high\":0.156},\"no_interval\":{\"change\":-0.02}},\"anchor\":{\"commit\":\"a1b2c3d4\","
                + "\"accepted_at\":\"2026-11-02T10:00:00Z\",\"reason\":\"release 1.4\",\"budget\":0.1}}}");
        assertThat(HistoryLines.encode(new HistoryEntry(Fixtures.minimalRun(), "pass", Map.of("only", "ok"))))
                .as("older lines are unchanged").endsWith("\"check\":{\"verdict\":\"pass\",\"benchmarks\":{\"only\":\"ok\"}}}");
    }

    @Test
    void bothReadersReadThemBack() {
        // a run the streaming reader takes (the full fixture holds a legacy summary, which it leaves to the other)
        HistoryEntry entry = drifted(HistoryTestRuns.run("tviews", "abc", 3, 5, 1));
        byte[] line = HistoryLines.encode(entry).getBytes(StandardCharsets.UTF_8);
        HistoryEntry fast = HistoryFastDecoder.decode(line, line.length);
        assertThat(fast).isNotNull().isEqualTo(HistoryLines.decodeValidated(line)).isEqualTo(entry);
        assertThat(fast.anchor()).isEqualTo(drifted().anchor());
        assertThat(fast.changes().get("single_row_update")).isEqualTo(new ChangeEstimate(0.132, 0.109, 0.156));
        assertThat(fast.changes().get("no_interval").low()).isNaN();
    }

    @Test
    void aBadDriftFieldIsNamed() {
        String line = HistoryLines.encode(drifted()).replace("\"budget\":0.1", "\"budget\":\"ten\"");
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> HistoryLines.decode(bytes, bytes.length, "h.jsonl:3", "fix or delete that line"))
                .isInstanceOf(PerfgateException.class).hasMessageContaining("h.jsonl:3")
                .hasMessageContaining("budget");
    }
}
