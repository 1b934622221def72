package dev.perfgate.history;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Splitting the history into lines: ends, limits, and the word-at-a-time newline search. */
class HistoryLineReaderTest {

    @Test
    void splitsLinesAndKnowsWhetherTheLastOneEnded() throws IOException {
        assertThat(lines("a\nbb\n\nccc", 100, 100)).containsExactly("1:a:ok", "2:bb:ok", "3::ok", "4:ccc:torn");
        assertThat(lines("a\n", 100, 100)).containsExactly("1:a:ok");
        assertThat(lines("", 100, 100)).isEmpty();
    }

    @Test
    void readsOnlyUpToTheLimit() throws IOException {
        assertThat(lines("a\nbb\ncc", 5, 100)).containsExactly("1:a:ok", "2:bb:ok");
        assertThat(lines("a\nbb\ncc", 3, 100)).containsExactly("1:a:ok", "2:b:torn");
    }

    @Test
    void aLineLongerThanTheLimitIsFlaggedAndDropped() throws IOException {
        assertThat(lines("short\n" + "x".repeat(200_000) + "\nafter", 10_000_000, 1000))
                .containsExactly("1:short:ok", "2:<too long>:ok", "3:after:torn");
    }

    /** Lines that cross the 1 MB read buffer are put together whole. */
    @Test
    void linesSpanningReadsArriveWhole() throws IOException {
        String a = "a".repeat(700_000);
        String b = "b".repeat(2_500_000);
        assertThat(lines(a + "\n" + b + "\n" + a + "\n" + "x".repeat(3_000_000) + "\nc", 20_000_000, 2_600_000))
                .containsExactly("1:" + a + ":ok", "2:" + b + ":ok", "3:" + a + ":ok", "4:<too long>:ok", "5:c:torn");
    }

    /** The word-at-a-time search against the obvious loop, on every offset and many random arrays. */
    @Test
    void newlineSearchMatchesTheByteLoop() {
        Random random = new Random(11);
        for (int round = 0; round < 5_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                // newlines, their neighbours 0x09/0x0B, zero, 0x80+ (sign bits) and plain text
                byte[] pool = {'\n', 0x09, 0x0B, 0, (byte) 0x8A, (byte) 0xFF, 'a', '{'};
                bytes[i] = random.nextInt(6) == 0 ? pool[random.nextInt(pool.length)] : pool[4 + random.nextInt(4)];
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = from;
            while (expected < to && bytes[expected] != '\n') expected++;
            assertThat(HistoryLineReader.indexOfNewline(bytes, from, to)).isEqualTo(expected);
        }
    }

    private static List<String> lines(String text, long limit, int maxLine) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        HistoryLineReader reader = new HistoryLineReader(Channels.newChannel(new ByteArrayInputStream(bytes)), limit,
                maxLine);
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            String content = reader.tooLong() ? "<too long>"
                    : new String(reader.copy(), StandardCharsets.UTF_8);
            lines.add(reader.number() + ":" + content + ":" + (reader.terminated() ? "ok" : "torn"));
        }
        return lines;
    }
}
