package dev.perfgate.history;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Makes a path read-only (or unreadable) for a test and undoes it on close. Permission bits do not stop root (the
 * tests run as root here), so as root a read-only path is made immutable with {@code chattr +i} instead; the test is
 * skipped where neither works. An unreadable file cannot be made for root: that test is skipped as root.
 */
final class HistoryReadOnly implements AutoCloseable {

    private final Path path;
    private final Set<PosixFilePermission> permissions;
    private final boolean immutable;

    private HistoryReadOnly(Path path, Set<PosixFilePermission> permissions, boolean immutable) {
        this.path = path;
        this.permissions = permissions;
        this.immutable = immutable;
    }

    static HistoryReadOnly make(Path path) throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "needs POSIX permissions");
        Set<PosixFilePermission> old = Files.getPosixFilePermissions(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-xr-xr-x"
                : "r--r--r--"));
        boolean immutable = Files.isWritable(path) && chattr("+i", path);
        HistoryReadOnly readOnly = new HistoryReadOnly(path, old, immutable);
        if (Files.isWritable(path) && !immutable) {
            readOnly.close();
            assumeTrue(false, "cannot make " + path + " read-only here (root without chattr)");
        }
        return readOnly;
    }

    static HistoryReadOnly unreadable(Path path) throws IOException {
        Set<PosixFilePermission> old = Files.getPosixFilePermissions(path);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("---------"));
        HistoryReadOnly readOnly = new HistoryReadOnly(path, old, false);
        if (Files.isReadable(path)) {
            readOnly.close();
            assumeTrue(false, "running as root: every file is readable");
        }
        return readOnly;
    }

    @Override
    public void close() throws IOException {
        if (immutable) chattr("-i", path);
        Files.setPosixFilePermissions(path, permissions);
    }

    private static boolean chattr(String flag, Path path) {
        try {
            Process p = new ProcessBuilder("chattr", flag, path.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
