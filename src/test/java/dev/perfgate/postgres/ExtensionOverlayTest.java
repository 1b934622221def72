package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Laying builds' files where a cluster loads them: copies, the build first on PostgreSQL 18's paths. */
class ExtensionOverlayTest {

    @TempDir
    Path temp;

    private ExtensionBuild build(String dir, String name, String script) throws IOException {
        Path ext = Files.createDirectories(temp.resolve(dir + "/usr/share/postgresql/18/extension"));
        Files.writeString(ext.resolve(name + ".control"), "default_version = '1.0'\n");
        Files.writeString(ext.resolve(name + "--1.0.sql"), script);
        Path lib = Files.createDirectories(temp.resolve(dir + "/usr/lib/postgresql/18/lib"));
        Files.write(lib.resolve(name + ".so"), ExtensionBuildTest.elf(ExtensionBuildTest.thisMachine()));
        return ExtensionBuild.of(temp.resolve(dir));
    }

    @Test
    void copiesTheBuildsAndPutsTheirFoldersFirst() throws IOException {
        ExtensionBuild a = build("a", "pgwork", "SELECT 1;");
        ExtensionBuild b = build("b", "pgother", "SELECT 2;");
        Path dir = temp.resolve("server/ext");
        Map<String, String> settings = ExtensionOverlay.forMajor18(List.of(a, b), dir);
        assertThat(settings).containsExactly(Map.entry("extension_control_path", dir.resolve("share") + ":$system"),
                Map.entry("dynamic_library_path", dir.resolve("lib") + ":$libdir"));
        assertThat(dir.resolve("share/extension/pgwork.control")).isRegularFile();
        assertThat(dir.resolve("share/extension/pgother--1.0.sql")).hasContent("SELECT 2;");
        assertThat(dir.resolve("lib/pgwork.so")).isRegularFile();
        assertThat(Files.isSymbolicLink(dir.resolve("lib/pgwork.so"))).isFalse();
    }

    @Test
    void noBuildsNoSettings() throws IOException {
        assertThat(ExtensionOverlay.forMajor18(List.of(), temp.resolve("x"))).isEmpty();
        assertThat(temp.resolve("x")).doesNotExist();
    }

    @Test
    void twoBuildsOfOneExtensionOnOneSideAreRefused() throws IOException {
        ExtensionBuild a = build("a", "pgwork", "SELECT 1;");
        ExtensionBuild b = build("b", "pgwork", "SELECT 2;");
        assertThatThrownBy(() -> ExtensionOverlay.forMajor18(List.of(a, b), temp.resolve("ext")))
                .isInstanceOf(PerfgateException.class)
                .hasMessageContaining("both bring pgwork--1.0.sql: one side of a comparison loads one build");
    }

    @Test
    void replacesALinkToTheInstallationsFileWithTheBuilds() throws IOException {
        ExtensionBuild a = build("a", "pgwork", "SELECT 1;");
        Path installed = Files.writeString(temp.resolve("installed.sql"), "installed");
        Path ext = Files.createDirectories(temp.resolve("private/extension"));
        Files.createSymbolicLink(ext.resolve("pgwork--1.0.sql"), installed);
        ExtensionOverlay.layOver(List.of(a), ext, temp.resolve("private/lib"));
        assertThat(Files.isSymbolicLink(ext.resolve("pgwork--1.0.sql"))).isFalse();
        assertThat(ext.resolve("pgwork--1.0.sql")).hasContent("SELECT 1;");
        assertThat(installed).hasContent("installed");
    }

    @Test
    void thePrivateTreeMirrorsTheInstallationsLayout() {
        assertThat(PrivateInstallation.commonPrefix(Path.of("/usr/lib/postgresql/15/bin"),
                Path.of("/usr/share/postgresql/15"))).isEqualTo(Path.of("/usr"));
        assertThat(PrivateInstallation.commonPrefix(Path.of("/opt/pg/bin"), Path.of("/opt/pg/lib/postgresql")))
                .isEqualTo(Path.of("/opt/pg"));
    }
}
