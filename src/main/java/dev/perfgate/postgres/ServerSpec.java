package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A {@code ServerSpec} says which throwaway server perfgate starts for one side of a run: which PostgreSQL, which
 * extension builds it loads and which settings the user gave. {@link Servers#start} starts it.
 *
 * @param installation the installation to run ({@code --pg-bin}); {@code null} for the embedded PostgreSQL 18 from
 *                     the jar
 * @param extensions   the extension builds the cluster loads instead of any installed copy ({@code --extension})
 * @param settings     the user's settings, NAME to VALUE ({@code --server-setting}, {@code -- perfgate:server}), in
 *                     the order given; {@code shared_preload_libraries} here is added to perfgate's own preloads
 */
public record ServerSpec(Installation installation, List<ExtensionBuild> extensions, Map<String, String> settings) {

    /** The embedded server with perfgate's settings only: what a plain {@code check} runs. */
    public static final ServerSpec EMBEDDED = new ServerSpec(null, List.of(), Map.of());

    /** The major of the embedded server's binaries (pom.xml's postgres.binaries.version). */
    public static final int EMBEDDED_MAJOR = 18;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*(\\.[A-Za-z_][A-Za-z0-9_$]*)*");

    /**
     * Validates the settings' names.
     *
     * @throws PerfgateException when a name is not a PostgreSQL setting name or names one perfgate chooses itself
     */
    public ServerSpec {
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
        Map<String, String> copy = new LinkedHashMap<>();
        if (settings != null) {
            settings.forEach((name, value) -> {
                String what = "--server-setting " + name + "=" + value;
                if (!NAME.matcher(name).matches()) {
                    throw new PerfgateException(what + ": not a setting name: write NAME=VALUE, e.g. work_mem=64MB");
                }
                if (ServerSettings.MANAGED.contains(name.toLowerCase(Locale.ROOT))) {
                    throw new PerfgateException(what + ": perfgate chooses " + name + " for each server it starts");
                }
                copy.put(name.toLowerCase(Locale.ROOT), value);
            });
        }
        settings = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * One {@code NAME=VALUE} as {@code --server-setting} and {@code -- perfgate:server} give it.
     *
     * @param where how messages name the origin, e.g. {@code --server-setting} or {@code _suite.sql:3}
     * @throws PerfgateException when there is no {@code =} or no name before it
     */
    public static Map.Entry<String, String> setting(String text, String where) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new PerfgateException(where + " " + text + ": write NAME=VALUE, e.g. work_mem=64MB");
        }
        return Map.entry(text.substring(0, eq).strip(), text.substring(eq + 1).strip());
    }

    /** True for the jar's PostgreSQL. */
    public boolean embedded() {
        return installation == null;
    }

    /** The PostgreSQL major this server runs. */
    public int major() {
        return installation == null ? EMBEDDED_MAJOR : installation.major();
    }

    /** Where the binaries come from, as results files record it: {@code "embedded"} or the bin folder. */
    public String origin() {
        return installation == null ? "embedded" : installation.origin();
    }

    /** The modules perfgate preloads that this server lacks (then a run measures time only). */
    public List<String> missingPreloads() {
        return installation == null ? List.of() : installation.missingPreloads();
    }

    /** Every setting the server starts with: perfgate's, the user's over them, the preloads merged. */
    public Map<String, String> serverSettings() {
        List<String> available = ServerSettings.PRELOADED.stream().filter(m -> !missingPreloads().contains(m)).toList();
        return ServerSettings.merged(settings, available);
    }

    /**
     * The settings that differ from perfgate's defaults, as the results file records them ({@code
     * shared_preload_libraries} as the server gets it).
     */
    public Map<String, String> changedSettings() {
        Map<String, String> all = serverSettings();
        Map<String, String> defaults = ServerSettings.merged(Map.of(), ServerSettings.PRELOADED);
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : settings.keySet()) {
            if (!all.get(name).equals(defaults.get(name))) out.put(name, all.get(name));
        }
        return out;
    }

    /** One line per user setting that makes timings say little about production, e.g. {@code fsync=off}. */
    public List<String> timingWarnings() {
        List<String> out = new ArrayList<>();
        ServerSettings.MEANINGLESS.forEach((name, value) -> {
            String given = settings.get(name);
            if (given != null && given.strip().toLowerCase(Locale.ROOT).matches(value + "|false|0|no")) {
                out.add(name + "=" + given + ": commits do not wait for the disk as production's do, so these timings "
                        + "say little about production");
            }
        });
        return out;
    }

    /** What this server is, for status lines and reports: "PostgreSQL 15.20 from ..., pgwork from ..., work_mem=64MB". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(installation == null ? "embedded PostgreSQL " + EMBEDDED_MAJOR : installation.describe());
        extensions.forEach(e -> parts.add(e.describe()));
        settings.forEach((name, value) -> parts.add(name + "=" + value));
        return String.join(", ", parts);
    }
}
