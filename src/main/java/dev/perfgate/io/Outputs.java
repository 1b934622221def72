package dev.perfgate.io;

import dev.perfgate.PerfgateException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any work starts, that an output can be written: a run of several minutes must not end with
 * "cannot write" and nothing to show for it.
 */
public final class Outputs {

    private Outputs() {
    }

    /**
     * Refuses a file path that is a folder, or whose folder cannot be created or written to.
     *
     * @param option how the user named it, e.g. {@code -o} or {@code --history}
     */
    public static void requireWritableFile(Path file, String option) {
        if (Files.isDirectory(file)) {
            throw new PerfgateException(option + " " + file + " is a folder: give a file name, e.g. " + file.resolve(
                    option.equals("--history") ? "history.jsonl" : "results.json"));
        }
        requireWritableFolder(file.toAbsolutePath().getParent(), option + " " + file);
    }

    /** Refuses a folder that is a file, or cannot be created or written to. */
    public static void requireWritableFolder(Path folder, String what) {
        if (folder == null) return;
        Path existing = folder;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return;
        if (!Files.isDirectory(existing)) {
            throw new PerfgateException(what + ": " + existing + " is a file, not a folder: choose another path");
        }
        if (!Files.isWritable(existing)) {
            throw new PerfgateException(what + ": cannot write in " + existing + " (permission denied or read-only): "
                    + "choose a writable path");
        }
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new PerfgateException(what + ": cannot create " + folder + ": " + e.getMessage(), e);
        }
    }
}
