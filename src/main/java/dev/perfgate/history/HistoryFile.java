package dev.perfgate.history;

import dev.perfgate.io.AtomicFiles;
import dev.perfgate.io.Outputs;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.HistoryEntry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The default history store: a JSON-lines file, one {@link HistoryLines history line} per run, oldest first.
 *
 * <p>Appending writes the whole line with one write, under an exclusive lock on the file, then syncs it: concurrent
 * appenders (other processes, or threads of this one) never interleave, and a run is on disk when
 * {@link #append} returns. It never reads the history, so it costs the same for 10 runs or 100,000.
 *
 * <p>A crash mid-write leaves a torn last line (no {@code \n}). Readers skip it with a warning. The next append
 * ends it with {@link #TORN_MARK} before writing its own line, so the torn line stays recognisable (and skipped)
 * in the middle of the file; a line that is broken in any other way is an error naming the line.
 */
public final class HistoryFile implements HistoryStore {

    /** Ends a torn line that a later append had to close; nothing perfgate writes ends like this otherwise. */
    static final String TORN_MARK = " <- torn: a write cut short by a crash; perfgate skips this line";

    private static final byte[] TORN_MARK_BYTES = TORN_MARK.getBytes(StandardCharsets.UTF_8);

    // FileChannel.lock is held by the whole JVM: a second overlapping lock from another thread fails instead of
    // waiting, and closing any channel of the file may drop the JVM's lock. So threads take this lock first.
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path file;

    public HistoryFile(Path file) {
        this.file = file;
    }

    @Override
    public String description() {
        return file.toString();
    }

    @Override
    public void requireWritable() {
        Outputs.requireWritableFile(file, "--history");
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new PerfgateException("--history " + file + " cannot be written (permission denied or read-only): "
                    + "fix its permissions or give another history");
        }
    }

    @Override
    public void append(HistoryEntry entry) {
        byte[] line = (HistoryLines.encode(entry) + "\n").getBytes(StandardCharsets.UTF_8); // may refuse the run
        Path target = file.toAbsolutePath().normalize();
        try {
            refuseDirectory(target);
            Files.createDirectories(target.getParent());
            ReentrantLock jvmLock = jvmLock(target);
            jvmLock.lock();
            try {
                appendLocked(target, line);
            } finally {
                jvmLock.unlock();
            }
        } catch (IOException e) {
            throw new PerfgateException("cannot append to the history " + file + ": "
                    + AtomicFiles.describe(e, target, null) + "; the runs already in it are unchanged", e);
        }
    }

    // The lock is released before the channels close: closing a channel of a file this JVM has locked can release
    // the lock (POSIX semantics), and the write must be over by then.
    private static void appendLocked(Path target, byte[] line) throws IOException {
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
             FileChannel in = FileChannel.open(target, StandardOpenOption.READ)) {
            FileLock lock = out.lock();
            try {
                long size = out.size();
                byte[] prefix = HistoryTail.separator(in, size);
                write(out, ByteBuffer.allocate(prefix.length + line.length).put(prefix).put(line).flip(), size);
            } finally {
                lock.release();
            }
        }
    }

    private static void write(FileChannel out, ByteBuffer bytes, long sizeBefore) throws IOException {
        try {
            while (bytes.hasRemaining()) out.write(bytes);
            out.force(true);
        } catch (IOException e) {
            rollBack(out, sizeBefore);
            throw e;
        }
    }

    // A failed write (disk full) may have written part of the line: cut it off, so the file is as it was.
    private static void rollBack(FileChannel out, long size) {
        try {
            out.truncate(size);
            out.force(true);
        } catch (IOException ignored) {
            // the part is a torn last line, which readers skip and the next append closes
        }
    }

    @Override
    public <T> void forEach(Function<HistoryEntry, T> map, Consumer<T> action, Consumer<String> warnings) {
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) throw isDirectory();
        if (!Files.exists(target)) {
            warnings.accept("no history at " + file + " yet: no run has been recorded there");
            return;
        }
        ReentrantLock jvmLock = jvmLock(target);
        FileChannel in = null;
        try {
            in = FileChannel.open(target, StandardOpenOption.READ);
            read(new HistoryLineReader(in, completeSize(in, jvmLock), HistoryLines.MAX_LINE_BYTES), map, action,
                    warnings);
        } catch (IOException e) {
            throw new PerfgateException("cannot read the history " + file + ": " + AtomicFiles.describe(e, target,
                    null), e);
        } finally {
            closeUnder(jvmLock, in);
        }
    }

    // Lines are decoded in parallel (HistoryPipeline); results, warnings and errors still arrive in file order.
    private <T> void read(HistoryLineReader lines, Function<HistoryEntry, T> map, Consumer<T> action,
                          Consumer<String> warnings) throws IOException {
        try (HistoryPipeline pipeline = new HistoryPipeline()) {
            while (lines.next()) {
                if (lines.isBlank()) continue;
                String place = file + ":" + lines.number();
                if (lines.endsWith(TORN_MARK_BYTES)) {
                    pipeline.submit(() -> () -> warnings.accept(place + ": skipped a run whose write was cut short "
                            + "by a crash; delete that line to silence this warning"), 0);
                    continue;
                }
                byte[] line = lines.tooLong() ? null : lines.copy();
                boolean last = !lines.terminated();
                pipeline.submit(() -> decode(line, place, last, map, action, warnings), lines.length());
            }
            pipeline.finish();
        }
    }

    /** What to do with one line: deliver its (mapped) run, or warn about a torn last line; a bad line is an error. */
    private static <T> Runnable decode(byte[] line, String place, boolean unterminated, Function<HistoryEntry, T> map,
                                       Consumer<T> action, Consumer<String> warnings) {
        HistoryEntry entry;
        try {
            if (line == null) {
                throw new PerfgateException(place + ": longer than " + HistoryLines.MAX_LINE_BYTES
                        + " bytes, not a history line; fix or delete that line: the other runs are intact");
            }
            entry = HistoryLines.decode(line, line.length, place, "fix or delete that line");
        } catch (PerfgateException e) {
            if (!unterminated) throw e;
            return () -> warnings.accept(place + ": skipped the last line: it is incomplete, a write cut short by a "
                    + "crash or still in progress; the next append starts a new line");
        }
        T result = map.apply(entry);
        return () -> action.accept(result);
    }

    // Appenders hold the exclusive lock until their line is written and synced, so under a shared lock the size
    // covers complete lines only: a run being appended right now is not mistaken for a torn one.
    private static long completeSize(FileChannel in, ReentrantLock jvmLock) throws IOException {
        jvmLock.lock();
        try {
            FileLock shared;
            try {
                shared = in.lock(0, Long.MAX_VALUE, true);
            } catch (IOException noLocks) {
                return in.size(); // e.g. a file system without locks: a run in flight then shows as a torn last line
            }
            try {
                return in.size();
            } finally {
                shared.release();
            }
        } finally {
            jvmLock.unlock();
        }
    }

    private static void closeUnder(ReentrantLock jvmLock, FileChannel in) {
        if (in == null) return;
        jvmLock.lock();
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing was written through it
        } finally {
            jvmLock.unlock();
        }
    }

    private void refuseDirectory(Path target) {
        if (Files.isDirectory(target)) throw isDirectory();
    }

    private PerfgateException isDirectory() {
        return new PerfgateException("the history " + file + " is a directory; give a file such as "
                + file.resolve("history.jsonl"));
    }

    // Keyed by the real directory, so two spellings of one file share a lock (a symlink to the file itself does not).
    private static ReentrantLock jvmLock(Path target) {
        Path key = target;
        try {
            key = target.getParent().toRealPath().resolve(target.getFileName());
        } catch (IOException e) {
            // the directory is gone or unreadable: the operation on the file will report it
        }
        return JVM_LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
    }
}
