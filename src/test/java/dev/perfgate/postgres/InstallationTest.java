package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading an installation's bin folder: what is missing, its version, its folders, its modules (no server runs). */
class InstallationTest {

    @TempDir
    Path root;

    /** A fake installation in PostgreSQL's default layout: PREFIX/{bin,share/postgresql,lib/postgresql}. */
    private Path fake(String versionLine, boolean statements) throws IOException {
        Path bin = Files.createDirectories(root.resolve("pg/bin"));
        script(bin.resolve("postgres"), "echo '" + versionLine + "'");
        script(bin.resolve("initdb"), "exit 0");
        script(bin.resolve("pg_ctl"), "exit 0");
        Path ext = Files.createDirectories(root.resolve("pg/share/postgresql/extension"));
        Files.writeString(ext.resolve("plpgsql.control"), "");
        Path lib = Files.createDirectories(root.resolve("pg/lib/postgresql"));
        Files.writeString(lib.resolve("plpgsql.so"), "");
        Files.writeString(lib.resolve("auto_explain.so"), "");
        if (statements) {
            Files.writeString(lib.resolve("pg_stat_statements.so"), "");
            Files.writeString(ext.resolve("pg_stat_statements.control"), "");
        }
        return bin;
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    void readsVersionFoldersAndModulesByTheDefaultLayout() throws IOException {
        Path bin = fake("postgres (PostgreSQL) 17.6 (Debian 17.6-1)", true);
        Installation pg = Installation.of(bin);
        assertThat(pg.major()).isEqualTo(17);
        assertThat(pg.version()).isEqualTo("17.6 (Debian 17.6-1)");
        assertThat(pg.versionNumber()).isEqualTo("17.6");
        assertThat(pg.shareDir()).isEqualTo(root.resolve("pg/share/postgresql"));
        assertThat(pg.pkglibDir()).isEqualTo(root.resolve("pg/lib/postgresql"));
        assertThat(pg.missingPreloads()).isEmpty();
        assertThat(pg.origin()).isEqualTo(bin.toString());
    }

    @Test
    void saysWhichPreloadedModuleIsMissing() throws IOException {
        assertThat(Installation.of(fake("postgres (PostgreSQL) 13.16", false)).missingPreloads())
                .containsExactly("pg_stat_statements");
    }

    @Test
    void refusesAMajorItDoesNotKnow() throws IOException {
        Path bin = fake("postgres (PostgreSQL) 12.20", true);
        assertThatThrownBy(() -> Installation.of(bin)).isInstanceOf(PerfgateException.class)
                .hasMessage("--pg-bin " + bin + ": PostgreSQL 12.20 is not supported: perfgate runs majors 13 to 18");
    }

    @Test
    void aFolderWithoutTheProgramsIsOneLine() throws IOException {
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertThatThrownBy(() -> Installation.of(empty, "--against-pg-bin")).isInstanceOf(PerfgateException.class)
                .hasMessage("--against-pg-bin " + empty + ": no initdb there: give the bin folder of a PostgreSQL "
                        + "installation, e.g. $(pg_config --bindir)");
        assertThatThrownBy(() -> Installation.of(root.resolve("nowhere"))).isInstanceOf(PerfgateException.class)
                .hasMessageContaining(": not a folder: give the bin folder");
    }

    @Test
    void aProgramThatIsNotExecutableIsOneLine() throws IOException {
        Path bin = fake("postgres (PostgreSQL) 16.4", true);
        Files.setPosixFilePermissions(bin.resolve("pg_ctl"), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> Installation.of(bin)).isInstanceOf(PerfgateException.class)
                .hasMessageContaining(": pg_ctl is not an executable file");
    }

    @Test
    void aPostgresThatDoesNotSayItsVersionIsOneLine() throws IOException {
        Path bin = fake("something else", true);
        assertThatThrownBy(() -> Installation.of(bin)).isInstanceOf(PerfgateException.class)
                .hasMessageContaining("its postgres does not say which PostgreSQL it is");
    }

    @Test
    void parsesVersionLines() {
        assertThat(Installation.parseVersion("postgres (PostgreSQL) 18.4")).hasValue("18.4");
        assertThat(Installation.parseVersion("postgres (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n"))
                .hasValue("15.20 (Debian 15.20-0+deb12u1)");
        assertThat(Installation.parseVersion("postgres (PostgreSQL) 19devel")).hasValue("19devel");
        assertThat(Installation.major("19devel")).isEqualTo(19);
    }
}
