package dev.perfgate.cli;

import dev.perfgate.PerfgateException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The CI files {@code perfgate init} writes, filled in from the templates in {@code /init/}: a GitHub workflow that
 * uses perfgate's action (one job, or a matrix of shards and a judge), or a GitLab CI file that builds perfgate from
 * its source and runs the same scripts ({@code scripts/ci/}).
 */
final class CiTemplates {

    /**
     * Where CI gets perfgate: the GitHub repository and tag of its action (and, for GitLab, of its source). The one
     * place that names it; the user guide's snippets say the same.
     */
    static final String SOURCE = "OWNER/perfgate@v1";

    /** Shards {@code init --shards} accepts: more jobs than this cost more than they save on a suite of SQL files. */
    static final int MAX_SHARDS = 16;

    private static final Pattern REMOTE = Pattern.compile("([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)@([A-Za-z0-9_./-]+)");
    private static final Pattern LOCAL = Pattern.compile("\\./[A-Za-z0-9_./-]*");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_./-]+");

    private CiTemplates() {
    }

    /** The GitHub workflow: {@code shards} 1 for one job, more for a matrix of shard jobs and a judge. */
    static String github(String suite, String source, int shards) {
        checkSuite(suite);
        if (!REMOTE.matcher(source).matches() && !LOCAL.matcher(source).matches()) {
            throw new PerfgateException("--source " + source + ": write the action as OWNER/REPO@REF (e.g. " + SOURCE
                    + "), or ./ for the action in this repository");
        }
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new PerfgateException("--shards " + shards + ": give a number of shards from 1 to " + MAX_SHARDS);
        }
        String text = shards == 1 ? template("performance.yml") : template("performance-sharded.yml")
                .replace("@SHARD_LIST@", IntStream.rangeClosed(1, shards).mapToObj(String::valueOf)
                        .collect(Collectors.joining(", ")))
                .replace("@SHARDS@", String.valueOf(shards));
        return text.replace("@SUITE@", suite).replace("@ACTION@", source);
    }

    /** The GitLab CI file; perfgate is cloned from {@code source}'s GitHub repository at its tag. */
    static String gitlab(String suite, String source) {
        checkSuite(suite);
        Matcher m = REMOTE.matcher(source);
        if (!m.matches()) {
            throw new PerfgateException("--source " + source + ": GitLab CI clones perfgate from GitHub, so write "
                    + "OWNER/REPO@REF (e.g. " + SOURCE + ")");
        }
        return template("gitlab-ci.yml").replace("@SUITE@", suite)
                .replace("@SOURCE_URL@", "https://github.com/" + m.group(1) + ".git").replace("@SOURCE_REF@", m.group(2));
    }

    /** The suite folder's README, naming the CI file that gates it. */
    static String readme(String suite, String ciFile) {
        return template("README.md").replace("@SUITE@", suite).replace("@CI_FILE@", "`" + ciFile + "`");
    }

    static String template(String name) {
        try (InputStream in = CiTemplates.class.getResourceAsStream("/init/" + name)) {
            if (in == null) throw new IllegalStateException("template missing from the jar: /init/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PerfgateException("cannot read template " + name + " from perfgate's jar: " + e.getMessage(), e);
        }
    }

    // The path goes into YAML and shell variables unquoted in places: only characters that need no quoting.
    private static void checkSuite(String suite) {
        if (!SAFE_PATH.matcher(suite).matches() || suite.startsWith("-") || suite.contains("..")) {
            throw new PerfgateException("suite folder " + suite + ": for the CI files, name it with letters, digits, "
                    + "'.', '_', '-' and '/' only, inside the project (e.g. perf or bench/sql)");
        }
    }
}
