package dev.perfgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Explaining a regression end to end, {@code check --against} on a real embedded server in a git repository holding
 * a copy of the demo suite: a trigger that sums extra generated rows in every rebuild is named as where the added
 * time went, and a function changed so that a benchmark reads different rows is "results differ", a warning by
 * default and a failure with {@code --fail-on-different-results}.
 */
class ExplainIT {

    /** A read of the read model, added to the copy: its rows are what {@code tv_product_build} wrote in setup. */
    private static final String READ_MODEL = """
            -- Ten products' documents from the read model.
            -- perfgate: unit=ms direction=lower
            -- perfgate:param id = int(1, 1990)

            -- perfgate:run
            SELECT product_id, data FROM tviews.tv_product WHERE product_id BETWEEN :id AND :id + 9;
            """;

    @TempDir
    Path repo;

    Path suite;

    @BeforeEach
    void repositoryWithTheDemoSuite() throws Exception {
        suite = CheckGateIT.copyDemoSuite(repo.resolve("bench/tviews"));
        Files.writeString(suite.resolve("read_model.sql"), READ_MODEL);
        git("init", "-q");
        git("add", ".");
        git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "suite");
    }

    @Test
    void theTriggerFunctionThatDoesExtraWorkIsNamedAsTheLargestShare() throws Exception {
        edit("BEGIN\n    PERFORM tviews.tv_product_refresh(NEW.id);",
                "BEGIN\n    PERFORM sum(g) FROM generate_series(1, 5000) g;\n    PERFORM tviews.tv_product_refresh(NEW.id);");
        Path out = repo.resolve("out");
        CliRun r = check("-b", "single_row_update", "--format", "text,json", "--out", out.toString());
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern("single_row_update: \\+[\\d.]+ ms per iteration.*:\n    [\\d.]+% of the "
                + "added time: (function products_changed\\(\\) self time|nested statement `SELECT sum\\(g\\))");
        JsonNode b = Json.MAPPER.readTree(out.resolve("comparison.json").toFile()).get("benchmarks").get(0);
        // shares come in call-tree order (a caller before the parts it ran): the largest is not always the first
        JsonNode first = null;
        for (JsonNode s : b.get("counters").get("attribution").get("shares")) {
            if (first == null || s.get("share").asDouble() > first.get("share").asDouble()) first = s;
        }
        assertThat(first.get("text").asText()).matches("products_changed\\(\\)|SELECT sum\\(g\\).*");
        assertThat(first.get("change_ms").asDouble()).isGreaterThan(first.get("noise_ms").asDouble());
        assertThat(first.get("share").asDouble()).as(r.out()).isBetween(0.3, 1.0);
        if (first.get("kind").asText().equals("statement")) {
            assertThat(first.get("parent").get("text").asText()).isEqualTo("products_changed()");
        }
        for (String side : List.of("results.json", "results-base.json")) theTriggerCascadeIsPlacedUnderTheUpdate(side);
    }

    /**
     * In a side's results file, the trigger's statements are under the trigger function, the function under the
     * UPDATE that fired it, and the rest of the cascade under the statements that called it.
     */
    private void theTriggerCascadeIsPlacedUnderTheUpdate(String file) throws IOException {
        JsonNode entries = Json.MAPPER.readTree(repo.resolve(file).toFile()).get("benchmarks").get(0).get("counters")
                .get("profile").get("entries");
        java.util.Map<String, JsonNode> byText = new java.util.HashMap<>();
        entries.forEach(e -> byText.put(e.get("text").asText(), e));
        assertThat(byText).as(file + ": " + entries).containsKeys("products_changed()",
                "SELECT tviews.tv_product_refresh(NEW.id)", "tv_product_refresh(integer)");
        String update = byText.keySet().stream().filter(t -> t.startsWith("UPDATE tviews.products")).findFirst()
                .orElseThrow();
        assertThat(byText.get(update).has("parent")).as(file).isFalse();
        assertThat(byText.get("products_changed()").get("parent").get("text").asText()).as(file).isEqualTo(update);
        assertThat(byText.get("products_changed()").get("parent").get("query_id").asLong()).as(file)
                .isEqualTo(byText.get(update).get("query_id").asLong());
        assertThat(byText.get("SELECT tviews.tv_product_refresh(NEW.id)").get("parent").get("text").asText()).as(file)
                .isEqualTo("products_changed()");
        assertThat(byText.get("tv_product_refresh(integer)").get("parent").get("text").asText()).as(file)
                .isEqualTo("SELECT tviews.tv_product_refresh(NEW.id)");
        if (file.equals("results.json")) { // the candidate's trigger does the extra work
            JsonNode sum = byText.entrySet().stream().filter(e -> e.getKey().startsWith("SELECT sum(g) FROM"))
                    .findFirst().orElseThrow().getValue(); // constants kept as written or $1, $2: as the server keeps them
            assertThat(sum.get("parent").get("text").asText()).isEqualTo("products_changed()");
        }
        entries.forEach(e -> assertThat(e.path("placed").asBoolean(true)).as(file + ": " + e).isTrue());
    }

    @Test
    void aFunctionThatBuildsOtherDocumentsGivesDifferentResultsAWarningOrAFailureWhenAsked() throws Exception {
        edit("round(avg(r.rating), 2)", "round(avg(r.rating), 1)");
        CliRun warned = check("-b", "read_model");
        assertThat(warned.exitCode()).as(warned.out() + warned.err()).isZero();
        assertThat(warned.out()).containsPattern("read_model .* WARNING")
                .contains("read_model: results differ: read_model.sql:")
                .contains("10 rows on both sides, with different values");
        CliRun failed = check("-b", "read_model", "--fail-on-different-results");
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.out()).containsPattern("read_model .* REGRESSION").contains("fails on different results");
    }

    @Test
    void aSideWhoseTableHoldsTenPercentMoreRowsIsNamedInTheReport() throws Exception {
        edit("INSERT INTO inventory (product_id", "INSERT INTO reviews (product_id, rating, body)\n"
                + "SELECT p, 1 + p % 5, 'Extra review of product ' || p FROM generate_series(1, 1000) p;\n\n"
                + "INSERT INTO inventory (product_id");
        Path out = repo.resolve("out");
        CliRun r = check("-b", "read_model", "--format", "json", "--out", out.toString());
        assertThat(r.err()).contains("the sides' databases differ: tviews.reviews: ")
                .contains("10,000 vs 11,000 rows");
        JsonNode warnings = Json.MAPPER.readTree(out.resolve("comparison.json").toFile()).get("warnings");
        assertThat(warnings.toString()).contains("the sides' databases differ: tviews.reviews: ")
                .doesNotContain("tviews.products:");
    }

    private void edit(String from, String to) throws IOException {
        Path file = suite.resolve("_suite.sql");
        String sql = Files.readString(file);
        assertThat(sql).contains(from);
        Files.writeString(file, sql.replace(from, to));
    }

    private CliRun check(String... args) {
        List<String> all = new ArrayList<>(List.of("check", suite.toString(), "--against", "HEAD", "-o",
                repo.resolve("results.json").toString(), "--base-output", repo.resolve("results-base.json").toString(),
                "--history", repo.resolve("history.jsonl").toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
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
