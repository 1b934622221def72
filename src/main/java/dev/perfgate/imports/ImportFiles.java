package dev.perfgate.imports;

import dev.perfgate.PerfgateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Reading an import's input files, with a size limit and failures in words. */
final class ImportFiles {

    /** JMH and hyperfine JSON: a sample-mode JMH run of a big suite stays well below this. */
    static final long MAX_JSON_BYTES = 128L * 1024 * 1024;
    /** pgbench logs: about 7 million transactions at this size. */
    static final long MAX_LOG_BYTES = 256L * 1024 * 1024;

    private ImportFiles() {
    }

    /** The file's text (UTF-8, malformed bytes replaced, a byte-order mark dropped). */
    static String read(Path file, long maxBytes) {
        try {
            if (Files.isDirectory(file)) {
                throw new PerfgateException("cannot read " + file + ": it is a directory; give the file itself");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                throw new PerfgateException("cannot read " + file + ": " + size + " bytes is more than perfgate "
                        + "imports (" + maxBytes + "); check that this is the right file, or run a shorter benchmark");
            }
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new PerfgateException("cannot read " + file + ": " + describe(e) + "; check the path", e);
        }
    }

    /** When the file was last written, to the millisecond: the best guess of when its run ended. */
    static Instant modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().truncatedTo(ChronoUnit.MILLIS);
        } catch (IOException e) {
            return null; // the time is a courtesy; the content was read
        }
    }

    private static String describe(IOException e) {
        if (e instanceof NoSuchFileException) return "no such file";
        if (e instanceof AccessDeniedException) return "permission denied";
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("[\\r\\n]+", " ");
    }
}
