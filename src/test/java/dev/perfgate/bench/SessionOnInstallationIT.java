package dev.perfgate.bench;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.RunResult;
import dev.perfgate.postgres.ExtensionBuild;
import dev.perfgate.postgres.Installation;
import dev.perfgate.postgres.PgworkBuilds;
import dev.perfgate.postgres.ServerSpec;
import dev.perfgate.suite.Settings;
import dev.perfgate.suite.Suite;
import dev.perfgate.suite.SuiteReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A whole measurement session on a cluster from an installation, loading an extension build, through Session. */
class SessionOnInstallationIT {

    @TempDir
    Path dir;

    private Suite suite() throws IOException {
        Path suite = Files.createDirectories(dir.resolve("suite"));
        Files.writeString(suite.resolve("_suite.sql"), "-- perfgate: iterations=5 warmup=1\n-- perfgate:setup\n"
                + "CREATE EXTENSION IF NOT EXISTS pgwork;\n");
        Files.writeString(suite.resolve("spin.sql"), "-- perfgate:run\nSELECT pgwork_spin(2000);\n");
        return SuiteReader.readFolder(suite);
    }

    @Test
    void runsASuiteOnPostgresql15WithTheBuildAndRecordsTheServer() throws Exception {
        Installation pg15 = PgworkBuilds.debian15();
        ExtensionBuild build = ExtensionBuild.of(PgworkBuilds.stage(pg15.binDir(), 100, dir.resolve("b100")));
        List<String> status = new ArrayList<>();
        RunResult run;
        try (Session session = Session.start(new ServerSpec(pg15, List.of(build), Map.of()), status::add)) {
            run = SuiteRun.measure(session, suite(), Settings.EMPTY, false, Progress.SILENT);
        }
        assertThat(status.get(0)).isEqualTo("starting PostgreSQL " + pg15.versionNumber() + " from " + pg15.binDir()
                + ", pgwork from " + build.root());
        assertThat(status).noneMatch(s -> s.startsWith("warning"));
        assertThat(run.environment().postgresql().version()).startsWith("15.");
        assertThat(run.environment().postgresql().origin()).isEqualTo(pg15.binDir().toString());
        assertThat(run.benchmarks().get(0).samples()).hasSize(5).allMatch(ms -> ms > 0);
        assertThat(run.benchmarks().get(0).counters()).as("pg_stat_statements preloaded").isNotNull();
    }

    @Test
    void aBuildForAnotherMajorFailsTheSetupWithPostgresqlsDetail() throws Exception {
        Installation pg15 = PgworkBuilds.debian15();
        ExtensionBuild for15 = ExtensionBuild.of(PgworkBuilds.stage(pg15.binDir(), 100, dir.resolve("b100")));
        Suite suite = suite();
        assertThatThrownBy(() -> {
            try (Session session = Session.start(new ServerSpec(null, List.of(for15), Map.of()), s -> { })) {
                SuiteRun.measure(session, suite, Settings.EMPTY, false, Progress.SILENT);
            }
        }).isInstanceOf(PerfgateException.class)
                .hasMessageContaining("incompatible library")
                .hasMessageContaining("DETAIL: Server is version 18, library is version 15")
                .hasMessageNotContaining("\n");
    }
}
