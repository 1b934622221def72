package dev.perfgate.postgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * A private copy of an installation for one cluster, with extension builds laid over it: how a build is loaded before
 * PostgreSQL 18, which has no {@code extension_control_path}. PostgreSQL finds its share and library folders relative
 * to the real path of its own executable ({@code find_my_exec} resolves symbolic links), so {@code postgres},
 * {@code initdb} and {@code pg_ctl} are copied into a tree that mirrors the installation's relative layout (Debian:
 * {@code usr/lib/postgresql/15/bin}, {@code usr/lib/postgresql/15/lib}, {@code usr/share/postgresql/15}); every other
 * share and library file is a symbolic link to the installation's, and the builds' files replace the links of their
 * names. Nothing is written into the user's installation.
 */
final class PrivateInstallation {

    private static final List<String> PROGRAMS = List.of("postgres", "initdb", "pg_ctl");

    private PrivateInstallation() {
    }

    /**
     * Builds the private tree under {@code root} and returns its bin folder.
     *
     * @throws IOException when a file cannot be copied or linked
     */
    static Path create(Installation installation, List<ExtensionBuild> builds, Path root) throws IOException {
        Path bin = installation.binDir().toRealPath();
        Path share = installation.shareDir().toRealPath();
        Path lib = installation.pkglibDir().toRealPath();
        Path prefix = commonPrefix(commonPrefix(bin, share), lib);
        Path privateBin = root.resolve(prefix.relativize(bin).toString());
        Path privateShare = root.resolve(prefix.relativize(share).toString());
        Path privateLib = root.resolve(prefix.relativize(lib).toString());
        Files.createDirectories(privateBin);
        for (String program : PROGRAMS) {
            Files.copy(bin.resolve(program).toRealPath(), privateBin.resolve(program), StandardCopyOption.COPY_ATTRIBUTES);
        }
        linkEach(share, privateShare, "extension");
        linkEach(share.resolve("extension"), privateShare.resolve("extension"), null);
        linkEach(lib, privateLib, null);
        ExtensionOverlay.layOver(builds, privateShare.resolve("extension"), privateLib);
        return privateBin;
    }

    /** The longest folder both paths are under. */
    static Path commonPrefix(Path a, Path b) {
        Path p = a;
        while (p != null && !b.startsWith(p)) p = p.getParent();
        if (p == null) throw new IllegalArgumentException(a + " and " + b + " share no root");
        return p;
    }

    /** Links every entry of {@code from} into {@code to}, except {@code except}, which is made a real folder. */
    private static void linkEach(Path from, Path to, String except) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.equals(except)) continue;
                Files.createSymbolicLink(to.resolve(name), entry);
            }
        }
    }
}
