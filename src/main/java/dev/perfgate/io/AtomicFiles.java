package dev.perfgate.io;

import dev.perfgate.PerfgateException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file's content all at once: readers, and the file after a crash, see either the old content or
 * the new, never a torn mix.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code bytes} to {@code file} via a synced temporary file in the same directory and a rename. */
    public static void write(Path file, byte[] bytes) {
        Path target = file.toAbsolutePath().normalize();
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = temporarySibling(target);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) channel.write(buffer);
                // The data must be on disk before the rename makes it visible, or a crash can leave an empty file.
                channel.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            syncDirectory(target.getParent());
        } catch (IOException e) {
            throw new PerfgateException("cannot write " + file + ": " + describe(e, target, tmp)
                    + "; any previous file there is unchanged", e);
        } finally {
            if (tmp != null) deleteQuietly(tmp);
        }
    }

    /** Names a failed file operation in words, without Java class names. */
    public static String describe(IOException e, Path target, Path tmp) {
        String what;
        if (e instanceof AccessDeniedException) what = "permission denied";
        else if (e instanceof NoSuchFileException) what = "no such file or directory";
        else if (e instanceof FileAlreadyExistsException) what = "a file is in the way";
        else if (e instanceof FileSystemException fse && fse.getReason() != null) what = fse.getReason();
        else what = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        String other = e instanceof FileSystemException fse ? fse.getFile() : null;
        boolean isOurs = other == null || other.equals(target.toString())
                || (tmp != null && other.equals(tmp.toString()));
        return (isOurs ? "" : other + ": ") + what.replace('\n', ' ');
    }

    // Not Files.createTempFile: that creates mode 0600, and the result would lose the usual umask permissions.
    private static Path temporarySibling(Path target) throws IOException {
        while (true) {
            String suffix = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
            Path tmp = target.resolveSibling("." + target.getFileName() + "." + suffix + ".tmp");
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException collision) {
                // another writer drew the same name: draw again
            } catch (FileSystemException e) {
                // The user never asked for the temporary name: blame the directory (read-only, full) instead.
                String reason = e instanceof AccessDeniedException ? "permission denied" : e.getReason();
                throw new FileSystemException(target.getParent().toString(), null,
                        reason != null ? reason : "cannot create a file in this directory");
            }
        }
    }

    // Makes the rename itself durable. Not every platform can open a directory (Windows cannot): best effort.
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // the file content is already synced; only the rename's durability is at stake
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // a stray hidden .tmp file is harmless; the error that got us here matters more
        }
    }
}
