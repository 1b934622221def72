package dev.perfgate.history;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * Splits the first {@code limit} bytes of a channel into lines, as bytes (the JSON parser decodes UTF-8 faster
 * than a {@code Reader} would). Memory: a 1 MB read buffer, and the longest line that spanned two reads, up to
 * {@code maxLine} bytes; a longer line is reported as {@link #tooLong()} and its bytes are dropped.
 */
final class HistoryLineReader {

    private static final int CHUNK_BYTES = 1 << 20; // a 10,000-run history's lines are ~77 KB: most fit in one
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGH_BITS = 0x8080808080808080L;

    private final ReadableByteChannel in;
    private final int maxLine;
    private final ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).flip();
    private long unread;
    private byte[] spanned = new byte[1 << 16]; // a line that crossed reads is put together here
    private byte[] bytes; // the current line: bytes[offset, offset + length), in chunk or in spanned
    private int offset;
    private int length;
    private boolean terminated;
    private boolean tooLong;
    private long number;

    HistoryLineReader(ReadableByteChannel in, long limit, int maxLine) {
        this.in = in;
        this.unread = limit;
        this.maxLine = maxLine;
    }

    /** Moves to the next line; false at the end. The line is valid until the next call. */
    boolean next() throws IOException {
        bytes = spanned;
        offset = 0;
        length = 0;
        terminated = false;
        tooLong = false;
        boolean started = false;
        while (true) {
            if (!chunk.hasRemaining() && !fill()) {
                if (started) number++;
                return started;
            }
            byte[] read = chunk.array();
            int start = chunk.position();
            int end = chunk.limit();
            int newline = indexOfNewline(read, start, end);
            if (!started && newline < end) { // the whole line is in the buffer: no copy
                bytes = read;
                offset = start;
                length = newline - start;
                tooLong = length > maxLine;
                if (tooLong) length = 0;
            } else {
                add(read, start, newline - start);
            }
            started = true;
            if (newline < end) {
                chunk.position(newline + 1);
                terminated = true;
                number++;
                return true;
            }
            chunk.position(end);
        }
    }

    /** A copy of the line's bytes, without its {@code \n}. */
    byte[] copy() {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    int length() {
        return length;
    }

    /** False only for the last line, when the input does not end with {@code \n}. */
    boolean terminated() {
        return terminated;
    }

    /** True when the line was longer than {@code maxLine}; it is then empty. */
    boolean tooLong() {
        return tooLong;
    }

    /** The line's number, counting from 1. */
    long number() {
        return number;
    }

    /** True when the line holds only spaces, tabs and carriage returns. */
    boolean isBlank() {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') return false;
        }
        return !tooLong;
    }

    /** True when the line ends with {@code suffix} (ignoring a final carriage return). */
    boolean endsWith(byte[] suffix) {
        int end = offset + length;
        if (length > 0 && bytes[end - 1] == '\r') end--;
        return end - offset >= suffix.length && Arrays.equals(bytes, end - suffix.length, end, suffix, 0,
                suffix.length);
    }

    /**
     * The index of the first {@code \n} in {@code bytes[from, to)}, or {@code to}. Eight bytes at a time: a 10,000-run
     * history is 770 MB. The test is the classic "has a zero byte" (Hacker's Delight 6-1) on the word XOR newlines;
     * its lowest flagged byte is always a true match.
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

    private void add(byte[] from, int start, int count) {
        if (tooLong || count == 0) return;
        if ((long) length + count > maxLine) {
            tooLong = true;
            length = 0;
            return;
        }
        if (length + count > spanned.length) {
            spanned = Arrays.copyOf(spanned, Math.min(maxLine, Math.max(spanned.length * 2, length + count)));
            bytes = spanned;
        }
        System.arraycopy(from, start, spanned, length, count);
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
