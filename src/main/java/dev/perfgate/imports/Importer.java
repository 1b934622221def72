package dev.perfgate.imports;

import dev.perfgate.PerfgateException;

import java.nio.file.Path;
import java.util.List;

/**
 * An {@code Importer} turns one other harness's output into a {@link dev.perfgate.model.RunResult}, so that
 * compare, check, history and charts work on it unchanged. Implementations are stateless and thread-safe.
 *
 * <p>Bad input is a one-line {@link PerfgateException} naming the file (and the line, where there is one) and
 * what to do; never another exception.
 */
public interface Importer {

    /** The format's name on the command line: {@code jmh}, {@code pgbench} or {@code hyperfine}. */
    String format();

    /** What it reads, for help texts and messages, e.g. {@code JMH's JSON results (... -rf json ...)}. */
    String reads();

    /**
     * Reads one document held in memory. {@code created} is taken from the content when it has a time in it and
     * is {@code null} otherwise.
     *
     * @param sourceName what error messages call the input, e.g. the file it came from
     */
    ImportResult parse(String text, String sourceName);

    /** Reads one file; {@code created} falls back to the file's modification time. */
    default ImportResult importFile(Path file) {
        return importFiles(List.of(file));
    }

    /**
     * Reads the files of one run. Only pgbench takes more than one (with {@code -j} each thread writes its own
     * log); the other formats hold a whole run in one file.
     */
    default ImportResult importFiles(List<Path> files) {
        if (files.size() != 1) {
            throw new PerfgateException(format() + " import takes one file, got " + files.size()
                    + "; import each file on its own");
        }
        Path file = files.get(0);
        String text = ImportFiles.read(file, ImportFiles.MAX_JSON_BYTES);
        return parse(text, file.toString()).withCreatedFallback(ImportFiles.modified(file));
    }
}
