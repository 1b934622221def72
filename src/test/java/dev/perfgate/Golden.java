package dev.perfgate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Golden files seal the machine-readable and reviewer-facing formats: the output must match
 * {@code src/test/resources/golden/NAME} byte for byte. After a deliberate format change, regenerate with
 * {@code mvn test -Dperfgate.golden.update=true} and review the diff.
 */
public final class Golden {

    private static final Path DIR = Path.of("src/test/resources/golden");

    private Golden() {
    }

    public static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        try {
            if (Boolean.getBoolean("perfgate.golden.update")) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                abort("rewrote " + file + ": review the diff, then run again without the flag");
            }
            assertThat(actual).as("output differs from golden file " + file).isEqualTo(
                    Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
