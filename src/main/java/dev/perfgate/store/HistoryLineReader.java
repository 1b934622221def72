package dev.perfgate.store;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Splits the first {@code limit} bytes of a channel into lines, as bytes (the JSON parser decodes UTF-8 faster
 * than a {@code Reader} would). Memory: one read buffer and the longest line so far, up to {@code maxLine} bytes;
 * a longer line is reported as {@link #tooLong()} and its bytes are dropped.
 */
final class HistoryLineReader {

    private static final int CHUNK_BYTES = 1 << 16;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final ReadableByteChannel in;
    private final int maxLine;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).flip();
    private long unread;
    private byte[] line = new byte[CHUNK_BYTES];
    private int length;
    private boolean terminated;
    private boolean tooLong;
    private long number;

    HistoryLineReader(ReadableByteChannel in, long limit, int maxLine) {
        this.in = in;
        this.unread = limit;
        this.maxLine = maxLine;
    }

    /** Moves to the next line; false at the end. The line's bytes are valid until the next call. */
    boolean next() throws IOException {
        length = 0;
        terminated = false;
        tooLong = false;
        boolean started = false;
        while (true) {
            if (!chunk.hasRemaining() && !fill()) {
                if (started) number++;
                return started;
            }
            started = true;
            byte[] bytes = chunk.array();
            int start = chunk.position();
            int end = chunk.limit();
            int i = indexOfNewline(bytes, start, end);
            add(bytes, start, i - start);
            if (i < end) {
                chunk.position(i + 1);
                terminated = true;
                number++;
                return true;
            }
            chunk.position(end);
        }
    }

    /** The line's bytes, without its {@code \n}; only the first {@link #length()} count. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return length;
    }

    /** False only for the last line, when the input does not end with {@code \n}. */
    boolean terminated() {
        return terminated;
    }

    /** True when the line was longer than {@code maxLine}; {@link #length()} is then 0. */
    boolean tooLong() {
        return tooLong;
    }

    /** The line's number, counting from 1. */
    long number() {
        return number;
    }

    /** True when the line holds only spaces, tabs and carriage returns. */
    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') return false;
        }
        return !tooLong;
    }

    /** True when the line ends with {@code suffix} (ignoring a final carriage return). */
    boolean endsWith(byte[] suffix) {
        int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
        return end >= suffix.length && Arrays.equals(line, end - suffix.length, end, suffix, 0, suffix.length);
    }

    /**
     * The index of the first {@code \n} in {@code bytes[from, to)}, or {@code to}. Eight bytes at a time: a 10,000-run
     * history is 770 MB, and a byte loop costs half a second of it. The test is the classic "has a zero byte"
     * (Hacker's Delight 6-1) on the word XOR newlines; its lowest flagged byte is always a true match.
     */
    static int indexOfNewline(byte[] bytes, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(bytes, i) ^ NEWLINES;
            long found = (word - ONES) & ~word & HIGH_BITS;
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
        }
        while (i < to && bytes[i] != '\n') i++;
        return i;
    }

    private void add(byte[] bytes, int from, int count) {
        if (tooLong || count == 0) return;
        if ((long) length + count > maxLine) {
            tooLong = true;
            length = 0;
            return;
        }
        if (length + count > line.length) line = Arrays.copyOf(line, Math.min(maxLine, Math.max(line.length * 2,
                length + count)));
        System.arraycopy(bytes, from, line, length, count);
        length += count;
    }

    private boolean fill() throws IOException {
        if (unread <= 0) return false;
        chunk.clear();
        if (unread < chunk.capacity()) chunk.limit((int) unread);
        int n;
        do {
            n = in.read(chunk);
        } while (n == 0);
        chunk.flip();
        if (n < 0) {
            unread = 0; // the file shrank under us: what was read is all there is
            return false;
        }
        unread -= n;
        return true;
    }
}
