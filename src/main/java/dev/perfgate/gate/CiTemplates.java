package dev.perfgate.gate;

import dev.perfgate.PerfgateException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The CI files {@code perfgate init} writes, filled in from the templates in {@code /init/}: a GitHub workflow that
 * uses perfgate's action (one job, or a matrix of shards and a judge), or a GitLab CI file that builds perfgate from
 * its source and runs the same scripts ({@code scripts/ci/}). Where perfgate comes from is a {@link CiSource}: a
 * GitHub repository's action, or any git repository checked out at a pinned ref before each call of the action
 * (GitLab fetches either at that ref). For an extension project ({@code --extension}), both
 * install PostgreSQL and build the extension at the base and at the head before the gate. The templates' shell
 * snippets ({@code *.sh}) are shared by the two CI files, indented into them.
 */
public final class CiTemplates {

    /** The GitHub workflow {@code init} writes. */
    static final String GITHUB_WORKFLOW = ".github/workflows/performance.yml";

    /**
     * The GitLab CI file {@code init} writes: a file of its own that the project's {@code .gitlab-ci.yml} includes,
     * because most projects already have one and {@code init} never rewrites it.
     */
    static final String GITLAB_INCLUDE = ".gitlab/perfgate.gitlab-ci.yml";

    /** Shards {@code init --shards} accepts: more jobs than this cost more than they save on a suite of SQL files. */
    static final int MAX_SHARDS = 16;

