package dev.perfgate.postgres;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The test extension {@code pgwork} (src/test/resources/extensions/pgwork: one C function doing a fixed amount of
 * integer work per call) built with PGXS against a real installation and staged as {@code make install DESTDIR=DIR}
 * stages it; and the Debian PostgreSQL 15 the tests run it on. A test that needs what this machine lacks is skipped
 * with a message naming what to install, never passed silently.
 */
public final class PgworkBuilds {

    /** Debian's PostgreSQL 15 ({@code apt-get install postgresql-15}). */
    public static final Path DEBIAN_15 = Path.of("/usr/lib/postgresql/15/bin");

    private PgworkBuilds() {
    }

    /** Skips the test unless Debian's PostgreSQL 15 server is installed. */
    public static Installation debian15() {
        assumeTrue(Files.isExecutable(DEBIAN_15.resolve("initdb")) && Files.isExecutable(DEBIAN_15.resolve("postgres")),
                "skipped: no PostgreSQL 15 server in " + DEBIAN_15 + ": install it with apt-get install postgresql-15");
        return Installation.of(DEBIAN_15);
    }

    /** Skips the test unless {@code bin}'s pg_config, the server headers, make and a C compiler are there. */
    public static void assumeToolchain(Path bin) {
        Path pgConfig = bin.resolve("pg_config");
        assumeTrue(Files.isExecutable(pgConfig), "skipped: no pg_config in " + bin
                + ": install postgresql-server-dev-15 (apt-get install postgresql-server-dev-15)");
        String includes = output(List.of(pgConfig.toString(), "--includedir-server")).strip();
        assumeTrue(Files.exists(Path.of(includes, "postgres.h")), "skipped: no PostgreSQL server headers in " + includes
                + ": install postgresql-server-dev-15 (apt-get install postgresql-server-dev-15)");
        assumeTrue(run(List.of("make", "--version"), null) == 0 && run(List.of("cc", "--version"), null) == 0,
                "skipped: no make or C compiler: install build-essential (apt-get install build-essential)");
    }

    /**
     * Builds pgwork with {@code work} inner steps per unit (100: the reference; 125: 25 % more work) against the
     * installation in {@code bin} and stages it in {@code dir}/stage; returns the staged tree.
     */
    public static Path stage(Path bin, int work, Path dir) throws IOException {
        assumeToolchain(bin);
        Path src = dir.resolve("src");
        Path staged = dir.resolve("stage");
        copyTree(resource(), src);
        Path log = dir.resolve("make.log");
        // with_llvm=no: no JIT bitcode, so clang is not needed
        int exit = run(List.of("make", "-C", src.toString(), "PG_CONFIG=" + bin.resolve("pg_config"), "with_llvm=no",
                "WORK=" + work, "install", "DESTDIR=" + staged), log);
        if (exit != 0) throw new IOException("building pgwork failed:\n" + Files.readString(log));
        return staged;
    }

    private static Path resource() {
        try {
            return Path.of(PgworkBuilds.class.getClassLoader().getResource("extensions/pgwork").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private static int run(List<String> command, Path log) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
            Process p = pb.start();
            return p.waitFor(300, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
