package dev.perfgate.results;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated inputs for {@link ResultsJson#parse}: whatever comes in, the outcome is a RunResult or a one-line
 * {@link PerfgateException}, never another exception. A few hundred tries each keeps this under seconds.
 */
class ResultsJsonPropertiesTest {

    private static final String VALID = ResultsJson.toJson(Fixtures.fullRun());
    private static final String JSON_CHARS = "{}[]\":,.-+eE0123456789 \n\\tfnulNaI";

    @Property(tries = 300)
    void randomStrings(@ForAll String text) {
        parseOrFailCleanly(text);
    }

    @Property(tries = 300)
    void truncationsOfAValidFile(@ForAll("cuts") int cut) {
        parseOrFailCleanly(VALID.substring(0, cut));
    }

    @Property(tries = 400)
    void mutationsOfAValidFile(@ForAll("mutants") String mutant) {
        parseOrFailCleanly(mutant);
    }

    /** Any valid run, written and parsed again, is equal to itself: doubles survive in their shortest form. */
    @Property(tries = 200)
    void writtenRunsReadBackEqual(@ForAll("runs") RunResult run) {
        assertThat(ResultsJson.parse(ResultsJson.toJson(run), "generated")).isEqualTo(run);
    }

    private static void parseOrFailCleanly(String json) {
        try {
            RunResult run = ResultsJson.parse(json, "fuzz.json");
            // whatever was accepted is a run perfgate can write and read back unchanged
            assertThat(ResultsJson.parse(ResultsJson.toJson(run), "again.json")).isEqualTo(run);
        } catch (PerfgateException e) {
            assertThat(e.getMessage()).startsWith("fuzz.json").doesNotContain("\n");
        }
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, VALID.length() - 1);
    }

    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<Character> jsonish = Arbitraries.of(JSON_CHARS.chars().mapToObj(c -> (char) c).toList());
        Arbitrary<Character> anyChar = Arbitraries.chars();
        Arbitrary<Character> replacement = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, jsonish), net.jqwik.api.Tuple.of(1, anyChar));
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.integers().between(0, VALID.length() - 1), Arbitraries.integers().between(0, 2),
                replacement, Arbitraries.integers().between(1, 40)).as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(5).map(ms -> {
            StringBuilder text = new StringBuilder(VALID);
            ms.forEach(m -> m.apply(text));
            return text.toString();
        });
    }

    /** One edit at {@code at}: replace a character, delete a span, or insert a character. */
    private record Mutation(int at, int kind, char c, int span) {
        void apply(StringBuilder text) {
            int i = Math.min(at, text.length());
            switch (kind) {
                case 0 -> { if (i < text.length()) text.setCharAt(i, c); }
                case 1 -> text.delete(i, Math.min(text.length(), i + span));
                default -> text.insert(i, c);
            }
        }
    }

    @Provide
    Arbitrary<RunResult> runs() {
        Arbitrary<Double> sample = Arbitraries.oneOf(Arbitraries.doubles().between(0, 1e6),
                Arbitraries.doubles().between(0, Double.MAX_VALUE), Arbitraries.of(0.0, Double.MIN_VALUE, 0.1));
        Arbitrary<BenchmarkResult> benchmark = Combinators.combine(
                Arbitraries.strings().ofMinLength(1).ofMaxLength(20).filter(s -> !s.isBlank()),
                Arbitraries.of("ms", "x", "ops/s", "µs"), Arbitraries.of(Direction.class),
                sample.list().ofMinSize(1).ofMaxSize(50)).as(BenchmarkResult::new);
        return benchmark.list().ofMinSize(1).ofMaxSize(5).uniqueElements(BenchmarkResult::name)
                .map(bs -> new RunResult("suite", null, null, null, null, new ArrayList<>(bs)));
    }
}
