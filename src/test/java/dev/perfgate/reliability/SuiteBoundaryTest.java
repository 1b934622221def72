package dev.perfgate.reliability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A suite cannot reach outside its folder: no command takes a file name inside a suite (only the folder, and
 * benchmark names for {@code -b}), and a file linked from outside, by an absolute or a relative ({@code ../})
 * symbolic link, is refused before anything runs. A link between two files of the suite itself is fine. (The
 * absolute-link case is also in suite.SuiteReaderTest.)
 */
class SuiteBoundaryTest {

    @TempDir
    Path dir;
    Path suite;
    Path outside;

    @BeforeEach
    void folders() throws IOException {
        suite = Files.createDirectories(dir.resolve("suite"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(suite.resolve("a.sql"), "-- perfgate:run\nSELECT 1;\n");
        Files.writeString(outside.resolve("secret.sql"), "-- perfgate:run\nSELECT 'outside';\n");
    }

    @Test
    void relativeLinksOutOfTheFolderAreRefused() throws IOException {
        Files.createSymbolicLink(suite.resolve("b.sql"), Path.of("../outside/secret.sql"));
        Cli.run("run", suite.toString()).failsWithOneLine("b.sql points outside the suite folder");
    }

    @Test
    void aSuiteFileOrAFolderLinkedFromOutsideIsRefused() throws IOException {
        Files.createSymbolicLink(suite.resolve("_suite.sql"), Path.of("..", "outside", "secret.sql"));
        Cli.run("check", suite.toString()).failsWithOneLine("_suite.sql points outside the suite folder");
        Files.delete(suite.resolve("_suite.sql"));
        Files.createSymbolicLink(suite.resolve("d.sql"), Path.of("../outside"));
        Cli.run("check", suite.toString()).failsWithOneLine("d.sql points outside the suite folder");
    }

    @Test
    void benchmarkNamesAreNotPaths() {
        Cli.run("run", suite.toString(), "-b", "../outside/secret").failsWithOneLine(
                "--benchmark ../outside/secret: no such benchmark");
        Cli.run("run", suite.toString(), "-b", outside.resolve("secret").toString()).failsWithOneLine(
                "no such benchmark");
    }

    @Test
    void aLinkInsideTheFolderIsFine() throws IOException {
        Files.createSymbolicLink(suite.resolve("b.sql"), Path.of("a.sql"));
        Cli r = Cli.run("run", suite.toString(), "--db", Servers.sharedUrl(), "--iterations", "2", "--warmup", "0",
                "-o", dir.resolve("r.json").toString()).succeeds();
        assertThat(r.out()).contains("a ", "b ");
    }

    /** The command line's --scale can make a parameter's range empty: refused before any SQL, naming the file. */
    @Test
    void scaleThatEmptiesAParameterRangeIsRefusedBeforeRunning() throws IOException {
        Files.writeString(suite.resolve("p.sql"), "-- perfgate:param id = int(10*scale, 100)\n-- perfgate:run\n"
                + "SELECT :id;\n");
        Cli.run("run", suite.toString(), "--db", Servers.sharedUrl(), "--scale", "20").failsWithOneLine(
                "p.sql: parameter 'id': low bound 200 is above the high bound 100 at scale 20");
        Cli.run("run", suite.toString(), "--db", Servers.sharedUrl(), "--scale", "2147483647").failsWithOneLine(
                "p.sql: parameter 'id': low bound 21474836470 is above the high bound 100 at scale 2147483647");
    }
}
