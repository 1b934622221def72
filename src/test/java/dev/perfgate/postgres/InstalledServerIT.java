package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;
import dev.perfgate.bench.EnvironmentProbe;
import dev.perfgate.model.PostgresInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Throwaway clusters from the machine's Debian PostgreSQL 15, with and without builds of the pgwork extension. */
class InstalledServerIT {

    @TempDir
    Path temp;

    @Test
    void runsACluster15AsPerfgateRunsTheEmbeddedOne() throws Exception {
        Installation pg15 = PgworkBuilds.debian15();
        assertThat(pg15.major()).isEqualTo(15);
        assertThat(pg15.missingPreloads()).isEmpty();
        Path parent = parent();
        List<String> status = new ArrayList<>();
        InstalledServer server = InstalledServer.start(new ServerSpec(pg15, List.of(), Map.of("work_mem", "8MB")),
                status::add, parent);
        PostgresInfo info;
        try (Connection c = server.connect(); Statement st = c.createStatement()) {
            info = EnvironmentProbe.probe(c, server.origin()).postgresql();
            assertThat(value(st, "SHOW shared_preload_libraries")).isEqualTo("pg_stat_statements,auto_explain");
            assertThat(value(st, "SHOW work_mem")).isEqualTo("8MB");
            assertThat(value(st, "SHOW synchronous_commit")).isEqualTo("on");
            assertThat(value(st, "SELECT count(*) FROM generate_series(1, 1000)")).isEqualTo("1000");
            if (Processes.root()) {
                assertThat(ownerOfPostmaster(server)).as("uid of the postmaster").isEqualTo(Processes.NOBODY);
            }
        } finally {
            server.close();
        }
        assertThat(info.version()).startsWith("15.");
        assertThat(info.origin()).isEqualTo(PgworkBuilds.DEBIAN_15.toString());
        assertThat(info.settings()).containsEntry("data_checksums", "off").containsEntry("lc_collate", "C")
                .containsEntry("locale_provider", "libc").containsKey("jit_available");
        assertThat(status).isEmpty();
        assertThat(server.workDirectoryExists()).isFalse();
        assertThat(parent).isEmptyDirectory();
    }

    @Test
    void loadsAnExtensionBuildFromItsStagedTreeNotFromTheInstallation() throws Exception {
        Installation pg15 = PgworkBuilds.debian15();
        ExtensionBuild build = ExtensionBuild.of(PgworkBuilds.stage(pg15.binDir(), 125, temp.resolve("b125")));
        assertThat(build.names()).containsExactly("pgwork");
        Path parent = parent();
        try (InstalledServer server = InstalledServer.start(new ServerSpec(pg15, List.of(build), Map.of()), s -> { },
                parent); Connection c = server.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION pgwork");
            assertThat(value(st, "SELECT pgwork_units()")).isEqualTo("125");
            assertThat(Long.parseLong(value(st, "SELECT pgwork_spin(1000)"))).isPositive();
            assertThat(value(st, "SHOW server_version")).startsWith("15.");
        }
        assertThat(pg15.shareDir().resolve("extension/pgwork.control")).as("the installation is untouched")
                .doesNotExist();
        assertThat(parent).isEmptyDirectory();
    }

    @Test
    void runsTwoBuildsOfOneExtensionSideBySide() throws Exception {
        Installation pg15 = PgworkBuilds.debian15();
        ExtensionBuild base = ExtensionBuild.of(PgworkBuilds.stage(pg15.binDir(), 100, temp.resolve("b100")));
        ExtensionBuild slower = ExtensionBuild.of(PgworkBuilds.stage(pg15.binDir(), 125, temp.resolve("b125")));
        Path parent = parent();
        try (InstalledServer a = InstalledServer.start(new ServerSpec(pg15, List.of(base), Map.of()), s -> { }, parent);
             InstalledServer b = InstalledServer.start(new ServerSpec(pg15, List.of(slower), Map.of()), s -> { },
                     parent);
             Connection ca = a.connect(); Connection cb = b.connect();
             Statement sa = ca.createStatement(); Statement sb = cb.createStatement()) {
            sa.execute("CREATE EXTENSION pgwork");
            sb.execute("CREATE EXTENSION pgwork");
            assertThat(value(sa, "SELECT pgwork_units()")).isEqualTo("100");
            assertThat(value(sb, "SELECT pgwork_units()")).isEqualTo("125");
        }
        assertThat(parent).isEmptyDirectory();
    }

