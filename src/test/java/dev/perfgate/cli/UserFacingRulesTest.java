package dev.perfgate.cli;

import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.Direction;
import dev.perfgate.model.RunResult;
import dev.perfgate.postgres.ExternalServer;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a new user met in an afternoon, each a rule now (no server needed): help renders cleanly, numbers are
 * bounded, output choices that cannot work are refused up front, the baseline that {@code check} reads is the one
 * {@code baseline accept} writes, and a baseline of something else is an error, not a silent pass.
 */
class UserFacingRulesTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandsHelpRendersWithoutAWarning() {
        List<String> commands = new ArrayList<>();
        collect(Main.commandLine(new Console(java.io.InputStream.nullInputStream(), System.out, System.err, false, false)), commands);
        assertThat(commands).contains("perfgate check", "perfgate history plot", "perfgate baseline accept");
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(command.split(" ")).subList(1, command.split(" ").length));
            args.add("--help");
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertThat(r.exitCode()).as(command).isZero();
            assertThat(r.out() + r.err()).as(command).doesNotContain("WARN").doesNotContain("Could not format")
                    .contains("Usage: " + command);
        }
    }

    private static void collect(CommandLine cli, List<String> names) {
        names.add(cli.getCommandSpec().qualifiedName());
        cli.getSubcommands().values().stream().distinct().filter(c -> !c.getCommandName().equals("help"))
                .forEach(c -> collect(c, names));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "check --iterations 2147483647 | --iterations: 2147483647 is out of range: give a whole number from 1 to 1,000,000",
            "run --warmup -1               | --warmup: -1 is out of range",
            "run --scale 0                 | --scale: 0 is out of range",
            "history list --last 0         | --last 0: give how many runs to show, at least 1",
            "history list --last -3        | --last -3: give how many runs to show, at least 1",
            "check --max-pairs 0 --against HEAD | --max-pairs 0: give a whole number from 1",
    })
    void numbersAreBoundedWithOneLine(String args, String message) {
        CliRun r = CliRun.of(args.trim().split("\\s+"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(message).doesNotContain("Exception").doesNotContain("server ready");
    }

    @Test
    void severalFormatsOnStandardOutputAreRefusedAndARepeatedOneIsWrittenOnce() {
        Path base = results("b.json", "s", 1.0);
        Path cur = results("c.json", "s", 1.0);
        CliRun mixed = CliRun.of("compare", base.toString(), cur.toString(), "--format", "markdown,json");
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.err()).contains("several formats on standard output", "--out DIR");
        CliRun twice = CliRun.of("compare", base.toString(), cur.toString(), "--format", "json,json");
        assertThat(twice.exitCode()).isZero();
        assertThat(twice.out().split("\"format\"", -1)).hasSize(2);
    }

    @Test
    void aThresholdAboveOneHundredPercentIsAThreshold() {
        Path base = results("b.json", "s", 1.0);
        Path cur = results("c.json", "s", 2.5);
        CliRun r = CliRun.of("compare", base.toString(), cur.toString(), "--fail-threshold=200%",
                "--warn-threshold=100%");
        assertThat(r.exitCode()).as(r.err()).isZero(); // +150 %: a warning under a 200 % threshold
        assertThat(r.out()).contains("WARNING");
        CliRun bare = CliRun.of("compare", base.toString(), cur.toString(), "--fail-threshold=2");
        assertThat(bare.exitCode()).isEqualTo(2);
        assertThat(bare.err()).contains("--fail-threshold=2 is ambiguous");
    }

    @Test
    void outputsAreCheckedBeforeAnythingRuns() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        CliRun r = CliRun.of("check", "-o", file.resolve("results.json").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("-o " + file.resolve("results.json")).contains("is a file, not a folder")
                .doesNotContain("starting");
        CliRun history = CliRun.of("check", "-o", dir.resolve("r.json").toString(), "--history", dir.toString());
        assertThat(history.exitCode()).isEqualTo(2);
        assertThat(history.err()).contains("--history " + dir + " is a folder").doesNotContain("starting");
    }

    @Test
    void aBaselineFileThatDoesNotExistIsATypoNotAFirstRun() throws Exception {
        CliRun r = CliRun.of("check", "--import", "hyperfine", hyperfine().toString(), "-o",
                dir.resolve("r.json").toString(), "--history", dir.resolve("h.jsonl").toString(), "--baseline",
                dir.resolve("none.json").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--baseline " + dir.resolve("none.json") + " does not exist");
    }

    @Test
    void aBaselineOfAnotherSuiteIsAnErrorNotAPass() throws Exception {
        Path other = results("other.json", "someone-else", 1.0);
        CliRun r = CliRun.of("check", "--import", "hyperfine", hyperfine().toString(), "-o",
                dir.resolve("r.json").toString(), "--history", dir.resolve("h.jsonl").toString(), "--baseline",
                other.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("has no benchmark in common with this run (baseline: q; this run: ");
    }

    @Test
    void compareRefusesTwoFilesWithNothingInCommonAndWarnsWhenTheSuitesDiffer() {
        Path base = results("b.json", "tviews", 1.0);
        Path renamed = dir.resolve("renamed.json");
        ResultsJson.write(new RunResult("tviews", null, null, null, null, List.of(new BenchmarkResult("other", "ms",
                Direction.LOWER, benchmark(1.0, 30).samples()))), renamed);
        CliRun unrelated = CliRun.of("compare", base.toString(), renamed.toString());
        assertThat(unrelated.exitCode()).isEqualTo(2);
        assertThat(unrelated.err()).contains("has no benchmark in common with this run (baseline: q; this run: other)");

        CliRun otherSuite = CliRun.of("compare", base.toString(), results("c.json", "init", 1.0).toString());
        assertThat(otherSuite.exitCode()).isZero();
        assertThat(otherSuite.out()).contains("the baseline is of suite tviews, this run of suite init");
    }

    @Test
    void aStoredBaselineWithoutMeasuredNoiseAssumesSomeAndSaysSo() throws Exception {
        Path base = dir.resolve("base.json");
        assertThat(CliRun.of("import", "hyperfine", hyperfine().toString(), "-o", base.toString()).exitCode()).isZero();
        CliRun r = CliRun.of("check", "--import", "hyperfine", hyperfine().toString(), "-o",
                dir.resolve("r.json").toString(), "--history", dir.resolve("h.jsonl").toString(), "--baseline",
                base.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("so 25% run-to-run noise was assumed for 2 benchmarks (--run-noise)",
                "'check --against REF' measures both versions in one session");
        CliRun trusting = CliRun.of("check", "--import", "hyperfine", hyperfine().toString(), "-o",
                dir.resolve("r.json").toString(), "--history", dir.resolve("h.jsonl").toString(), "--baseline",
                base.toString(), "--run-noise", "0");
        assertThat(trusting.out()).doesNotContain("was assumed");
    }

    @Test
    void historyListShowsOneSuiteWhenAsked() {
        String history = dir.resolve("h.jsonl").toString();
        Path base = results("base.json", "alpha", 1.0);
        assertThat(CliRun.of("compare", base.toString(), results("a.json", "alpha", 1.0).toString(), "--history",
                history).exitCode()).isZero();
        assertThat(CliRun.of("compare", results("base-b.json", "beta", 7.0).toString(),
                results("b.json", "beta", 7.0).toString(), "--history", history).exitCode()).isZero();

        CliRun both = CliRun.of("history", "list", "--history", history);
        assertThat(both.out()).contains("alpha/q", "beta/q");
        CliRun alpha = CliRun.of("history", "list", "--history", history, "--suite", "alpha");
        assertThat(alpha.exitCode()).isZero();
        assertThat(alpha.out()).doesNotContain("beta").contains("1.000");
    }

    @Test
    void requireBaselineFailsWithoutOneAndTheFirstRunStillWritesItsReports() throws Exception {
        // the import's own baseline location, perfgate-baselines/hyperfine.json, which this checkout does not have
        assertThat(Path.of("perfgate-baselines/hyperfine.json")).doesNotExist();
        String[] common = {"check", "--import", "hyperfine", hyperfine().toString(), "-o",
                dir.resolve("r.json").toString(), "--history", dir.resolve("h.jsonl").toString()};
        List<String> required = new ArrayList<>(List.of(common));
        required.add("--require-baseline");
        CliRun strict = CliRun.of(required.toArray(String[]::new));
        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.err()).contains("no baseline at perfgate-baselines/hyperfine.json and --require-baseline");

        List<String> withReports = new ArrayList<>(List.of(common));
        withReports.addAll(List.of("--format", "junit,markdown", "--out", dir.resolve("reports").toString()));
        CliRun first = CliRun.of(withReports.toArray(String[]::new));
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("NOTHING COMPARED: 2 new").doesNotContain("PASS", "fingerprint");
        assertThat(first.out() + first.err()).as("NO BASELINE is said once")
                .containsOnlyOnce("NO BASELINE");
        assertThat(Files.readString(dir.resolve("reports/perfgate-junit.xml"))).contains("<testcase")
                .doesNotContain("<failure");
        assertThat(Files.readString(dir.resolve("reports/comparison.md")))
                .contains("## ℹ️ perfgate: nothing compared — no baseline", "NO BASELINE", "🆕 new")
                .doesNotContain("PASS");
    }

    @Test
    void acceptFindsTheBaselineCheckReadsAndRefusesUnfitRunsUnlessForced() throws IOException {
        Path suite = Files.createDirectories(dir.resolve("mysuite"));
        RunResult run = new RunResult("mysuite", null, null, null, new dev.perfgate.model.RunSettings(30, 6, false,
                java.util.Map.of("suite_folder", suite.toString())), List.of(benchmark(1.0, 30)));
        Path file = dir.resolve("run.json");
        ResultsJson.write(run, file);
        CliRun accepted = CliRun.of("baseline", "accept", file.toString(), "--reason", "first", "--yes");
        assertThat(accepted.exitCode()).as(accepted.err()).isZero();
        assertThat(suite.resolve("baseline.json")).exists(); // where 'check mysuite' reads it

        RunResult quick = new RunResult("mysuite", null, null, null, new dev.perfgate.model.RunSettings(5, 6, true,
                java.util.Map.of("suite_folder", suite.toString())), List.of(benchmark(1.0, 5)));
        ResultsJson.write(quick, file);
        CliRun refused = CliRun.of("baseline", "accept", file.toString(), "--reason", "quick", "--yes");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("--quick run").contains("--force");
        assertThat(CliRun.of("baseline", "accept", file.toString(), "--reason", "on purpose", "--yes", "--force")
                .exitCode()).isZero();

        RunResult few = new RunResult("mysuite", null, null, null, new dev.perfgate.model.RunSettings(20, 6, false,
                java.util.Map.of("suite_folder", suite.toString())), List.of(benchmark(1.0, 20)));
        ResultsJson.write(few, file);
        CliRun tooFew = CliRun.of("baseline", "accept", file.toString(), "--reason", "few", "--yes");
        assertThat(tooFew.exitCode()).isEqualTo(2);
        assertThat(tooFew.err()).contains("only 20 samples, fewer than the 30 a verdict needs");

        RunResult otherSuite = new RunResult("init", null, null, null, new dev.perfgate.model.RunSettings(30, 6,
                false, java.util.Map.of("suite_folder", suite.toString())), List.of(benchmark(1.0, 30)));
        ResultsJson.write(otherSuite, file);
        CliRun wrongSuite = CliRun.of("baseline", "accept", file.toString(), "--reason", "other", "--yes");
        assertThat(wrongSuite.exitCode()).isEqualTo(2);
        assertThat(wrongSuite.err()).contains("it is a run of suite init but", "is suite mysuite's baseline");
    }

    @Test
    void decliningTheBaselineOnATerminalIsAChoiceNotAnError() throws IOException {
        ResultsJson.write(new RunResult("s", null, null, null, null, List.of(benchmark(1.0, 30))), dir.resolve("r.json"));
        CliRun no = CliRun.on("n\n", true, false, "baseline", "accept", dir.resolve("r.json").toString(), "--reason",
                "x", "--baseline", dir.resolve("b.json").toString());
        assertThat(no.exitCode()).isZero();
        assertThat(no.err()).contains("declined");
        assertThat(dir.resolve("b.json")).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "postgresql://db.example:5433/app            | jdbc:postgresql://db.example:5433/app",
            "postgres://u@db/app?sslmode=require         | jdbc:postgresql://db/app?sslmode=require&user=u",
            "postgresql://u:secret@db/app                | jdbc:postgresql://db/app?user=u&password=secret",
            "jdbc:postgresql://db/app                    | jdbc:postgresql://db/app",
    })
    void libpqUrlsAreAccepted(String given, String jdbc) {
        assertThat(ExternalServer.jdbcUrl(given.trim())).isEqualTo(jdbc.trim());
        assertThat(ExternalServer.redact(ExternalServer.jdbcUrl(given.trim()))).doesNotContain("secret");
    }

    private Path results(String name, String suite, double medianMillis) {
        Path file = dir.resolve(name);
        ResultsJson.write(new RunResult(suite, null, null, null, null, List.of(benchmark(medianMillis, 30))), file);
        return file;
    }

    private static BenchmarkResult benchmark(double medianMillis, int n) {
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < n; i++) samples.add(medianMillis * (1 + 0.002 * ((i * 7) % 11 - 5)));
        return new BenchmarkResult("q", "ms", Direction.LOWER, samples);
    }

    private static Path hyperfine() throws URISyntaxException {
        return Path.of(UserFacingRulesTest.class.getResource("/imports/hyperfine-sleep.json").toURI());
    }
}
