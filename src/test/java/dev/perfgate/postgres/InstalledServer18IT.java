package dev.perfgate.postgres;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A PostgreSQL 18 installation through {@code --pg-bin}: the jar's own binaries, as zonky unpacks them (no pg_config:
 * the share and library folders are found by PostgreSQL's default layout), with extension builds loaded through
 * {@code extension_control_path} and {@code dynamic_library_path}.
 */
class InstalledServer18IT {

    static Path bin;

    @TempDir
    Path temp;

    @BeforeAll
    static void unpackTheJarsBinaries() throws IOException {
        EmbeddedServer.start().close();
        Path cache = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        try (Stream<Path> dirs = Files.list(cache)) {
            bin = dirs.map(d -> d.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb"))).findFirst()
                    .orElse(null);
        }
        assumeTrue(bin != null, "skipped: zonky did not unpack the PostgreSQL binaries in " + cache);
    }

    @Test
    void theJarsBinariesAreAnInstallationOf18WithItsModules() {
        Installation pg18 = Installation.of(bin);
        assertThat(pg18.major()).isEqualTo(18);
        assertThat(pg18.shareDir()).isEqualTo(bin.resolveSibling("share/postgresql"));
        assertThat(pg18.pkglibDir()).isEqualTo(bin.resolveSibling("lib/postgresql"));
        assertThat(pg18.missingPreloads()).isEmpty();
    }

    @Test
    void aBuildForAnotherMajorLoadsFromItsTreeAndIsRefusedByPostgresql() throws Exception {
        Installation pg15 = PgworkBuilds.debian15();
        ExtensionBuild for15 = ExtensionBuild.of(PgworkBuilds.stage(pg15.binDir(), 100, temp.resolve("b100")));
        Installation pg18 = Installation.of(bin);
        String line;
        try (InstalledServer server = InstalledServer.start(new ServerSpec(pg18, List.of(for15), Map.of()), s -> { });
             Connection c = server.connect(); Statement st = c.createStatement()) {
            assertThat(value(st, "SELECT count(*) FROM pg_available_extensions WHERE name = 'pgwork'")).isEqualTo("1");
            SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                    () -> st.execute("CREATE EXTENSION pgwork"));
            line = SqlErrors.oneLine(e);
            assertThat(server.workDirectory().resolve("ext/lib/pgwork.so")).isRegularFile();
        }
        assertThat(line).contains("incompatible library").contains("DETAIL: Server is version 18, library is version 15");
    }

    private static String value(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
