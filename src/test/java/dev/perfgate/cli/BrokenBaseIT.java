package dev.perfgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.json.Json;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code check --against} on a real embedded server when one benchmark is broken at the base (a typo the change
 * fixes): the others are judged, the broken one is marked "fails at the base: not compared" in every report, and
 * the check warns with exit 0. The same typo on the candidate's side is the change's: exit 2, naming the candidate.
 */
class BrokenBaseIT {

    @TempDir
    Path repo;

    @Test
    void aBenchmarkBrokenAtTheBaseIsMarkedAndTheOthersAreJudged() throws Exception {
        Path suite = suite("SELECT count(*) FROM acounts;");
        Files.writeString(suite.resolve("broken.sql"), "-- perfgate:run\nSELECT count(*) FROM accounts;\n");
        Path out = repo.resolve("out");

        CliRun fixed = check(suite, out);

        assertThat(fixed.exitCode()).as(fixed.out() + fixed.err()).isZero();
        assertThat(fixed.out()).contains("FAILS AT THE BASE: NOT COMPARED", "relation \"acounts\" does not exist "
                + "(broken, base, iteration 1)", "Fix it at the base");
        JsonNode json = Json.MAPPER.readTree(out.resolve("comparison.json").toFile());
        assertThat(json.get("verdict").asText()).isEqualTo("warn");
        assertThat(json.get("reason").asText()).contains("1 not compared (fails at the base): broken");
        JsonNode point = json.get("benchmarks").get(1);
        assertThat(point.get("name").asText()).isEqualTo("point");
        assertThat(point.get("pairs").asInt()).as("judged on its pairs").isPositive();
        JsonNode broken = json.get("benchmarks").get(0);
        assertThat(broken.get("base_failure").asText()).startsWith("broken.sql:2: ERROR: relation \"acounts\"");
        assertThat(Files.readString(out.resolve("comparison.md"))).contains("⛔ fails at the base: not compared");
        assertThat(Files.readString(out.resolve("perfgate-junit.xml")))
                .contains("<skipped message=\"fails at the base: not compared: broken.sql:2: ERROR");
        assertThat(Files.readString(out.resolve("comparison.html"))).contains(">fails at the base: not compared<");
        RunResult candidate = ResultsJson.read(repo.resolve("results.json"));
        assertThat(candidate.benchmarks()).extracting(b -> b.name()).containsExactly("broken", "point");
        assertThat(ResultsJson.read(repo.resolve("results-base.json")).benchmarks()).extracting(b -> b.name())
                .containsExactly("point");
    }

    @Test
    void theSameTypoInTheCandidateIsTheChangesAndStopsTheCheck() throws Exception {
        Path suite = suite("SELECT count(*) FROM accounts;");
        Files.writeString(suite.resolve("broken.sql"), "-- perfgate:run\nSELECT count(*) FROM acounts;\n");

        CliRun broke = check(suite, repo.resolve("out"));

        assertThat(broke.exitCode()).isEqualTo(2);
        assertThat(broke.err()).contains("broken.sql:2: ERROR: relation \"acounts\" does not exist (broken, "
                + "candidate, iteration 1)");
    }

    /** A committed suite of two tiny benchmarks, {@code broken.sql} running {@code brokenSql}. */
    private Path suite(String brokenSql) throws Exception {
        Path suite = Files.createDirectories(repo.resolve("perf"));
        Files.writeString(suite.resolve("_suite.sql"), "-- perfgate: iterations=10 warmup=1\n-- perfgate:setup\n"
                + "CREATE TABLE accounts (id int PRIMARY KEY, balance int);\n"
                + "INSERT INTO accounts SELECT g, 0 FROM generate_series(1, 1000) g;\n");
        Files.writeString(suite.resolve("point.sql"), "-- perfgate:run\nSELECT balance FROM accounts WHERE id = 42;\n");
        Files.writeString(suite.resolve("broken.sql"), "-- perfgate:run\n" + brokenSql + "\n");
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "suite");
        return suite;
    }

    private CliRun check(Path suite, Path out) {
        return CliRun.of("check", suite.toString(), "--quick", "--against", "HEAD", "--max-pairs", "20",
                "--format", "markdown,json,junit,html", "--out", out.toString(),
                "-o", repo.resolve("results.json").toString(),
                "--base-output", repo.resolve("results-base.json").toString(),
                "--history", repo.resolve("history.jsonl").toString());
    }

    private void git(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
    }
}
