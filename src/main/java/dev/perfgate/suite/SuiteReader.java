package dev.perfgate.suite;

import dev.perfgate.PerfgateException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a suite: a folder of {@code .sql} files, one benchmark each, plus an optional {@code _suite.sql} with
 * suite-level settings, setup and teardown. Files whose names start with {@code _} are not benchmarks.
 */
public final class SuiteReader {

    public static final String SUITE_FILE = "_suite.sql";
    public static final String BUNDLED_PREFIX = "bundled:";
    /** The demo suite that ships in the jar. */
    public static final String DEMO_SUITE = "tviews";

    private SuiteReader() {
    }

    /** Reads the suite in {@code dir}; its name is the folder's name. */
    public static Suite readFolder(Path dir) {
        if (!Files.exists(dir)) {
            throw new PerfgateException("suite folder " + dir + " does not exist: give the path of a folder of .sql files");
        }
        if (!Files.isDirectory(dir)) {
            throw new PerfgateException(dir + " is not a folder: a suite is a folder of .sql files, one benchmark each");
        }
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            Path realDir = dir.toRealPath();
            for (Path p : list.filter(f -> f.getFileName().toString().endsWith(".sql")).toList()) {
                if (!p.toRealPath().getParent().equals(realDir)) {
                    throw new PerfgateException(p + " points outside the suite folder: copy the file into " + dir);
                }
                if (Files.isRegularFile(p)) files.put(p.getFileName().toString(), readText(p));
            }
        } catch (IOException e) {
            throw new PerfgateException("cannot read suite folder " + dir + ": " + e.getMessage(), e);
        }
        Path name = dir.toAbsolutePath().normalize().getFileName();
        return fromFiles(name == null ? "suite" : name.toString(), dir.toString(), files);
    }

    private static String readText(Path file) throws IOException {
        try {
            return Files.readString(file);
        } catch (MalformedInputException e) {
            throw new SuiteException(file.toString(), 0, "not UTF-8 text: save the file as UTF-8");
        }
    }

    /** Some editors start UTF-8 files with a byte-order mark; it is not SQL. */
    static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Reads a suite that ships inside perfgate's jar (under {@code /suites/NAME/}). */
    public static Suite bundled(String name) {
        String base = "/suites/" + name + "/";
        String index = resource(base + "index.txt");
        if (index == null) throw new PerfgateException("no bundled suite named '" + name + "': the demo suite is " + DEMO_SUITE);
        Map<String, String> files = new TreeMap<>();
        for (String file : index.split("\\s+")) {
            if (file.isBlank()) continue;
            String text = resource(base + file);
            if (text == null) throw new IllegalStateException("bundled suite file missing from the jar: " + base + file);
            files.put(file, text);
        }
        return fromFiles(name, BUNDLED_PREFIX + name, files);
    }

    /** Builds a suite from file names and their text. */
    static Suite fromFiles(String suiteName, String source, Map<String, String> given) {
        Map<String, String> files = new TreeMap<>();
        given.forEach((name, text) -> files.put(name, withoutBom(text)));
        Settings suiteSettings = Settings.EMPTY;
        List<SqlStatement> setup = List.of();
        List<SqlStatement> teardown = List.of();
        Map<String, String> serverSettings = Map.of();
        String suiteText = files.get(SUITE_FILE);
        if (suiteText != null) {
            SuiteFileParser.Parsed parsed = new SuiteFileParser(SUITE_FILE).parse(suiteText);
            requireSuiteFileShape(parsed);
            suiteSettings = parsed.settings();
            serverSettings = parsed.serverSettings();
            setup = parsed.sections().getOrDefault("setup", List.of());
            teardown = parsed.sections().getOrDefault("teardown", List.of());
            requireOnlyParams(setup, List.of());
            requireOnlyParams(teardown, List.of());
        }
        List<BenchmarkSpec> benchmarks = new ArrayList<>();
        for (Map.Entry<String, String> f : files.entrySet()) {
            if (f.getKey().startsWith("_")) continue;
            benchmarks.add(benchmark(f.getKey(), f.getValue()));
        }
        for (BenchmarkSpec b : benchmarks) {
            for (ParamSpec p : b.params()) p.requireValidAt(suiteSettings.scaleOrDefault(), b.file());
        }
        if (benchmarks.isEmpty()) {
            throw new PerfgateException("suite " + source + " has no benchmarks: add a .sql file with a "
                    + "'-- perfgate:run' section (see docs/USER-GUIDE.md)");
        }
        return new Suite(suiteName, source, suiteSettings, setup, teardown, benchmarks, serverSettings);
    }

    private static void requireSuiteFileShape(SuiteFileParser.Parsed parsed) {
        for (String section : parsed.sections().keySet()) {
            if (!section.equals("setup") && !section.equals("teardown")) {
                throw new SuiteException(SUITE_FILE, parsed.sectionLines().get(section) - 1,
                        "_suite.sql holds suite setup and teardown only: move the timed part into its own .sql file");
            }
        }
        if (!parsed.params().isEmpty()) {
            throw new SuiteException(SUITE_FILE, 0, "parameters belong in benchmark files, not _suite.sql");
        }
    }

    private static BenchmarkSpec benchmark(String file, String text) {
        String name = file.substring(0, file.length() - ".sql".length());
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new SuiteException(file, 0, "benchmark names use letters, digits, '_', '.' and '-': rename the file");
        }
        SuiteFileParser.Parsed p = new SuiteFileParser(file).parse(text);
        if (!p.serverSettings().isEmpty()) {
            throw new SuiteException(file, p.serverLine(), "server settings apply to the whole suite: move the "
                    + "'-- perfgate:server' line into _suite.sql");
        }
        Settings settings = p.settings();
        if (settings.scale() != null) {
            throw new SuiteException(file, 0, "scale is a suite setting: set it in _suite.sql or with --scale");
        }
        Map<String, List<SqlStatement>> s = p.sections();
        boolean ratio = s.containsKey("run a") || s.containsKey("run b");
        List<SqlStatement> timed;
        List<SqlStatement> timedB = List.of();
        if (ratio) {
            if (!s.containsKey("run a") || !s.containsKey("run b") || s.containsKey("run")) {
                throw new SuiteException(file, 0, "a ratio benchmark needs exactly '-- perfgate:run A' and "
                        + "'-- perfgate:run B' (sample = time of A / time of B)");
            }
            if (settings.metric() == Settings.Metric.TIME) {
                throw new SuiteException(file, 0, "metric=time but the file has 'run A' and 'run B': use metric=ratio");
            }
            settings = settings.with("metric", "ratio", file, 0);
            timed = nonEmpty(s.get("run a"), file, p.sectionLines().get("run a"));
            timedB = nonEmpty(s.get("run b"), file, p.sectionLines().get("run b"));
        } else {
            if (!s.containsKey("run")) {
                throw new SuiteException(file, 0, "no timed part: mark the statements to time with '-- perfgate:run'");
            }
            if (settings.metric() == Settings.Metric.RATIO) {
                throw new SuiteException(file, 0, "metric=ratio needs '-- perfgate:run A' and '-- perfgate:run B' sections");
            }
            timed = nonEmpty(s.get("run"), file, p.sectionLines().get("run"));
        }
        List<SqlStatement> setup = s.getOrDefault("setup", List.of());
        List<SqlStatement> teardown = s.getOrDefault("teardown", List.of());
        List<String> declared = p.params().stream().map(ParamSpec::name).toList();
        for (List<SqlStatement> part : List.of(setup, timed, timedB, teardown)) requireOnlyParams(part, declared);
        return new BenchmarkSpec(name, file, settings, p.params(), setup, timed, timedB, teardown);
    }

    private static List<SqlStatement> nonEmpty(List<SqlStatement> statements, String file, int line) {
        if (statements.isEmpty()) throw new SuiteException(file, line - 1, "the timed section is empty: add SQL under it");
        return statements;
    }

    private static void requireOnlyParams(List<SqlStatement> statements, List<String> declared) {
        for (SqlStatement st : statements) {
            for (String param : st.parameters()) {
                if (!param.equals("scale") && !declared.contains(param)) {
                    throw new SuiteException(st.file(), st.line(), "unknown parameter :" + param
                            + ": declare it with '-- perfgate:param " + param + " = int(1, 100)'");
                }
            }
        }
    }

    private static String resource(String path) {
        try (InputStream in = SuiteReader.class.getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PerfgateException("cannot read " + path + " from perfgate's jar: " + e.getMessage(), e);
        }
    }
}
