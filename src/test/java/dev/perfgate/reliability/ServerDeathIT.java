package dev.perfgate.reliability;

import dev.perfgate.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database server dies in the middle of a {@code check}: its backend is terminated, the server is shut down, or
 * its postmaster is killed with SIGKILL. Each time perfgate names the benchmark, file, line and iteration in one line,
 * exits 2, writes no results, and leaves the earlier results, baseline and history byte for byte as they were.
 */
class ServerDeathIT {

    private static final String SLEEP = "pg_sleep(0.05)";

    @TempDir
    Path dir;
    Path suite;
    Path results;
    Path baseline;
    Path history;
    Map<String, byte[]> before;

    /** Earlier results, an accepted baseline and a history line, all written by perfgate itself. */
    @BeforeEach
    void earlierFiles() throws IOException {
        suite = Files.createDirectories(dir.resolve("suite"));
        Files.writeString(suite.resolve("a_fast.sql"), "-- perfgate: iterations=3 warmup=0\n-- perfgate:run\nSELECT 1;\n");
        Files.writeString(suite.resolve("b_sleep.sql"), "-- perfgate: iterations=200 warmup=2\n-- perfgate:run\n"
                + "SELECT " + SLEEP + ";\n");
        results = dir.resolve("out/results.json");
        baseline = dir.resolve("baseline.json");
        history = dir.resolve("out/history.jsonl");
        // hyperfine's recording with its commands named as the suite's benchmarks, so the baseline is this suite's
        String h = Files.writeString(dir.resolve("hyperfine.json"), Files.readString(Cli.HYPERFINE)
                .replace("\"sleep 0.01\"", "\"a_fast\"").replace("\"sleep 0.02\"", "\"b_sleep\"")).toString();
        Cli.run("import", "hyperfine", h, "-o", results.toString()).succeeds();
        Cli.run("baseline", "accept", results.toString(), "--baseline", baseline.toString(), "--reason", "earlier",
                "--yes", "--force").succeeds(); // hyperfine's 10 runs: fewer than a verdict needs
        Cli.run("check", "--import", "hyperfine", h, "-o", results.toString(), "--history", history.toString(),
                "--baseline", baseline.toString()).succeeds();
        before = snapshot();
    }

    @Test
    void backendTerminatedMidRun() throws Exception {
        String url = Servers.sharedUrl();
        try (Connection admin = TestPostgres.server().connect()) {
            Cli r = checkWhile(url, check -> {
                int pid = Servers.waitForPerfgateRunning(admin, SLEEP, Duration.ofSeconds(60), check);
                try (Statement st = admin.createStatement()) {
                    st.execute("SELECT pg_terminate_backend(" + pid + ")");
                }
            });
            expectCleanFailure(r, "terminating connection due to administrator command");
        }
    }

    @Test
    void serverShutDownMidRun() throws Exception {
        try (EmbeddedPostgres pg = Servers.own(dir.resolve("pgdata"))) {
            try (Connection admin = admin(pg)) {
                Cli r = checkWhile(url(pg), check -> {
                    Servers.waitForPerfgateRunning(admin, SLEEP, Duration.ofSeconds(60), check);
                    pg.close(); // pg_ctl stop -m fast
                });
                expectCleanFailure(r, "lost the connection");
            }
        }
    }

    @Test
    void postmasterKilledWithSigkillMidRun() throws Exception {
        Path data = dir.resolve("pgdata");
        try (EmbeddedPostgres pg = Servers.own(data)) {
            try (Connection admin = admin(pg)) {
                Cli r = checkWhile(url(pg), check -> {
                    Servers.waitForPerfgateRunning(admin, SLEEP, Duration.ofSeconds(60), check);
                    ProcessHandle postmaster = ProcessHandle.of(Servers.postmasterPid(data)).orElseThrow();
                    assertThat(postmaster.info().command().orElse("")).endsWith("postgres");
                    postmaster.destroyForcibly();
                    postmaster.onExit().get(10, TimeUnit.SECONDS);
                });
                expectCleanFailure(r, "lost the connection");
            }
        }
    }

    /** A statement that hangs is stopped by the per-statement timeout, named in the one line, within seconds. */
    @Test
    void aHangingStatementIsStoppedByTheTimeout() throws IOException {
        Files.writeString(suite.resolve("b_sleep.sql"), "-- perfgate: timeout=300ms iterations=3 warmup=0\n"
                + "-- perfgate:run\nSELECT pg_sleep(3600);\n");
        long start = System.nanoTime();
        Cli r = Cli.run("check", suite.toString(), "--db", Servers.sharedUrl(), "-o", results.toString(), "--history",
                history.toString(), "--baseline", baseline.toString());
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(30);
        r.failsWithOneLine("b_sleep.sql:3: statement timed out after 300 ms (b_sleep, iteration 1); raise it with "
                + "timeout=... in the file or _suite.sql");
        assertThat(snapshot()).containsOnlyKeys(before.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));
    }

    interface Fault {
        void inject(Future<Cli> check) throws Exception;
    }

    /** Runs {@code check} on the suite in the background, injects the fault, and waits for perfgate to finish. */
    private Cli checkWhile(String url, Fault fault) throws Exception {
        CompletableFuture<Cli> check = CompletableFuture.supplyAsync(() -> Cli.run("check", suite.toString(), "--db",
                url, "-o", results.toString(), "--history", history.toString(), "--baseline", baseline.toString(),
                "--format", "text,json,html", "--out", dir.resolve("out/reports").toString()));
        fault.inject(check);
        return check.get(60, TimeUnit.SECONDS);
    }

    private void expectCleanFailure(Cli r, String cause) throws IOException {
        r.failsWithOneLine("b_sleep.sql:3: lost the connection to PostgreSQL (b_sleep, iteration ");
        assertThat(r.errors().get(0)).contains(cause).endsWith("; no results were written").doesNotContain(".;");
        assertThat(snapshot()).as("results, baseline and history unchanged, nothing else written")
                .containsOnlyKeys(before.keySet())
                .allSatisfy((name, bytes) -> assertThat(bytes).as(name).isEqualTo(before.get(name)));
    }

    /** Every file under the test folder but the suite and the server's data, by relative path. */
    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> all = Files.walk(dir)) {
            all.filter(Files::isRegularFile).filter(p -> !p.startsWith(suite) && !p.startsWith(dir.resolve("pgdata")))
                    .forEach(paths::add);
        }
        for (Path p : paths) files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
        return files;
    }

    private static String url(EmbeddedPostgres pg) {
        return pg.getJdbcUrl("postgres", "postgres");
    }

    private static Connection admin(EmbeddedPostgres pg) throws Exception {
        return DriverManager.getConnection(url(pg));
    }
}
