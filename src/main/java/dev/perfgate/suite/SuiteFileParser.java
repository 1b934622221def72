package dev.perfgate.suite;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one suite file: {@code -- perfgate: key=value} settings lines, {@code -- perfgate:param} lines, and
 * the sections opened by the markers {@code -- perfgate:setup}, {@code -- perfgate:run} (or {@code run A} /
 * {@code run B} for a ratio), and {@code -- perfgate:teardown}.
 */
final class SuiteFileParser {

    /** The pieces of one file, before they become a {@link BenchmarkSpec} or a suite header. */
    /**
     * @param serverSettings {@code -- perfgate:server NAME=VALUE} lines: settings for the servers perfgate starts
     * @param serverLine     the line of the first of them, for the error that they belong in {@code _suite.sql}
     */
    record Parsed(Settings settings, List<ParamSpec> params, Map<String, List<SqlStatement>> sections,
                  Map<String, Integer> sectionLines, Map<String, String> serverSettings, int serverLine) {
    }

    private static final Pattern MARKER = Pattern.compile("^\\s*--\\s*perfgate:(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern SETTING = Pattern.compile("([A-Za-z_]+)\\s*=\\s*(\\S+)");
    /** A PostgreSQL setting: a name as PostgreSQL writes them (dots for an extension's) and a value. */
    private static final Pattern SERVER_SETTING = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(\\S+)");
    private static final Pattern PARAM = Pattern.compile(
            "param\\s+([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*int\\s*\\(\\s*(\\d+)\\s*(\\*\\s*scale)?\\s*,\\s*(\\d+)\\s*(\\*\\s*scale)?\\s*\\)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final List<String> SECTIONS = List.of("setup", "run", "run a", "run b", "teardown");

    private final String file;

    SuiteFileParser(String file) {
        this.file = file;
    }

    // One pass over the lines with the current section as state: splitting it would scatter that state.
    Parsed parse(String text) {
        Settings settings = Settings.EMPTY;
        List<ParamSpec> params = new ArrayList<>();
        Map<String, StringBuilder> bodies = new LinkedHashMap<>();
        Map<String, Integer> firstLines = new LinkedHashMap<>();
        Map<String, String> serverSettings = new LinkedHashMap<>();
        int serverLine = 0;
        String current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            Matcher m = MARKER.matcher(line);
            if (!m.matches()) {
                if (current == null) {
                    requireNoSqlBeforeSection(line, lineNo);
                } else {
                    bodies.get(current).append(line).append('\n');
                }
                continue;
            }
            String directive = m.group(1);
            String word = directive.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
            if (directive.isEmpty() || Character.isWhitespace(directive.charAt(0))) {
                settings = settingsLine(settings, directive, lineNo);
                keepLineCount(bodies, current);
            } else if (word.startsWith("server ") || word.equals("server")) {
                serverSettings(directive.strip().substring("server".length()), lineNo, serverSettings);
                if (serverLine == 0) serverLine = lineNo;
                keepLineCount(bodies, current);
            } else if (word.startsWith("param")) {
                params.add(param(directive.strip(), lineNo, params));
                keepLineCount(bodies, current);
            } else if (SECTIONS.contains(word)) {
                if (bodies.containsKey(word)) {
                    throw new SuiteException(file, lineNo, "second '-- perfgate:" + word + "' section: merge them");
                }
                current = word;
                bodies.put(word, new StringBuilder());
                firstLines.put(word, lineNo + 1);
            } else {
                throw new SuiteException(file, lineNo, "unknown marker '-- perfgate:" + directive.strip()
                        + "': use setup, run, run A, run B, teardown, param, server, or '-- perfgate: key=value'");
            }
        }
        Map<String, List<SqlStatement>> sections = new LinkedHashMap<>();
        bodies.forEach((name, body) ->
                sections.put(name, new SqlScanner(file, body.toString(), firstLines.get(name)).statements()));
        return new Parsed(settings, params, sections, firstLines, serverSettings, serverLine);
    }

    /** A directive line inside a section still counts as a line of it, so later statements keep their line. */
    private static void keepLineCount(Map<String, StringBuilder> bodies, String current) {
        if (current != null) bodies.get(current).append('\n');
    }

    private void requireNoSqlBeforeSection(String line, int lineNo) {
        String t = line.strip();
        if (!t.isEmpty() && !t.startsWith("--")) {
            throw new SuiteException(file, lineNo, "SQL before any section marker: put '-- perfgate:setup' or "
                    + "'-- perfgate:run' above it");
        }
    }

    private Settings settingsLine(Settings settings, String rest, int lineNo) {
        Matcher m = SETTING.matcher(rest);
        int end = 0;
        Settings result = settings;
        while (m.find()) {
            if (!rest.substring(end, m.start()).isBlank()) break;
            result = result.with(m.group(1).toLowerCase(java.util.Locale.ROOT), m.group(2), file, lineNo);
            end = m.end();
        }
        String leftover = rest.substring(end).strip();
        if (!leftover.isEmpty()) {
            throw new SuiteException(file, lineNo, "cannot read setting '" + leftover
                    + "': write key=value pairs, e.g. '-- perfgate: iterations=50 warmup=5'");
        }
        return result;
    }

    /** {@code NAME=VALUE ...}: PostgreSQL settings for the servers perfgate starts; a value may be quoted. */
    private void serverSettings(String rest, int lineNo, Map<String, String> into) {
        Matcher m = SERVER_SETTING.matcher(rest);
        int end = 0;
        while (m.find() && rest.substring(end, m.start()).isBlank()) {
            String value = m.group(2);
            if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
                value = value.substring(1, value.length() - 1);
            }
            into.put(m.group(1).toLowerCase(java.util.Locale.ROOT), value);
            end = m.end();
        }
        String leftover = rest.substring(end).strip();
        if (end == 0 || !leftover.isEmpty()) {
            throw new SuiteException(file, lineNo, "cannot read server setting '" + rest.strip() + "': write NAME=VALUE "
                    + "pairs, e.g. '-- perfgate:server shared_preload_libraries=pg_tviews work_mem=64MB'");
        }
    }

    private ParamSpec param(String directive, int lineNo, List<ParamSpec> earlier) {
        Matcher m = PARAM.matcher(directive);
        if (!m.matches()) {
            throw new SuiteException(file, lineNo, "cannot read '" + directive
                    + "': write e.g. '-- perfgate:param id = int(1, 1000*scale)'");
        }
        String name = m.group(1);
        if (name.equalsIgnoreCase("scale")) {
            throw new SuiteException(file, lineNo, "'scale' is built in: give the parameter another name");
        }
        if (earlier.stream().anyMatch(p -> p.name().equals(name))) {
            throw new SuiteException(file, lineNo, "parameter '" + name + "' is declared twice");
        }
        try {
            ParamSpec p = new ParamSpec(name, Long.parseLong(m.group(2)), m.group(3) != null,
                    Long.parseLong(m.group(4)), m.group(5) != null);
            if ((p.lowPerScale() && p.low() > ParamSpec.MAX_SCALED_BOUND)
                    || (p.highPerScale() && p.high() > ParamSpec.MAX_SCALED_BOUND)) {
                throw new SuiteException(file, lineNo, "parameter '" + name + "': a bound multiplied by scale may be "
                        + "at most " + ParamSpec.MAX_SCALED_BOUND + ", so that any scale fits in 64 bits");
            }
            if (p.lowAt(1) > p.highAt(1)) {
                throw new SuiteException(file, lineNo, "parameter '" + name + "': low bound is above the high bound");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new SuiteException(file, lineNo, "parameter '" + name + "': bound too large");
        }
    }
}
