package dev.perfgate.reliability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A suite cannot reach outside its folder: no command takes a file name inside a suite (only the folder, and
 * benchmark names for {@code -b}), and a file linked from outside, by an absolute or a relative ({@code ../})
 * symbolic link, is refused before anything runs (so no server is started). A link between two files of the suite
 * itself is fine, and the range that --scale empties is checked once a server is reached: both in SuiteBoundaryIT. (The
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
}
