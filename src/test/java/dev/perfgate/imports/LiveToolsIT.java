package dev.perfgate.imports;

import dev.perfgate.TestPostgres;
import dev.perfgate.model.BenchmarkResult;
import dev.perfgate.model.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the real tools and imports what they write this time: pgbench (Debian: postgresql-client) against the
 * embedded PostgreSQL, and hyperfine (Debian: hyperfine). Skipped where a tool is not installed.
 */
class LiveToolsIT {

    @Test
    void pgbenchAgainstTheEmbeddedServer(@TempDir Path dir) throws Exception {
        Path pgbench = ToolRuns.find("pgbench");
        assumeTrue(pgbench != null, "pgbench is not installed (Debian: apt-get install postgresql-client)");
        String database = "pgbench_import_" + ProcessHandle.current().pid();
        Map<String, String> env;
        try (Connection c = TestPostgres.server().connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + database);
            st.execute("CREATE DATABASE " + database);
            try (ResultSet rs = st.executeQuery("SELECT inet_server_port()")) {
                rs.next();
                env = Map.of("PGHOST", "localhost", "PGPORT", rs.getString(1), "PGUSER", "postgres",
                        "PGDATABASE", database);
            }
        }
        String bin = pgbench.toString();
        ToolRuns.run(dir, env, bin, "-i", "-s", "1", "-q");
        ToolRuns.run(dir, env, bin, "-c", "2", "-j", "2", "-t", "100", "-l", "--log-prefix=txn");
        ImportResult transactions = new PgbenchImporter().importFiles(files(dir, "txn."));
        ImportSamples.assertValid(transactions);
        assertThat(transactions.run().benchmark("pgbench").orElseThrow().samples()).hasSize(200);

        ToolRuns.run(dir, env, bin, "-c", "2", "-j", "1", "-T", "3", "--aggregate-interval=1", "-l",
                "--log-prefix=agg");
        ImportResult aggregate = new PgbenchImporter().importFiles(files(dir, "agg."));
        ImportSamples.assertValid(aggregate);
        assertThat(aggregate.run().benchmark("pgbench.tps").orElseThrow().samples()).isNotEmpty();

        String report = ToolRuns.run(dir, env, bin, "-c", "2", "-j", "2", "-T", "2", "-r", "-P", "1");
        RunResult summary = new PgbenchImporter().parse(report, "pgbench -r").run();
        assertThat(summary.benchmarks()).singleElement().satisfies(b -> assertThat(b.summaryOnly()).isTrue());
        assertThat(summary.environment().postgresql().version()).startsWith("18");
    }

    @Test
    void hyperfineExport(@TempDir Path dir) throws Exception {
        Path hyperfine = ToolRuns.find("hyperfine");
        assumeTrue(hyperfine != null, "hyperfine is not installed (Debian: apt-get install hyperfine)");
        ToolRuns.run(dir, Map.of(), hyperfine.toString(), "--runs", "5", "--export-json", "out.json", "--style",
                "none", "sleep 0.01", "true");
        ImportResult result = new HyperfineImporter().importFile(dir.resolve("out.json"));
        ImportSamples.assertValid(result);
        List<BenchmarkResult> benchmarks = result.run().benchmarks();
        assertThat(benchmarks).extracting(BenchmarkResult::name).containsExactly("sleep 0.01", "true");
        // hyperfine subtracts its own measured shell overhead, so on a busy machine "sleep 0.01" can read below
        // 10 ms; what must hold is that the samples are milliseconds of the command that sleeps
        assertThat(benchmarks.get(0).samples()).hasSize(5).allSatisfy(ms -> assertThat(ms).isBetween(2.0, 1000.0));
        assertThat(median(benchmarks.get(0))).isGreaterThan(median(benchmarks.get(1)) + 2);
    }

    private static double median(BenchmarkResult b) {
        return dev.perfgate.stats.Summary.median(b.sampleArray());
    }

    private static List<Path> files(Path dir, String prefix) throws java.io.IOException {
        try (Stream<Path> all = Files.list(dir)) {
            List<Path> logs = all.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
            assertThat(logs).isNotEmpty();
            logs.forEach(p -> assertThat(p.toFile().length()).isPositive());
            return logs;
        }
    }

}
