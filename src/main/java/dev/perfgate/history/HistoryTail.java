package dev.perfgate.history;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * What an append must write before its line so that the line starts on a line of its own. Reads only the end of
 * the file: the last byte, and the last line only when it is unterminated (after a crash), so appending stays
 * O(1) in the history's length.
 */
final class HistoryTail {

    private static final byte[] NOTHING = {};
    private static final byte[] NEWLINE = {'\n'};
    private static final byte[] CLOSE_TORN = (HistoryFile.TORN_MARK + "\n").getBytes(StandardCharsets.UTF_8);
    private static final int CHUNK_BYTES = 1 << 16;

    private HistoryTail() {
    }

    /**
     * Nothing after a complete line; a line break after an unterminated line that is blank or nevertheless a valid
     * run (written by another tool or by hand); the torn mark and a line break after a torn line.
     */
    static byte[] separator(FileChannel in, long size) throws IOException {
        if (size == 0 || lastByte(in, size) == '\n') return NOTHING;
        byte[] tail = lastLine(in, size);
        boolean complete = tail != null && (isBlank(tail) || HistoryLines.isValid(tail));
        return complete ? NEWLINE : CLOSE_TORN;
    }

    private static boolean isBlank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') return false;
        }
        return true;
    }

    private static byte lastByte(FileChannel in, long size) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        readFully(in, one, size - 1);
        return one.get(0);
    }

    /** The bytes after the last {@code \n}; {@code null} when they are more than a line can be. */
    private static byte[] lastLine(FileChannel in, long size) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES);
        long start = size;
        while (start > 0) {
            if (size - start > HistoryLines.MAX_LINE_BYTES) return null;
            int n = (int) Math.min(CHUNK_BYTES, start);
            chunk.clear().limit(n);
            readFully(in, chunk, start - n);
            int newline = n - 1;
            while (newline >= 0 && chunk.get(newline) != '\n') newline--;
            if (newline >= 0) {
                start = start - n + newline + 1;
                break;
            }
            start -= n;
        }
        if (size - start > HistoryLines.MAX_LINE_BYTES) return null;
        ByteBuffer line = ByteBuffer.allocate((int) (size - start));
        readFully(in, line, start);
        return line.array();
    }

    private static void readFully(FileChannel in, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = in.read(buffer, at);
            if (n < 0) throw new EOFException("the history file shrank while appending");
            at += n;
        }
    }
}
