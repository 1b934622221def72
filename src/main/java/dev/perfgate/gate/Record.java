package dev.perfgate.gate;

import dev.perfgate.history.HistoryStore;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.results.ResultsJson;

import java.nio.file.Path;

/**
 * {@code Record} is the use case of {@code perfgate history append}: a results file added to the history without
 * a verdict (e.g. a run merged from shards with no baseline to compare with).
 */
public final class Record {

    private final Listener listener;

    public Record(Listener listener) {
        this.listener = listener;
    }

    public void run(Path results, String history) {
        HistoryStore store = HistoryStore.open(history);
        store.append(HistoryEntry.unchecked(ResultsJson.read(results)));
        listener.print(results + " appended to history " + store.description() + "\n");
    }
}
