package dev.perfgate.history;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.results.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Choosing the history store by location, and a PostgreSQL history whose server is down (no server needed). */
class HistoryStoreTest {

    private final List<String> warnings = new ArrayList<>();

    @Test
    void aServerThatIsDownIsOneClearLineWithoutThePassword() {
        HistoryStore down = HistoryStore.open("jdbc:postgresql://127.0.0.1:1/x?user=u&password=sekrit");
        for (Runnable r : List.<Runnable>of(() -> down.append(HistoryEntry.unchecked(Fixtures.minimalRun())),
                () -> down.forEach(e -> { }, warnings::add))) {
            PerfgateException e = catchThrowableOfType(PerfgateException.class, r::run);
            assertThat(e.getMessage()).startsWith("cannot reach the history database jdbc:postgresql://127.0.0.1:1/x: ")
                    .doesNotContain("sekrit", "\n");
            assertThat(e.exitCode()).isEqualTo(2);
        }
    }

    @Test
    void locationsChooseTheStore() {
        assertThat(HistoryStore.open("perfgate-out/history.jsonl")).isInstanceOf(HistoryFile.class);
        assertThat(HistoryStore.open("jdbc:postgresql://localhost/perf")).isInstanceOf(HistoryPostgres.class)
                .extracting(HistoryStore::description).isEqualTo("jdbc:postgresql://localhost/perf");
        assertThat(HistoryStore.open("jdbc:postgresql://localhost/perf?password=sekrit").description())
                .isEqualTo("jdbc:postgresql://localhost/perf");
        assertThat(catchThrowableOfType(PerfgateException.class, () -> HistoryStore.open("jdbc:mysql://h/db?password=p"))
                .getMessage()).isEqualTo("history location jdbc:mysql://h/db is not supported: give a file path or "
                + "jdbc:postgresql://HOST[:PORT]/DATABASE");
        assertThat(catchThrowableOfType(PerfgateException.class, () -> HistoryStore.open(" ")).getMessage())
                .startsWith("no history location given");
    }
}
