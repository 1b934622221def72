package dev.perfgate.history;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Decodes history lines on worker threads while the caller reads the next ones, and hands the results over on
 * the caller's thread, in order: parsing is most of a read's time, and the machines perfgate runs on have 2 or
 * more cores. At most {@link #MAX_TASKS} lines and {@link #MAX_BYTES} bytes are in flight, so memory stays
 * bounded. A task's exception reaches the caller at that task's turn, after everything before it.
 */
final class HistoryPipeline implements AutoCloseable {

    static final int MAX_TASKS = 16;
    static final long MAX_BYTES = 64L * 1024 * 1024;

    private record Task(Future<Runnable> result, long bytes) {
    }

    private final ExecutorService workers;
    private final ArrayDeque<Task> inFlight = new ArrayDeque<>();
    private long bytesInFlight;

    HistoryPipeline() {
        int threads = Runtime.getRuntime().availableProcessors();
        workers = threads < 2 ? null : Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "perfgate-history-reader");
            t.setDaemon(true); // never keeps the JVM alive
            return t;
        });
    }

    /**
     * Queues {@code decode}, whose result runs on the caller's thread after the results of every earlier task.
     *
     * @param bytes the size of the task's input, for the memory bound
     */
    void submit(Callable<Runnable> decode, long bytes) {
        if (workers == null) {
            deliver(decode);
            return;
        }
        while (!inFlight.isEmpty() && (inFlight.size() >= MAX_TASKS || bytesInFlight + bytes > MAX_BYTES)) {
            deliverOldest();
        }
        inFlight.add(new Task(workers.submit(decode), bytes));
        bytesInFlight += bytes;
    }

    /** Delivers every result still in flight. */
    void finish() {
        while (!inFlight.isEmpty()) deliverOldest();
    }

    private void deliverOldest() {
        Task task = inFlight.poll();
        bytesInFlight -= task.bytes();
        Runnable result;
        try {
            result = task.result().get();
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the history", e);
        }
        result.run();
    }

    private static void deliver(Callable<Runnable> decode) {
        try {
            decode.call().run();
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException e) throw e;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t); // decoders throw no checked exceptions
    }

    /** Stops the workers; results not yet delivered are dropped (the caller is failing or done). */
    @Override
    public void close() {
        if (workers != null) workers.shutdownNow();
    }
}