    @Test
    void aSettingTheServerRejectsIsPostgresqlsOwnLineAndLeavesNothing() throws Exception {
        Installation pg15 = PgworkBuilds.debian15();
        Path parent = parent();
        assertThatThrownBy(() -> InstalledServer.start(new ServerSpec(pg15, List.of(), Map.of("work_mem", "lots")),
                s -> { }, parent))
                .isInstanceOf(PerfgateException.class)
                .hasMessageContaining("invalid value for parameter \"work_mem\": \"lots\"")
                .hasMessageNotContaining("\n");
        assertThat(parent).isEmptyDirectory();
        assertThat(processesNaming(parent)).isEmpty();
    }

    @Test
    void aFailedStartWithABuildLeavesNoPrivateInstallation() throws Exception {
        Installation pg15 = PgworkBuilds.debian15();
        ExtensionBuild build = ExtensionBuild.of(PgworkBuilds.stage(pg15.binDir(), 100, temp.resolve("b100")));
        Path parent = parent();
        assertThatThrownBy(() -> InstalledServer.start(new ServerSpec(pg15, List.of(build),
                Map.of("shared_buffers", "1kB")), s -> { }, parent))
                .isInstanceOf(PerfgateException.class)
                .hasMessageContaining("shared_buffers")
                .hasMessageNotContaining("\n");
        assertThat(parent).isEmptyDirectory();
        assertThat(processesNaming(parent)).isEmpty();
    }

    @Test
    void aPreloadLibraryTheInstallationLacksIsPostgresqlsOwnLine() throws Exception {
        Installation pg15 = PgworkBuilds.debian15();
        Path parent = parent();
        assertThatThrownBy(() -> InstalledServer.start(new ServerSpec(pg15, List.of(),
                Map.of("shared_preload_libraries", "no_such_module")), s -> { }, parent))
                .isInstanceOf(PerfgateException.class)
                .hasMessageContaining("no_such_module")
                .hasMessageNotContaining("\n");
        assertThat(parent).isEmptyDirectory();
    }

    @Test
    void aBuildForAnotherMajorIsPostgresqlsIncompatibleLibraryLineWithItsDetail() throws Exception {
        Installation pg15 = PgworkBuilds.debian15();
        ExtensionBuild for15 = ExtensionBuild.of(PgworkBuilds.stage(pg15.binDir(), 100, temp.resolve("b100")));
        String line;
        try (DatabaseServer embedded18 = Servers.start(new ServerSpec(null, List.of(for15), Map.of()));
             Connection c = embedded18.connect(); Statement st = c.createStatement()) {
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> st.execute("CREATE EXTENSION pgwork"));
            line = SqlErrors.oneLine(e);
        }
        assertThat(line).contains("incompatible library").contains("version mismatch")
                .contains("DETAIL: Server is version 18, library is version 15").doesNotContain("\n");
    }

    @Test
    void anInstallationWithoutInitdbIsOneLine() throws Exception {
        Installation pg15 = PgworkBuilds.debian15();
        Path bin = Files.createDirectories(temp.resolve("bin"));
        try (Stream<Path> files = Files.list(pg15.binDir())) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals("initdb")) Files.copy(f, bin.resolve(f.getFileName()));
            }
        }
        assertThatThrownBy(() -> Installation.of(bin)).isInstanceOf(PerfgateException.class)
                .hasMessage("--pg-bin " + bin + ": no initdb there: give the bin folder of a PostgreSQL installation, "
                        + "e.g. $(pg_config --bindir)");
    }

    /** A parent for the server's temporary folder that nobody may enter, as java.io.tmpdir is. */
    private Path parent() throws IOException {
        Path parent = Files.createDirectories(temp.resolve("tmp"));
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxrwxrwx"));
        return parent;
    }

    private static String value(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String ownerOfPostmaster(InstalledServer server) throws IOException {
        String pid = Files.readAllLines(server.workDirectory().resolve("data/postmaster.pid")).get(0).strip();
        return Files.readAllLines(Path.of("/proc", pid, "status")).stream().filter(l -> l.startsWith("Uid:"))
                .map(l -> l.split("\\s+")[1]).findFirst().orElseThrow();
    }

    private static List<ProcessHandle> processesNaming(Path dir) {
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(dir.toString()))
                .orElse(false)).toList();
    }
}
