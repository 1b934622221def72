package dev.perfgate.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.PerfgateException;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link JmhImporter} on real JMH 1.37 output (see resources/imports/README.md) and on variants of it. */
class JmhImporterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JOIN = "dev.perfgate.jmhsample.JoinBench.join";
    private static final String HASH = "dev.perfgate.jmhsample.HashBench.hash";
    private final JmhImporter importer = new JmhImporter();

    @Test
    void avgtWithParamsThrptAndGcProfiler() {
        ImportResult result = importer.importFile(ImportSamples.path("jmh-gc.json"));
        ImportSamples.assertValid(result);
        RunResult run = result.run();
        assertThat(run.benchmarks()).extracting(BenchmarkResult::name).containsExactly(
                HASH, HASH + ":gc.alloc.rate.norm",
                JOIN + "[size=10]", JOIN + "[size=10]:gc.alloc.rate.norm",
                JOIN + "[size=100]", JOIN + "[size=100]:gc.alloc.rate.norm");
        BenchmarkResult hash = run.benchmark(HASH).orElseThrow();
        assertThat(hash.unit()).isEqualTo("ops/ms");
        assertThat(hash.direction()).isEqualTo(Direction.HIGHER);
        assertThat(hash.samples()).hasSize(6); // -f 2 -i 3: every iteration of both forks
        BenchmarkResult join = run.benchmark(JOIN + "[size=100]").orElseThrow();
        assertThat(join.unit()).isEqualTo("ns/op");
        assertThat(join.direction()).isEqualTo(Direction.LOWER);
        // rawData [[1825.128..., 1669.192..., 1552.202...], [1345.627..., 1511.473..., 846.390...]] in fork order
        assertThat(join.samples()).startsWith(1825.1280813260955, 1669.1929252567843, 1552.2027497442632,
                1345.6278483518659);
        BenchmarkResult alloc = run.benchmark(JOIN + "[size=100]:gc.alloc.rate.norm").orElseThrow();
        assertThat(alloc.unit()).isEqualTo("B/op");
        assertThat(alloc.direction()).isEqualTo(Direction.LOWER);
        assertThat(alloc.samples()).allSatisfy(v -> assertThat(v).isBetween(752.0, 752.1));
    }

    @Test
    void runLengthDependentSecondaryMetricsAreNamedInOneWarning() {
        List<String> warnings = importer.importFile(ImportSamples.path("jmh-gc.json")).warnings();
        assertThat(warnings).singleElement().asString()
                .contains("gc.alloc.rate (MB/sec)", "gc.count (counts)", "gc.time (ms)", "gc.alloc.rate.norm");
    }

    @Test
    void jvmAndJmhVersionsAreRecordedButNoFingerprint() {
        RunResult run = importer.importFile(ImportSamples.path("jmh-gc.json")).run();
        assertThat(run.suite()).isEqualTo("jmh");
        assertThat(run.environment().java()).isEqualTo("OpenJDK 64-Bit Server VM 17.0.15+6-Debian-1deb12u1");
        assertThat(run.environment().fingerprint()).isNull();
        assertThat(run.settings().iterations()).isEqualTo(3);
        assertThat(run.settings().warmup()).isEqualTo(2);
        assertThat(run.settings().extra()).containsEntry("jmh_version", "1.37").containsEntry("jmh_forks", 2)
                .containsEntry("jmh_jvm_args", List.of());
        assertThat(run.created()).isNotNull(); // the file's modification time: JMH writes no time
    }

    @Test
    void sampleModeExpandsHistogramsIntoEveryTimingDeterministically() {
        ImportResult result = importer.importFile(ImportSamples.path("jmh-sample-mode.json"));
        ImportSamples.assertValid(result);
        BenchmarkResult join = result.run().benchmark(JOIN + "[size=10]").orElseThrow();
        // the results file is the record: all 35,615 timings are kept; only the comparison thins
        assertThat(join.samples()).hasSize(35_615);
        assertThat(join.direction()).isEqualTo(Direction.LOWER);
        assertThat(result.warnings()).noneMatch(w -> w.contains("samples recorded"));
        // the p0.00 ... p1.00 secondary metrics are summaries of the same samples: not benchmarks of their own
        assertThat(result.run().benchmarks()).hasSize(2);
        assertThat(importer.importFile(ImportSamples.path("jmh-sample-mode.json")).run()).isEqualTo(result.run());
    }

    @Test
    void thinnedSampleKeepsTheHistogramsQuantiles() throws Exception {
        JsonNode join = MAPPER.readTree(ImportSamples.text("jmh-sample-mode.json")).get(1).get("primaryMetric");
        List<Double> all = new ArrayList<>();
        join.get("rawDataHistogram").forEach(fork -> fork.forEach(iteration -> iteration.forEach(bin -> {
            for (int i = 0; i < bin.get(1).asInt(); i++) all.add(bin.get(0).asDouble());
        })));
        Collections.sort(all);
        List<Double> kept = new ArrayList<>(importer.parse(ImportSamples.text("jmh-sample-mode.json"), "s.json")
                .run().benchmark(JOIN + "[size=10]").orElseThrow().samples());
        Collections.sort(kept);
        for (double q : new double[] {0.1, 0.5, 0.9, 0.99}) {
            // evenly spaced ranks keep the pooled quantiles; the sparse far tail to within a few 1-ns bins
            assertThat(kept.get((int) (q * kept.size()))).as("quantile %s", q)
                    .isCloseTo(all.get((int) (q * all.size())), org.assertj.core.data.Percentage.withPercentage(1));
        }
    }

    @Test
    void histogramValuesAreNotSortedWithinAnIteration() {
        List<Double> samples = importer.parse(ImportSamples.text("jmh-sample-mode.json"), "s.json").run()
                .benchmark(JOIN + "[size=10]").orElseThrow().samples();
        // sorted, every iteration would look like an upward drift; shuffled with a fixed seed it does not
        List<Double> firstIteration = samples.subList(0, 500);
        assertThat(firstIteration).isNotEqualTo(firstIteration.stream().sorted().toList());
    }

    @Test
    void olderFileWithOnlyScoresIsAClearError() {
        assertThatThrownBy(() -> importer.importFile(ImportSamples.path("jmh-no-rawdata.json")))
                .isInstanceOf(PerfgateException.class)
                .hasMessageContaining("jmh-no-rawdata.json")
                .hasMessageContaining("no benchmark has raw per-iteration data (rawData)")
                .hasMessageContaining("re-run with a JMH that writes rawData");
    }

    @Test
    void benchmarksWithoutRawDataAreSkippedWithAWarningWhenOthersAreUsable() throws Exception {
        ArrayNode root = (ArrayNode) MAPPER.readTree(ImportSamples.text("jmh-gc.json"));
        ((ObjectNode) root.get(0).get("primaryMetric")).remove("rawData");
        ImportResult result = importer.parse(root.toPrettyString(), "mixed.json");
        ImportSamples.assertValid(result);
        assertThat(result.run().benchmark(HASH)).isEmpty();
        assertThat(result.run().benchmarks()).hasSize(4);
        assertThat(result.warnings()).anyMatch(w -> w.contains("only a score") && w.contains(HASH));
    }

    @Test
    void oneMethodInTwoModesGetsTheModeInItsName() throws Exception {
        ArrayNode root = (ArrayNode) MAPPER.readTree(ImportSamples.text("jmh-gc.json"));
        ObjectNode avgt = root.get(0).deepCopy();
        avgt.put("mode", "avgt");
        ((ObjectNode) avgt.get("primaryMetric")).put("scoreUnit", "ms/op");
        root.add(avgt);
        RunResult run = importer.parse(root.toString(), "modes.json").run();
        assertThat(run.benchmark(HASH + " (thrpt)").orElseThrow().direction()).isEqualTo(Direction.HIGHER);
        assertThat(run.benchmark(HASH + " (avgt)").orElseThrow().direction()).isEqualTo(Direction.LOWER);
        assertThat(run.benchmark(HASH + " (avgt):gc.alloc.rate.norm")).isPresent();
    }

    @Test
    void olderMiddleDotSecondaryNamesAreReadToo() throws Exception {
        ArrayNode root = (ArrayNode) MAPPER.readTree(ImportSamples.text("jmh-gc.json"));
        ObjectNode secondary = (ObjectNode) root.get(0).get("secondaryMetrics");
        secondary.set("\u00b7gc.alloc.rate.norm", secondary.remove("gc.alloc.rate.norm"));
        assertThat(importer.parse(root.toString(), "dot.json").run().benchmark(HASH + ":gc.alloc.rate.norm"))
                .isPresent();
    }

    @Test
    void badSecondaryMetricIsLeftOutWithAWarning() throws Exception {
        ArrayNode root = (ArrayNode) MAPPER.readTree(ImportSamples.text("jmh-gc.json"));
        ObjectNode norm = (ObjectNode) root.get(0).get("secondaryMetrics").get("gc.alloc.rate.norm");
        ((ArrayNode) norm.get("rawData").get(0)).set(1, MAPPER.getNodeFactory().textNode("NaN"));
        ImportResult result = importer.parse(root.toPrettyString(), "nan.json");
        assertThat(result.run().benchmark(HASH + ":gc.alloc.rate.norm")).isEmpty();
        assertThat(result.warnings()).anyMatch(w -> w.startsWith("secondary metric gc.alloc.rate.norm not imported")
                && w.contains("value is NaN"));
    }

    @Test
    void aNaNInThePrimaryMetricIsAnErrorWithItsLine() throws Exception {
        ArrayNode root = (ArrayNode) MAPPER.readTree(ImportSamples.text("jmh-gc.json"));
        ((ArrayNode) root.get(2).get("primaryMetric").get("rawData").get(1)).set(2,
                MAPPER.getNodeFactory().textNode("NaN"));
        String text = root.toPrettyString();
        PerfgateException e = org.junit.jupiter.api.Assertions.assertThrows(PerfgateException.class,
                () -> importer.parse(text, "nan.json"));
        assertThat(e.getMessage()).matches("nan\\.json:\\d+: \\[2]\\.primaryMetric\\.rawData\\[1]\\[2]: value is NaN "
                + "\\(not a number\\); remove it or re-run the benchmark: a failed measurement cannot be compared");
        int line = Integer.parseInt(e.getMessage().split(":")[1]);
        assertThat(text.split("\n")[line - 1]).contains("\"NaN\"");
    }
}
