package dev.perfgate.imports;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.RunResult;
import dev.perfgate.results.ResultsJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The real tool outputs under {@code src/test/resources/imports/} (see the README there), and checks on results. */
final class ImportSamples {

    private ImportSamples() {
    }

    static Path path(String name) {
        try {
            return Path.of(ImportSamples.class.getResource("/imports/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource imports/" + name, e);
        }
    }

    static String text(String name) {
        try {
            return Files.readString(path(name), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What every import must give: at least one benchmark, unique names, samples finite and non-negative (or a
     * valid summary), and a run that a results file holds unchanged.
     */
    static void assertValid(ImportResult result) {
        RunResult run = result.run();
        assertThat(run.benchmarks()).isNotEmpty();
        Set<String> names = new HashSet<>();
        for (BenchmarkResult b : run.benchmarks()) {
            assertThat(names.add(b.name())).as("unique name %s", b.name()).isTrue();
            assertThat(b.samples()).allSatisfy(v -> assertThat(v).isFinite().isGreaterThanOrEqualTo(0.0));
            assertThat(b.samples().size()).isLessThanOrEqualTo(Thinning.MAX_SAMPLES);
            if (b.samples().isEmpty()) assertThat(b.reported()).isNotNull();
        }
        assertThat(ResultsJson.parse(ResultsJson.toJson(run), "round trip")).isEqualTo(run);
        assertThat(result.warnings()).allSatisfy(w -> assertThat(w).doesNotContain("\n"));
    }

    /** Runs an import on generated input: a valid result or a one-line PerfgateException naming the input. */
    static void validOrCleanFailure(Importer importer, String text, String sourceName) {
        ImportResult result;
        try {
            result = importer.parse(text, sourceName);
        } catch (PerfgateException e) {
            assertThat(e.getMessage()).startsWith(sourceName).doesNotContain("\n").doesNotContain("Exception");
            return;
        }
        assertValid(result);
    }
}
