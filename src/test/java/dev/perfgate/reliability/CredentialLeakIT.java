package dev.perfgate.reliability;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A password given in the JDBC URL, in {@code PGPASSWORD}, in a {@code PGPASSFILE} or in {@code ~/.pgpass} (so the
 * real jar, in a process with that environment) never appears in anything perfgate produces: stdout, stderr with
 * {@code --debug} stack traces, the results file, every report format, the GitHub job summary, the history file, the
 * PostgreSQL history table; nor does a wrong password, nor a password in a mistyped command line.
 */
class CredentialLeakIT {

    static final Path JAR = Path.of("target", "perfgate.jar").toAbsolutePath();
    static final String SECRET = "Pg-Secret-7f3a9c";
    static final String WRONG = "Wrong-Secret-51b2";

    static EmbeddedPostgres pg;
    static String url;

    @TempDir
    Path dir;
    final List<String> printed = new ArrayList<>();

    @BeforeAll
    static void serverWithAPassword() throws Exception {
        pg = EmbeddedPostgres.builder().setDataDirectoryCustomizer(data -> {
            try {
                Files.writeString(data.toPath().resolve("pg_hba.conf"), "local all all trust\n"
                        + "host all postgres 127.0.0.1/32 trust\nhost all all 127.0.0.1/32 scram-sha-256\n"
                        + "host all all ::1/128 scram-sha-256\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE bench LOGIN PASSWORD '" + SECRET + "'");
            st.execute("CREATE DATABASE bench OWNER bench");
        }
        url = "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/bench";
    }

    @AfterAll
    static void stop() throws IOException {
        if (pg != null) pg.close();
    }

    @Test
    void noArtefactOfAnyRunContainsThePassword() throws Exception {
        assumeTrue(Files.exists(JAR), "needs the packaged jar: mvn -DskipTests package");
        Path suite = Files.createDirectories(dir.resolve("suite"));
        Files.writeString(suite.resolve("q.sql"), "-- perfgate: iterations=3 warmup=0\n-- perfgate:run\nSELECT 1;\n");
        Path bad = Files.createDirectories(dir.resolve("bad"));
        Files.writeString(bad.resolve("q.sql"), "-- perfgate:run\nSELECT * FROM no_such_table;\n");
        Path history = dir.resolve("out/history.jsonl");
        Path pgpass = Files.writeString(dir.resolve("pgpass"), "127.0.0.1:" + pg.getPort() + ":bench:bench:" + SECRET + "\n");
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.copy(pgpass, home.resolve(".pgpass"));
        Path wrongPass = Files.writeString(dir.resolve("wrongpass"), "127.0.0.1:" + pg.getPort() + ":bench:bench:" + WRONG + "\n");
        String user = url + "?user=bench";
        String inUrl = user + "&password=" + SECRET;
        String historyUrl = inUrl;

        // The first run becomes the baseline, so the later ones write every report format.
        ok(perfgate(Map.of(), List.of(), "check", suite.toString(), "--db", inUrl, "-o", "out/a.json", "--history",
                history.toString(), "--debug"));
        Cli.run("baseline", "accept", dir.resolve("out/a.json").toString(), "--baseline", dir.resolve("base.json")
                .toString(), "--reason", "first", "--yes", "--force").succeeds(); // 3 iterations
        String formats = "text,json,markdown,junit,html";
        ok(perfgate(Map.of("PGPASSWORD", SECRET), List.of(), "check", suite.toString(), "--db", user, "-o", "out/b.json",
                "--history", historyUrl, "--out", "out/reports-b", "--baseline", "base.json", "--format", formats,
                "--debug"));
        ok(perfgate(Map.of("PGPASSFILE", pgpass.toString()), List.of(), "check", suite.toString(), "--db", user, "-o",
                "out/c.json", "--history", history.toString(), "--out", "out/reports-c", "--baseline", "base.json",
                "--format", formats, "--debug"));
        ok(perfgate(Map.of(), List.of("-Duser.home=" + home), "check", suite.toString(), "--db", user, "-o",
                "out/d.json", "--history", history.toString(), "--out", "out/reports-d", "--baseline", "base.json",
                "--format", formats));
        ok(perfgate(Map.of(), List.of(), "history", "list", "--history", historyUrl, "--debug"));
        ok(perfgate(Map.of(), List.of(), "history", "plot", "--history", historyUrl, "--out", "out/plot"));

        // Failures, with stack traces: wrong passwords from each source, an SQL error, an unreachable history.
        failed(perfgate(Map.of(), List.of(), "run", suite.toString(), "--db", user + "&password=" + WRONG, "--debug"));
        failed(perfgate(Map.of("PGPASSWORD", WRONG), List.of(), "run", suite.toString(), "--db", user, "--debug"));
        failed(perfgate(Map.of("PGPASSFILE", wrongPass.toString()), List.of(), "run", suite.toString(), "--db", user,
                "--debug"));
        failed(perfgate(Map.of("PGPASSWORD", SECRET), List.of(), "run", bad.toString(), "--db", user, "--debug"));
        failed(perfgate(Map.of(), List.of(), "history", "list", "--history",
                "jdbc:postgresql://127.0.0.1:1/bench?user=bench&password=" + SECRET, "--debug"));
        // Mistyped command lines that echo their arguments: the URL without --db, and a misspelt option.
        failed(perfgate(Map.of(), List.of(), "check", inUrl, "--debug"));
        failed(perfgate(Map.of(), List.of(), "check", "--dbb=" + inUrl));
        failed(perfgate(Map.of(), List.of(), "check", suite.toString(), "--db", inUrl.replace("jdbc:postgresql:",
                "jdbc:postgres:"), "--debug"));

        assertThat(printed).hasSize(14);
        for (String output : printed) assertThat(output).doesNotContain(SECRET, WRONG);
        assertThat(dir.resolve("out/reports-b/comparison.html")).exists();
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).hasSizeGreaterThan(15);
            for (Path f : all) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(SECRET, WRONG);
            }
        }
        try (Connection c = pg.getDatabase("postgres", "bench").getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*), string_agg(t::text, '') FROM perfgate_runs t")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).doesNotContain(SECRET, WRONG);
        }
    }

    private record Run(int exitCode, String output) {
    }

    private Run perfgate(Map<String, String> env, List<String> jvm, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvm);
        command.addAll(List.of("-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "stdout", ".txt");
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        Map<String, String> environment = new HashMap<>(env);
        environment.put("GITHUB_STEP_SUMMARY", dir.resolve("out/step-summary.md").toString());
        pb.environment().remove("PGPASSWORD");
        pb.environment().remove("PGPASSFILE");
        pb.environment().putAll(environment);
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("perfgate did not finish: " + String.join(" ", args));
        }
        String output = Files.readString(out) + Files.readString(err);
        Files.delete(out);
        Files.delete(err);
        printed.add(output);
        return new Run(p.exitValue(), output);
    }

    private static void ok(Run r) {
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    private static void failed(Run r) {
        assertThat(r.exitCode()).as(r.output()).isEqualTo(2);
    }
}
