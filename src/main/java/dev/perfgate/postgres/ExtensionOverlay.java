package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lays extension builds' files where one cluster loads them, as copies in the cluster's own temporary folder: the
 * user's staged tree may sit where the server's user cannot read (a home folder, as root) or be rebuilt during the
 * run, and two clusters with two builds of one extension must not share a file.
 */
final class ExtensionOverlay {

    private ExtensionOverlay() {
    }

    /**
     * For PostgreSQL 18: copies the builds to {@code dir/share/extension} and {@code dir/lib} and returns the settings
     * that make the server look there first ({@code extension_control_path}, {@code dynamic_library_path}), before
     * the installation's own folders, so a build wins over a copy of the extension installed in the server. PostgreSQL
     * 18 strips {@code $libdir/} from a library name and searches the path, so the usual
     * {@code MODULE_PATHNAME '$libdir/NAME'} finds the build. Empty when there are no builds.
     */
    static Map<String, String> forMajor18(List<ExtensionBuild> builds, Path dir) throws IOException {
        if (builds.isEmpty()) return Map.of();
        Path share = dir.resolve("share");
        Path lib = dir.resolve("lib");
        layOver(builds, share.resolve("extension"), lib);
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("extension_control_path", share + ":$system");
        settings.put("dynamic_library_path", lib + ":$libdir");
        return settings;
    }

    /**
     * Copies the builds' control files and scripts into {@code extensionDir} and their libraries into {@code libDir},
     * replacing what is there (in a private installation: links to the installation's files).
     *
     * @throws PerfgateException when two builds bring different files of one name (two builds of one extension
     *                           belong to two sides, not one)
     */
    static void layOver(List<ExtensionBuild> builds, Path extensionDir, Path libDir) throws IOException {
        Files.createDirectories(extensionDir);
        Files.createDirectories(libDir);
        Map<Path, ExtensionBuild> from = new HashMap<>();
        for (ExtensionBuild build : builds) {
            for (Path f : build.extensionFiles()) copy(build, f, extensionDir, from);
            for (Path f : build.libraries()) copy(build, f, libDir, from);
        }
    }

    private static void copy(ExtensionBuild build, Path file, Path dir, Map<Path, ExtensionBuild> from)
            throws IOException {
        Path target = dir.resolve(file.getFileName().toString());
        ExtensionBuild earlier = from.putIfAbsent(target, build);
        if (earlier != null && earlier != build && Files.mismatch(file, target) != -1) {
            throw new PerfgateException("--extension " + build.root() + " and " + earlier.root() + " both bring "
                    + file.getFileName() + ": one side of a comparison loads one build of an extension");
        }
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) Files.delete(target);
        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        target.toFile().setReadable(true, false);
    }
}
