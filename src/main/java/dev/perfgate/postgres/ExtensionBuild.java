package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * An {@code ExtensionBuild} is a built PostgreSQL extension staged in a folder ({@code --extension DIR}): what
 * {@code make install DESTDIR=DIR} writes for a PGXS extension, or {@code cargo pgrx package} for a pgrx one. Its
 * files are found under DIR whatever the installation prefix below it: control files and SQL scripts (in a folder
 * {@code .../extension/}), shared libraries anywhere. A tree may hold several extensions; all are loaded.
 *
 * @param root        the staged folder, absolute
 * @param names       the extensions: one per primary control file ({@code NAME.control}), sorted
 * @param extensionFiles the control files (primary and {@code NAME--VERSION.control}) and SQL scripts
 * @param libraries   the shared libraries ({@code .so}, {@code .dylib}), checked to be for this machine
 */
public record ExtensionBuild(Path root, List<String> names, List<Path> extensionFiles, List<Path> libraries) {

    public ExtensionBuild {
        names = List.copyOf(names);
        extensionFiles = List.copyOf(extensionFiles);
        libraries = List.copyOf(libraries);
    }

    /** {@link #of(Path, String)} for {@code --extension}. */
    public static ExtensionBuild of(Path stagedDir) {
        return of(stagedDir, "--extension");
    }

    /**
     * Reads the staged tree {@code stagedDir}.
     *
     * @param option how messages name where the folder came from, e.g. {@code --against-extension}
     * @throws PerfgateException (one line) when it is not a folder, holds no control file, or a library in it is not
     *                           for this machine
     */
    public static ExtensionBuild of(Path stagedDir, String option) {
        String where = option + " " + stagedDir;
        if (!Files.isDirectory(stagedDir)) {
            throw new PerfgateException(where + ": not a folder: give the folder an extension was staged into "
                    + "(make install DESTDIR=DIR, or cargo pgrx package's target/release/NAME-pgNN)");
        }
        Path root = stagedDir.toAbsolutePath().normalize();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new PerfgateException(where + ": cannot read: " + e.getMessage(), e);
        }
        List<Path> controls = files.stream().filter(p -> name(p).endsWith(".control")).toList();
        List<String> names = controls.stream().map(ExtensionBuild::name).filter(n -> !n.contains("--"))
                .map(n -> n.substring(0, n.length() - ".control".length())).distinct().sorted().toList();
        if (names.isEmpty()) {
            throw new PerfgateException(where + ": no extension control file (NAME.control) in it: stage the build "
                    + "with make install DESTDIR=" + stagedDir + " (PGXS) or cargo pgrx package (pgrx)");
        }
        List<Path> scripts = files.stream().filter(p -> name(p).endsWith(".sql")
                && names.stream().anyMatch(n -> name(p).startsWith(n + "--"))).toList();
        List<Path> libraries = files.stream().filter(p -> name(p).endsWith(".so") || name(p).endsWith(".dylib"))
                .toList();
        for (Path library : libraries) {
            SharedLibrary.problem(library).ifPresent(problem -> {
                throw new PerfgateException(where + ": " + root.relativize(library) + " " + problem);
            });
        }
        List<Path> extensionFiles = Stream.concat(controls.stream(), scripts.stream()).toList();
        return new ExtensionBuild(root, names, extensionFiles, libraries);
    }

    /**
     * A hash of the build's files (names and bytes), the same for two copies of one build wherever they are staged:
     * two sides whose builds have one digest load the same code, so their comparison can only pass.
     */
    public String digest() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path f : Stream.concat(extensionFiles.stream(), libraries.stream())
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList()) {
                sha.update(f.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(f));
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new PerfgateException("--extension " + root + ": cannot read: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** "pgwork from /tmp/staged", for status lines and reports. */
    public String describe() {
        return String.join(", ", names) + " from " + root;
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }
}
