package dev.perfgate.model;

import dev.perfgate.PerfgateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardTest {

    /** Expected shards from Python's {@code zlib.crc32(name.encode()) % n + 1} (the same CRC-32 as java.util.zip). */
    @ParameterizedTest
    @CsvSource({
            "single_row_update,   3100721391, 2, 1, 4",
            "cascade_10_entities,  391714319, 2, 3, 4",
            "bulk_1k_rows,        1418326652, 1, 3, 1",
            "jsonb_ivm_speedup,    952628557, 2, 2, 2",
            "example_update,       971675712, 1, 1, 1",
    })
    void aBenchmarkLandsInTheShardOfItsNamesCrc32(String name, long crc, int of2, int of3, int of4) {
        assertThat(crc % 2 + 1).isEqualTo(of2);
        assertThat(shardOf(name, 2)).isEqualTo(of2);
        assertThat(shardOf(name, 3)).isEqualTo(of3);
        assertThat(shardOf(name, 4)).isEqualTo(of4);
    }

    @Test
    void everyNameIsInExactlyOneShard() {
        for (int count = 1; count <= 7; count++) {
            for (int i = 0; i < 200; i++) {
                String name = "bench_" + i;
                List<Integer> holders = new ArrayList<>();
                for (int index = 1; index <= count; index++) if (new Shard(index, count).holds(name)) holders.add(index);
                assertThat(holders).as(name + " in " + count).hasSize(1);
            }
        }
    }

    @Test
    void parsesIOfN() {
        assertThat(Shard.parse("2/4", "--shard")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 1 / 1 ", "--shard")).isEqualTo(new Shard(1, 1));
        assertThat(Shard.parse("2/4", "--shard")).hasToString("2/4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "2/", "/4", "a/b", "2/4/6", "-1/4", "1.5/4", "2 of 4"})
    void junkIsOneLineSayingHowToWriteIt(String text) {
        assertThatThrownBy(() -> Shard.parse(text, "--shard")).isInstanceOf(PerfgateException.class)
                .hasMessage("--shard " + text + ": write the shard as I/N, e.g. 2/4 for the second of four");
    }

    @ParameterizedTest
    @CsvSource({"0/4, 'shards count from 1, so give I from 1 to 4'", "5/4, 'shards count from 1, so give I from 1 to 4'",
            "1/0, the number of shards must be from 1 to 256", "0/0, the number of shards must be from 1 to 256",
            "1/257, the number of shards must be from 1 to 256"})
    void outOfRangeIsOneLine(String text, String why) {
        assertThatThrownBy(() -> Shard.parse(text, "--shard")).isInstanceOf(PerfgateException.class)
                .hasMessage("--shard " + text + ": " + why);
    }

    @Test
    void markRecordsTheShardInTheSettingsAndSelectKeepsItsBenchmarks() {
        RunResult run = new RunResult("s", null, null, null, new RunSettings(30, 5, false, java.util.Map.of("seed", 1)),
                List.of(bench("single_row_update"), bench("bulk_1k_rows"), bench("example_update")));
        RunResult marked = new Shard(1, 2).mark(run);
        assertThat(marked.settings().extra()).containsEntry("shard", "1/2").containsEntry("seed", 1);
        assertThat(new Shard(1, 2).select(run).benchmarks()).extracting(BenchmarkResult::name)
                .containsExactly("bulk_1k_rows", "example_update");
        assertThat(new Shard(1, 1).mark(new RunResult("s", null, null, null, null, List.of(bench("x")))).settings()
                .extra()).containsEntry("shard", "1/1");
    }

    private static int shardOf(String name, int count) {
        for (int index = 1; index <= count; index++) if (new Shard(index, count).holds(name)) return index;
        throw new AssertionError(name + " in no shard of " + count);
    }

    private static BenchmarkResult bench(String name) {
        return new BenchmarkResult(name, "ms", Direction.LOWER, List.of(1.0, 2.0));
    }
}
