package dev.perfgate.reliability;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated variants of the files perfgate reads back, made from real ones that perfgate wrote (results, a baseline
 * with provenance, history lines) and the origin document's legacy baseline, fed end to end through the commands
 * that read them: {@code compare}, {@code baseline show}, {@code history list|analyze|plot}. Whatever the file holds,
 * the command exits 0, 1 or 2, and 2 comes with one line naming the file: never an internal error or a stack trace.
 * Results files alone are fuzzed in {@code store.ResultsJsonPropertiesTest}, imports in {@code store.imports}.
 */
class StoredFilesFuzzTest {

    static Path dir;
    static Path results;
    static String baseline;
    static String legacy;
    static List<String> historyLines;
    static final AtomicInteger TRIES = new AtomicInteger();

    @BeforeContainer
    static void realFiles() throws IOException {
        dir = Files.createTempDirectory("perfgate-stored-fuzz-");
        results = dir.resolve("results.json");
        String h = Cli.HYPERFINE.toString();
        Cli.run("import", "hyperfine", h, "-o", results.toString()).succeeds();
        Path base = dir.resolve("baseline.json");
        Cli.run("baseline", "accept", results.toString(), "--baseline", base.toString(), "--reason",
                "first <b>baseline</b>", "--yes", "--force").succeeds(); // hyperfine's 10 runs: fewer than a verdict needs
        Path history = dir.resolve("history.jsonl");
        Cli.run("check", "--import", "hyperfine", h, "-o", dir.resolve("r1.json").toString(), "--history",
                history.toString()).succeeds(); // no baseline yet: a line without verdicts
        Cli.run("check", "--import", "hyperfine", h, "-o", dir.resolve("r2.json").toString(), "--history",
                history.toString(), "--baseline", base.toString()).succeeds();
        Cli.run("check", "--import", "hyperfine", h, "-o", dir.resolve("r3.json").toString(), "--history",
                history.toString(), "--baseline", base.toString()).succeeds();
        baseline = Files.readString(base);
        legacy = Files.readString(Path.of("src/test/resources/results/legacy-baseline.json"));
        historyLines = Files.readAllLines(history);
        assertThat(historyLines).hasSize(3);
        assertThat(baseline).contains("\"accepted_by\"");
    }

    @AfterContainer
    static void cleanUp() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
        System.out.println("StoredFilesFuzzTest: " + TRIES.get() + " generated files tried");
    }

    @Property(tries = 30)
    void legacyBaselines(@ForAll("legacyMutants") String text) {
        Path file = write("legacy.json", text);
        clean(Cli.run("compare", file.toString(), results.toString()));
    }

    @Property(tries = 25)
    void baselinesWithProvenance(@ForAll("baselineMutants") String text) {
        Path file = write("baseline-mutant.json", text);
        clean(Cli.run("baseline", "show", "--baseline", file.toString()));
        clean(Cli.run("compare", file.toString(), results.toString()));
    }

    /** A bad line anywhere: listed and analyzed, or one line naming the file and line. */
    @Property(tries = 25)
    void historyWithABadLine(@ForAll("historyMutants") String bad, @ForAll @IntRange(max = 3) int position) {
        List<String> lines = new ArrayList<>(historyLines);
        lines.add(position, bad.replace('\n', ' '));
        Path file = write("history.jsonl", String.join("\n", lines) + "\n");
        Cli list = clean(Cli.run("history", "list", "--history", file.toString(), "--last", "100"));
        if (list.exitCode() == 2) assertThat(list.err()).contains(file + ":" + (position + 1));
        clean(Cli.run("history", "analyze", "--history", file.toString()));
    }

    /** A torn last line (a crash mid-append) is never fatal, whatever it holds: every complete run is still there. */
    @Property(tries = 20)
    void historyWithATornLastLine(@ForAll("historyMutants") String torn) {
        String text = String.join("\n", historyLines) + "\n" + torn.replace('\n', ' ');
        Path file = write("history.jsonl", text);
        Cli list = Cli.run("history", "list", "--history", file.toString(), "--last", "100");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out().lines().filter(l -> l.matches("\\s*\\d+ .*"))).hasSizeGreaterThanOrEqualTo(3);
        clean(Cli.run("history", "analyze", "--history", file.toString()));
    }

    @Property(tries = 5)
    void historyPlots(@ForAll("historyMutants") String bad) {
        Path file = write("history.jsonl", String.join("\n", historyLines) + "\n" + bad.replace('\n', ' ') + "\n");
        clean(Cli.run("history", "plot", "--history", file.toString(), "--out", dir.resolve("plot").toString()));
    }

    /** Files larger than any real results file or history line are refused quickly, not read into memory. */
    @Example
    void enormousFiles() throws IOException {
        String huge = baseline.replace("\"samples\": [", "\"samples\": [" + "1.5, ".repeat(6_000_000));
        assertThat(huge.length()).isGreaterThan(33_000_000);
        Path file = write("huge.json", huge);
        clean(Cli.run("compare", file.toString(), results.toString()));
        Path history = write("huge.jsonl", historyLines.get(0) + "\n" + huge.replace('\n', ' ') + "\n"
                + historyLines.get(2) + "\n");
        Cli list = clean(Cli.run("history", "list", "--history", history.toString()));
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err()).contains("huge.jsonl:2: longer than");
    }

    @Provide
    Arbitrary<String> legacyMutants() {
        return JsonMutants.of(legacy);
    }

    @Provide
    Arbitrary<String> baselineMutants() {
        return JsonMutants.of(baseline);
    }

    @Provide
    Arbitrary<String> historyMutants() {
        return Arbitraries.oneOf(JsonMutants.of(historyLines.get(1)), Arbitraries.strings().ofMaxLength(200));
    }

    /** Exit 0 or 1, or 2 with exactly one error line; never an internal error or a Java exception. */
    private static Cli clean(Cli r) {
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1, 2);
        assertThat(r.err()).as("stderr").doesNotContain("internal error", "Exception", "\tat ");
        if (r.exitCode() == 2) {
            List<String> errors = r.messages().stream().filter(l -> !l.startsWith("perfgate: warning: ")).toList();
            assertThat(errors).as(r.err()).hasSize(1);
        }
        return r;
    }

    private static Path write(String name, String text) {
        TRIES.incrementAndGet();
        try {
            return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