    private static final Pattern USES = Pattern.compile("(?m)^( *)- uses: @ACTION@$");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9_./-]+");

    /** The PostgreSQL majors perfgate can start a server from ({@code --pg-bin}). */
    static final int OLDEST_MAJOR = 13;
    static final int NEWEST_MAJOR = 18;

    /** The major an extension's CI runs on when {@code init --postgresql} is not given. */
    static final List<Integer> DEFAULT_MAJORS = List.of(17);

    private static final Pattern EXTENSION_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    /** How an extension project builds: PGXS ({@code make install}) or pgrx ({@code cargo pgrx package}). */
    public enum ExtensionKind { pgxs, pgrx }

    /**
     * An extension project to write CI for.
     *
     * @param name   what {@code CREATE EXTENSION} loads (its {@code .control} file's name)
     * @param majors the PostgreSQL majors main's runs are recorded on, ascending; pull requests are gated on the last
     */
    record Extension(ExtensionKind kind, String name, List<Integer> majors) {
        Extension {
            if (!EXTENSION_NAME.matcher(name).matches()) {
                throw new PerfgateException("--extension-name " + name + ": an extension's name is letters, digits, "
                        + "'_' and '-', as its .control file has it");
            }
            majors = majors.stream().distinct().sorted().toList();
            for (int major : majors) {
                if (major < OLDEST_MAJOR || major > NEWEST_MAJOR) {
                    throw new PerfgateException("--postgresql " + major + ": perfgate starts PostgreSQL "
                            + OLDEST_MAJOR + " to " + NEWEST_MAJOR);
                }
            }
            if (majors.isEmpty()) throw new PerfgateException("--postgresql: name at least one major, e.g. 17");
        }

        int gateMajor() {
            return majors.get(majors.size() - 1);
        }

        String fill(String text, String suite) {
            // a name that is not a plain identifier (uuid-ossp) is quoted in SQL
            String sql = name.matches("[a-z_][a-z0-9_]*") ? name : "\"" + name + "\"";
            return text.replace("@SUITE@", suite).replace("@EXTENSION_SQL@", sql).replace("@EXTENSION@", name)
                    .replace("@KIND@", kind.name())
                    .replace("@GATE_MAJOR@", String.valueOf(gateMajor()))
                    .replace("@MAJORS@", majors.stream().map(String::valueOf).collect(Collectors.joining(", ")))
                    .replace("@MAJORS_QUOTED@", majors.stream().map(m -> "\"" + m + "\"")
                            .collect(Collectors.joining(", ")));
        }
    }

    private CiTemplates() {
    }

    /**
     * The name of the extension whose {@code .control} file is in {@code root} (a PGXS or pgrx project's top
     * folder), or null when there is not exactly one.
     */
    static String controlName(Path root) {
        try (Stream<Path> files = Files.list(root)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".control"))
                    .map(n -> n.substring(0, n.length() - ".control".length())).sorted().toList();
            return names.size() == 1 ? names.get(0) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The GitHub workflow: {@code shards} 1 for one job, more for a matrix of shard jobs and a judge. */
    static String github(String suite, CiSource source, int shards) {
        checkSuite(suite);
        if (shards < 1 || shards > MAX_SHARDS) {
            throw new PerfgateException("--shards " + shards + ": give a number of shards from 1 to " + MAX_SHARDS);
        }
        String text = shards == 1 ? template("performance.yml") : template("performance-sharded.yml")
                .replace("@SHARD_LIST@", IntStream.rangeClosed(1, shards).mapToObj(String::valueOf)
                        .collect(Collectors.joining(", ")))
                .replace("@SHARDS@", String.valueOf(shards));
        return uses(text.replace("@SUITE@", suite), source);
    }

    /** The GitLab CI file (to include); perfgate is cloned from {@code source} at its ref and built. */
    static String gitlab(String suite, CiSource source) {
        checkSuite(suite);
        return clonedFrom(template("gitlab-ci.yml").replace("@SUITE@", suite), source);
    }

    /**
     * The GitHub workflow for an extension project: pull requests gated in one job (on the newest of the
     * extension's majors, the extension built at the base and at the head into two staged trees, head against base),
     * pushes to main recorded per major.
     */
    static String githubExtension(String suite, CiSource source, Extension extension) {
        checkSuite(suite);
        String tools = extension.kind() == ExtensionKind.pgrx ? """
                      - name: Cache cargo-pgrx and the builds' dependencies
                        uses: actions/cache@v4
                        with:
                          path: |
                            ~/.cargo/bin/cargo-pgrx
                            ~/.cargo/registry
                            ~/.cargo/git
                            target
                          key: pgrx-pg${{ matrix.postgresql }}-${{ hashFiles('Cargo.lock') }}
                          restore-keys: pgrx-pg${{ matrix.postgresql }}-
                      - name: Install cargo-pgrx
                        run: |
                          # bindgen, which pgrx runs on PostgreSQL's headers, needs libclang.
                          if ! ldconfig -p | grep -q libclang; then
                            sudo apt-get -q update && sudo apt-get -q install -y libclang-dev
                          fi
                """ + indent(template("pgrx-tools.sh"), 10) : "";
        String install = indent(template("postgresql-install.sh").replace("@SUDO@", "sudo ")
                .replace("@PACKAGES@", ""), 10) + indent("""
                echo "PG_MAJOR=$PG_MAJOR" >> "$GITHUB_ENV"
                echo "PG_CONFIG=$pg_config" >> "$GITHUB_ENV"
                echo "bindir=$("$pg_config" --bindir)" >> "$GITHUB_OUTPUT"
                """, 10);
        return uses(extension.fill(template("performance-extension.yml"), suite)
                .replace("@INSTALL@\n", install).replace("@TOOLS@\n", tools)
                .replace("@BUILD@\n", indent(template(extension.kind() + "-build.sh"), 10)), source);
    }

    /** The GitLab CI file for an extension project, as {@link #githubExtension} but for merge requests. */
    static String gitlabExtension(String suite, CiSource source, Extension extension) {
        checkSuite(suite);
        String tools = extension.kind() == ExtensionKind.pgrx ? indent("""
                if ! command -v cargo >/dev/null; then
                  curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
                fi
                if [ -f "$HOME/.cargo/env" ]; then . "$HOME/.cargo/env"; fi
                """ + template("pgrx-tools.sh"), 6) : "";
        String packages = extension.kind() == ExtensionKind.pgrx ? " build-essential libclang-dev curl"
                : " build-essential";
        return clonedFrom(extension.fill(template("gitlab-ci-extension.yml"), suite)
                .replace("@INSTALL@\n", indent(template("postgresql-install.sh").replace("@SUDO@", "")
                        .replace("@PACKAGES@", packages), 6))
                .replace("@TOOLS@\n", tools)
                .replace("@BUILD@\n", indent(template(extension.kind() + "-build.sh"), 6)), source);
    }

    /** The suite folder's README, naming the CI file that gates it; {@code extension} null for a plain suite. */
    static String readme(String suite, String ciFile, Extension extension) {
        String text = extension == null ? template("README.md")
                : extension.fill(template("README-extension.md"), suite);
        return text.replace("@SUITE@", suite).replace("@CI_FILE@", "`" + ciFile + "`");
    }

    static String template(String name) {
        try (InputStream in = CiTemplates.class.getResourceAsStream("/init/" + name)) {
            if (in == null) throw new IllegalStateException("template missing from the jar: /init/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PerfgateException("cannot read template " + name + " from perfgate's jar: " + e.getMessage(), e);
        }
    }

    /**
     * The workflow with each call of perfgate's action filled in: the action of a GitHub repository (with a loud
     * comment while it is the placeholder), or, for any git repository, a step that checks it out at its ref into the
     * workspace and the call of that checkout as a local action (which builds perfgate from it, jar.sh).
     */
    private static String uses(String text, CiSource source) {
        Matcher m = USES.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String pad = m.group(1);
            String call = pad + "- uses: " + source.action();
            if (source.placeholder()) {
                call = indent(PLACEHOLDER_NOTE, pad.length()) + call;
            } else if (source.kind() == CiSource.Kind.GIT) {
                call = indent(template("perfgate-checkout.yml").replace("@SOURCE_URL@", source.cloneUrl())
                        .replace("@SOURCE_REF@", source.ref()), pad.length()) + call;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(call));
        }
        return m.appendTail(out).toString();
    }

    /** A GitLab file's source filled in, with the same loud comment while it is the placeholder. */
    private static String clonedFrom(String text, CiSource source) {
        String filled = text.replace("@SOURCE_URL@", source.cloneUrl()).replace("@SOURCE_REF@", source.ref())
                .replace("@CI_INCLUDE@", GITLAB_INCLUDE);
        return source.placeholder() ? filled.replace("    PERFGATE_SOURCE: ", indent(PLACEHOLDER_NOTE, 4)
                + "    PERFGATE_SOURCE: ") : filled;
    }

    /** The comment beside the placeholder in a written CI file. */
    static final String PLACEHOLDER_NOTE = """
            # PLACEHOLDER: perfgate is not published yet, so OWNER/perfgate names no repository and this job fails
            # until you name one: run `perfgate init --source URL@COMMIT --force` (any git repository holding
            # perfgate: the job checks it out there and builds perfgate from it), or --source OWNER/REPO@COMMIT (a
            # GitHub repository holding perfgate). The user guide's "Wiring CI" says more.
            """;

    /** {@code text}'s lines, each but the empty ones indented by {@code spaces}, ending with a line break. */
    static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        return text.lines().map(l -> l.isBlank() ? "" : pad + l).collect(Collectors.joining("\n", "", "\n"));
    }

    // The path goes into YAML and shell variables unquoted in places: only characters that need no quoting.
    private static void checkSuite(String suite) {
        if (!SAFE_PATH.matcher(suite).matches() || suite.startsWith("-") || suite.contains("..")) {
            throw new PerfgateException("suite folder " + suite + ": for the CI files, name it with letters, digits, "
                    + "'.', '_', '-' and '/' only, inside the project (e.g. perf or bench/sql)");
        }
    }
}
