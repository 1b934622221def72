package dev.perfgate.reliability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The suite-boundary cases that reach the shared test server: see SuiteBoundaryTest for the ones refused before. */
class SuiteBoundaryIT {

    @TempDir
    Path dir;
    Path suite;

    @BeforeEach
    void folder() throws IOException {
        suite = Files.createDirectories(dir.resolve("suite"));
        Files.writeString(suite.resolve("a.sql"), "-- perfgate:run\nSELECT 1;\n");
    }

    @Test
    void aLinkInsideTheFolderIsFine() throws IOException {
        Files.createSymbolicLink(suite.resolve("b.sql"), Path.of("a.sql"));
        Cli r = Cli.run("run", suite.toString(), "--db", Servers.sharedUrl(), "--iterations", "2", "--warmup", "0",
                "-o", dir.resolve("r.json").toString()).succeeds();
        assertThat(r.out()).contains("a ", "b ");
    }

    /**
     * The command line's --scale can make a parameter's range empty: refused before any SQL, naming the file; up to
     * the largest scale the option takes (a larger one is a bad option value, refused before anything).
     */
    @Test
    void scaleThatEmptiesAParameterRangeIsRefusedBeforeRunning() throws IOException {
        Files.writeString(suite.resolve("p.sql"), "-- perfgate:param id = int(10*scale, 100)\n-- perfgate:run\n"
                + "SELECT :id;\n");
        Cli.run("run", suite.toString(), "--db", Servers.sharedUrl(), "--scale", "20").failsWithOneLine(
                "p.sql: parameter 'id': low bound 200 is above the high bound 100 at scale 20");
        Cli.run("run", suite.toString(), "--db", Servers.sharedUrl(), "--scale", "1000000").failsWithOneLine(
                "p.sql: parameter 'id': low bound 10000000 is above the high bound 100 at scale 1000000");
    }
}
