package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code Installation} is a PostgreSQL installation perfgate can start throwaway clusters from ({@code --pg-bin}):
 * its {@code bin} folder, the version its {@code postgres} reports, where its extensions' files live, and whether it
 * has the two modules perfgate preloads for counters.
 *
 * @param binDir              the {@code bin} folder, absolute: also where the installation came from in results files
 * @param version             what {@code postgres --version} says after "postgres (PostgreSQL) ", e.g.
 *                            {@code "15.20 (Debian 15.20-0+deb12u1)"}
 * @param major               the major version, 13 to 18
 * @param shareDir            the share folder ({@code pg_config --sharedir}), holding {@code extension/}
 * @param pkglibDir           the folder of loadable modules ({@code pg_config --pkglibdir})
 * @param hasPgStatStatements pg_stat_statements' library and control file are there
 * @param hasAutoExplain      auto_explain's library is there (it has no control file)
 */
public record Installation(Path binDir, String version, int major, Path shareDir, Path pkglibDir,
                           boolean hasPgStatStatements, boolean hasAutoExplain) {

    /** The oldest major perfgate runs: the oldest PostgreSQL still supported by the community when this was written. */
    public static final int OLDEST_MAJOR = 13;
    /** The newest major perfgate knows: its settings and catalog queries were checked against it. */
    public static final int NEWEST_MAJOR = 18;

    private static final List<String> PROGRAMS = List.of("initdb", "postgres", "pg_ctl");
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+((\\d+)(?:\\.\\d+)?\\S*.*)$");

    /** {@link #of(Path, String)} for {@code --pg-bin}. */
    public static Installation of(Path binDir) {
        return of(binDir, "--pg-bin");
    }

    /**
     * Reads the installation whose {@code bin} folder is {@code binDir}.
     *
     * @param option how messages name where {@code binDir} came from, e.g. {@code --against-pg-bin}
     * @throws PerfgateException (one line) when {@code binDir} is not the bin folder of a PostgreSQL installation, a
     *                           program is missing or not executable, or its major is not 13 to 18
     */
    public static Installation of(Path binDir, String option) {
        String where = option + " " + binDir;
        String advice = ": give the bin folder of a PostgreSQL installation, e.g. $(pg_config --bindir)";
        if (!Files.isDirectory(binDir)) throw new PerfgateException(where + ": not a folder" + advice);
        Path bin = binDir.toAbsolutePath().normalize();
        for (String program : PROGRAMS) {
            Path p = bin.resolve(program);
            if (!Files.exists(p)) throw new PerfgateException(where + ": no " + program + " there" + advice);
            if (!Files.isRegularFile(p) || !Files.isExecutable(p)) {
                throw new PerfgateException(where + ": " + program + " is not an executable file" + advice);
            }
        }
        String version = version(bin).orElseThrow(() -> new PerfgateException(where
                + ": its postgres does not say which PostgreSQL it is (postgres --version)" + advice));
        int major = major(version);
        if (major < OLDEST_MAJOR || major > NEWEST_MAJOR) {
            throw new PerfgateException(where + ": PostgreSQL " + version + " is not supported: perfgate runs majors "
                    + OLDEST_MAJOR + " to " + NEWEST_MAJOR);
        }
        Path share = folder(bin, "--sharedir", List.of("../share/postgresql", "../share"), "extension/plpgsql.control")
                .orElseThrow(() -> new PerfgateException(where + ": cannot find its share folder (no pg_config there, "
                        + "and no share/extension/plpgsql.control beside bin)" + advice));
        Path pkglib = folder(bin, "--pkglibdir", List.of("../lib/postgresql", "../lib"), "plpgsql" + libraryExtension())
                .orElseThrow(() -> new PerfgateException(where + ": cannot find its library folder (no pg_config "
                        + "there, and no lib/plpgsql" + libraryExtension() + " beside bin)" + advice));
        boolean statements = Files.exists(pkglib.resolve("pg_stat_statements" + libraryExtension()))
                && Files.exists(share.resolve("extension/pg_stat_statements.control"));
        boolean explain = Files.exists(pkglib.resolve("auto_explain" + libraryExtension()));
        return new Installation(bin, version, major, share, pkglib, statements, explain);
    }

    /** Where the installation came from, as results files record it: its bin folder. */
    public String origin() {
        return binDir.toString();
    }

    /** The version number alone, e.g. {@code "15.20"}. */
    public String versionNumber() {
        int space = version.indexOf(' ');
        return space < 0 ? version : version.substring(0, space);
    }

    /** The modules of {@link ServerSettings#PRELOADED} this installation lacks: those runs measure time only. */
    public List<String> missingPreloads() {
        List<String> missing = new ArrayList<>();
        if (!hasPgStatStatements) missing.add("pg_stat_statements");
        if (!hasAutoExplain) missing.add("auto_explain");
        return List.copyOf(missing);
    }

    /** "PostgreSQL 15.20 from /usr/lib/postgresql/15/bin", for status lines and reports. */
    public String describe() {
        return "PostgreSQL " + versionNumber() + " from " + binDir;
    }

    static int major(String version) {
        Matcher m = Pattern.compile("^(\\d+)").matcher(version);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /** The version from {@code postgres --version}'s "postgres (PostgreSQL) 15.20 (Debian ...)". */
    static Optional<String> parseVersion(String output) {
        for (String line : output.split("\\R")) {
            Matcher m = VERSION.matcher(line.strip());
            if (m.find()) return Optional.of(m.group(1).strip());
        }
        return Optional.empty();
    }

    static String libraryExtension() {
        return System.getProperty("os.name", "").startsWith("Mac") ? ".dylib" : ".so";
    }

    private static Optional<String> version(Path bin) {
        return output(List.of(bin.resolve("postgres").toString(), "--version")).flatMap(Installation::parseVersion);
    }

    /**
     * The folder {@code pg_config} in {@code bin} names with {@code flag}, or else the first of {@code relative}
     * (PostgreSQL's default layouts, relative to bin) that holds {@code marker}.
     */
    private static Optional<Path> folder(Path bin, String flag, List<String> relative, String marker) {
        Path pgConfig = bin.resolve("pg_config");
        if (Files.isExecutable(pgConfig)) {
            Optional<Path> named = output(List.of(pgConfig.toString(), flag)).map(String::strip).map(Path::of)
                    .filter(p -> Files.exists(p.resolve(marker)));
            if (named.isPresent()) return named;
        }
        return relative.stream().map(r -> bin.resolve(r).normalize()).filter(p -> Files.exists(p.resolve(marker)))
                .findFirst();
    }

    private static Optional<String> output(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) return Optional.empty();
            return Optional.of(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
