package dev.perfgate.results;

import dev.perfgate.Golden;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Seals the baseline file: a results file plus its provenance, which people review in pull requests. */
class BaselineJsonTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/baseline.json");

    /** Every provenance field set; the reason with a quote and non-ASCII text, as people write them. */
    static Baseline fixture() {
        return new Baseline(Fixtures.fullRun(), new Provenance("Jana Nováková <jana@example.org>",
                Instant.parse("2026-11-27T09:15:00Z"), "3f2a9c1e5b7d", "perfgate-out/results.json",
                "\"cascade\" 12 % faster: covering index on categories, reviewed in #412"));
    }

    /** Byte for byte under a decimal-comma locale (surefire runs with de_DE; set here too for an IDE run). */
    @Test
    void writtenFileMatchesTheGoldenFile(@TempDir Path dir) throws IOException {
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            Path file = dir.resolve("baseline.json");
            BaselineJson.write(fixture(), file);
            Golden.assertMatches("baseline.json", Files.readString(file, StandardCharsets.UTF_8));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void goldenFileReadsBackAsTheBaselineAndAsPlainResults() {
        assertThat(BaselineJson.read(GOLDEN)).isEqualTo(fixture());
        assertThat(ResultsJson.read(GOLDEN)).isEqualTo(Fixtures.fullRun());
    }
}
