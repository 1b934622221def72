package dev.perfgate.postgres;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own words from a server or {@code initdb} log, on one line: why a server did not start (a setting it
 * rejects, a preload library it cannot find) is there and nowhere else.
 */
final class ServerLog {

    private static final Pattern SEVERITY = Pattern.compile("\\b(FATAL|PANIC|ERROR|DETAIL|HINT|LOG):\\s+(.*)$");
    private static final int MAX_BYTES = 64 * 1024;

    private ServerLog() {
    }

    /** The problem a log reports; the whole log is read. */
    static String problem(Path log) {
        return problem(log, 0);
    }

    /** The problem a log reports in what was written after byte {@code from}. */
    static String problem(Path log, long from) {
        return problem(read(log, from)).orElse("no reason given");
    }

    /** The FATAL, PANIC or ERROR a log reports, with its DETAIL and HINT; empty when it reports none. */
    static java.util.Optional<String> severe(Path log) {
        List<String> lines = read(log, 0);
        boolean any = lines.stream().anyMatch(l -> l.matches(".*\\b(FATAL|PANIC|ERROR):.*"));
        return any ? problem(lines) : java.util.Optional.empty();
    }

    /**
     * The first FATAL or PANIC line with the DETAIL and HINT lines after it, else the last ERROR, else the last line
     * (initdb's own "initdb: error: ..."); empty when the text is blank.
     */
    static java.util.Optional<String> problem(List<String> lines) {
        int fatal = -1;
        int error = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = SEVERITY.matcher(lines.get(i));
            if (!m.find()) continue;
            if ((m.group(1).equals("FATAL") || m.group(1).equals("PANIC")) && fatal < 0) fatal = i;
            if (m.group(1).equals("ERROR")) error = i;
        }
        int at = fatal >= 0 ? fatal : error;
        if (at < 0) {
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (!lines.get(i).isBlank()) return java.util.Optional.of(lines.get(i).strip());
            }
            return java.util.Optional.empty();
        }
        StringBuilder out = new StringBuilder(line(lines.get(at)));
        for (int i = at + 1; i < lines.size(); i++) {
            Matcher m = SEVERITY.matcher(lines.get(i));
            if (!m.find() || !(m.group(1).equals("DETAIL") || m.group(1).equals("HINT"))) break;
            out.append(' ').append(line(lines.get(i)));
        }
        return java.util.Optional.of(out.toString());
    }

    // "2026-01-01 00:00:00.000 UTC [42] FATAL:  invalid value ..." -> "FATAL: invalid value ..."
    private static String line(String raw) {
        Matcher m = SEVERITY.matcher(raw);
        return m.find() ? m.group(1) + ": " + m.group(2).strip() : raw.strip();
    }

    private static List<String> read(Path log, long from) {
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            long start = Math.max(from, f.length() - MAX_BYTES);
            byte[] bytes = new byte[(int) (f.length() - start)];
            f.seek(start);
            f.readFully(bytes);
            return new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\\R")));
        } catch (IOException e) {
            return List.of();
        }
    }
}
