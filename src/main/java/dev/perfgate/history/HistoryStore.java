package dev.perfgate.history;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.HistoryEntry;
import dev.perfgate.postgres.ExternalServer;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A {@code HistoryStore} keeps every checked run, oldest first: a JSON-lines file ({@link HistoryFile}, the
 * default) or PostgreSQL tables ({@link HistoryPostgres}, for teams with several runners). Both keep the same
 * content, one {@code perfgate-results/1} document per run plus the check's verdicts. Failures are
 * {@link PerfgateException}s naming the store; a failed append leaves the stored runs as they were.
 */
public interface HistoryStore {

    /** Stores one run; when this returns, the run is durable (synced to disk, or committed). */
    void append(HistoryEntry entry);

    /**
     * Streams every stored run to {@code action}, oldest first, on the caller's thread, holding a few runs in memory
     * at a time.
     *
     * @param warnings receives problems that do not stop the read, e.g. a torn last line that was skipped; one
     *                 line each, for the caller to show
     */
    default void forEach(Consumer<HistoryEntry> action, Consumer<String> warnings) {
        forEach(Function.identity(), action, warnings);
    }

    /**
     * Like {@link #forEach(Consumer, Consumer)}, with each run first reduced by {@code map} on the reading threads:
     * lines are decoded in parallel, so a reduction there (e.g. {@link HistoryRows}: samples to medians) costs the
     * caller's thread nothing. {@code map} must be thread-safe; {@code action} still sees the results in order.
     */
    <T> void forEach(Function<HistoryEntry, T> map, Consumer<T> action, Consumer<String> warnings);

    /** Where the history is, for messages; never contains a password. */
    String description();

    /**
     * Refuses, with one line, a history that could not take a run: checked before a run starts, so a run of
     * several minutes does not end with "cannot append".
     */
    void requireWritable();

    /**
     * The store at {@code location}: a {@code jdbc:postgresql://HOST[:PORT]/DATABASE} URL or a file path. Nothing
     * is opened yet: an unreachable server or an unwritable file is reported by the first read or append.
     */
    static HistoryStore open(String given) {
        String location = given == null ? null : ExternalServer.jdbcUrl(given);
        if (location == null || location.isBlank()) {
            throw new PerfgateException("no history location given: give a file such as perfgate-history.jsonl "
                    + "or a URL jdbc:postgresql://HOST[:PORT]/DATABASE");
        }
        if (location.startsWith(HistoryPostgres.URL_PREFIX)) return HistoryPostgres.of(location);
        if (location.startsWith("jdbc:") || location.contains("://")) {
            throw new PerfgateException("history location " + ExternalServer.redact(location) + " is not supported: "
                    + "give a file path or jdbc:postgresql://HOST[:PORT]/DATABASE");
        }
        try {
            return new HistoryFile(Path.of(location));
        } catch (InvalidPathException e) {
            throw new PerfgateException("history location " + location + " is not a valid file path: "
                    + e.getReason() + "; give a file such as perfgate-history.jsonl", e);
        }
    }
}
