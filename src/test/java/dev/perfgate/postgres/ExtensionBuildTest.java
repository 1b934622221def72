package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading a staged extension tree (no build, no server): what is in it, and the trees that are refused. */
class ExtensionBuildTest {

    @TempDir
    Path staged;

    @TempDir
    Path elsewhere;

    /** The first bytes of a 64-bit little-endian ELF shared object for processor {@code machine}. */
    static byte[] elf(int machine) {
        byte[] h = new byte[64];
        h[0] = 0x7f;
        h[1] = 'E';
        h[2] = 'L';
        h[3] = 'F';
        h[4] = 2; // 64-bit
        h[5] = 1; // little-endian
        h[16] = 3; // ET_DYN
        h[18] = (byte) machine;
        h[19] = (byte) (machine >> 8);
        return h;
    }

    static int thisMachine() {
        String arch = System.getProperty("os.arch");
        return arch.equals("aarch64") || arch.equals("arm64") ? 183 : 62;
    }

    private void pgxsLayout(String name, byte[] library) throws IOException {
        Path ext = Files.createDirectories(staged.resolve("usr/share/postgresql/15/extension"));
        Files.writeString(ext.resolve(name + ".control"), "default_version = '1.0'\n");
        Files.writeString(ext.resolve(name + "--1.0.sql"), "SELECT 1;\n");
        Path lib = Files.createDirectories(staged.resolve("usr/lib/postgresql/15/lib"));
        Files.write(lib.resolve(name + ".so"), library);
    }

    @Test
    void findsControlScriptsAndLibraryWhateverThePrefix() throws IOException {
        pgxsLayout("pgwork", elf(thisMachine()));
        Files.writeString(staged.resolve("usr/share/postgresql/15/extension/pgwork--1.0--1.1.sql"), "");
        ExtensionBuild build = ExtensionBuild.of(staged);
        assertThat(build.names()).containsExactly("pgwork");
        assertThat(build.extensionFiles()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("pgwork.control", "pgwork--1.0.sql", "pgwork--1.0--1.1.sql");
        assertThat(build.libraries()).extracting(p -> p.getFileName().toString()).containsExactly("pgwork.so");
        assertThat(build.describe()).isEqualTo("pgwork from " + staged.toAbsolutePath().normalize());
    }

    @Test
    void twoCopiesOfOneBuildHaveOneDigestAndAChangedLibraryAnother() throws IOException {
        pgxsLayout("pgwork", elf(thisMachine()));
        ExtensionBuild first = ExtensionBuild.of(staged);
        Path copy = elsewhere.resolve("copy");
        PgworkBuilds.copyTree(staged, copy);
        ExtensionBuild second = ExtensionBuild.of(copy);
        assertThat(second.digest()).isEqualTo(first.digest());
        byte[] changed = elf(thisMachine());
        changed[40] = 1;
        Files.write(copy.resolve("usr/lib/postgresql/15/lib/pgwork.so"), changed);
        assertThat(ExtensionBuild.of(copy).digest()).isNotEqualTo(first.digest());
    }

    @Test
    void loadsEveryExtensionOfATree() throws IOException {
        pgxsLayout("pgwork", elf(thisMachine()));
        pgxsLayout("pgother", elf(thisMachine()));
        assertThat(ExtensionBuild.of(staged).names()).containsExactly("pgother", "pgwork");
    }

    @Test
    void aTreeWithoutAControlFileIsRefused() throws IOException {
        Files.createDirectories(staged.resolve("usr/lib"));
        Files.write(staged.resolve("usr/lib/pgwork.so"), elf(thisMachine()));
        assertThatThrownBy(() -> ExtensionBuild.of(staged)).isInstanceOf(PerfgateException.class)
                .hasMessageStartingWith("--extension " + staged + ": no extension control file (NAME.control) in it")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aLibraryForAnotherProcessorIsRefused() throws IOException {
        int other = thisMachine() == 62 ? 183 : 62;
        pgxsLayout("pgwork", elf(other));
        assertThatThrownBy(() -> ExtensionBuild.of(staged, "--against-extension"))
                .isInstanceOf(PerfgateException.class)
                .hasMessageContaining("usr/lib/postgresql/15/lib/pgwork.so is built for "
                        + (other == 62 ? "x86_64" : "aarch64"))
                .hasMessageEndingWith(": build the extension on this machine");
    }

    @Test
    void aLibraryThatIsNotELFIsRefused() throws IOException {
        pgxsLayout("pgwork", "not a library".getBytes());
        assertThatThrownBy(() -> ExtensionBuild.of(staged)).isInstanceOf(PerfgateException.class)
                .hasMessageContaining("pgwork.so is not a Linux shared library (ELF)");
    }

    @Test
    void aFileIsNotAStagedTree() throws IOException {
        Path file = Files.writeString(staged.resolve("x"), "");
        assertThatThrownBy(() -> ExtensionBuild.of(file)).isInstanceOf(PerfgateException.class)
                .hasMessageContaining(": not a folder");
    }

    @Test
    void headersOfOtherPlatformsAreNamed() {
        assertThat(SharedLibrary.problem(elf(62), 64, "Linux", "amd64")).isEmpty();
        assertThat(SharedLibrary.problem(elf(183), 64, "Linux", "aarch64")).isEmpty();
        assertThat(SharedLibrary.problem(elf(183), 64, "Linux", "amd64")).hasValue(
                "is built for aarch64, this machine is x86_64: build the extension on this machine");
        byte[] machO = {(byte) 0xcf, (byte) 0xfa, (byte) 0xed, (byte) 0xfe, 0, 0, 0, 0};
        assertThat(SharedLibrary.problem(machO, 8, "Mac OS X", "aarch64")).isEmpty();
        assertThat(SharedLibrary.problem(machO, 8, "Linux", "amd64")).get().asString()
                .startsWith("is not a Linux shared library");
        assertThat(SharedLibrary.problem(elf(62), 64, "Mac OS X", "x86_64")).get().asString()
                .startsWith("is not a macOS shared library");
    }
}
