package dev.perfgate.postgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The process and file chores of the servers perfgate runs from binaries it calls itself ({@link RootFallbackServer},
 * {@link InstalledServer}): running a PostgreSQL program, as the unprivileged user {@code nobody} when perfgate runs
 * as root (PostgreSQL refuses to run as root), handing it a work folder, finding a free port, deleting a tree.
 */
final class Processes {

    /** The uid and gid of {@code nobody} on Linux. */
    static final String NOBODY = "65534";

    private Processes() {
    }

    /** True when this JVM runs as root, so PostgreSQL's programs must run as another user. */
    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** {@code command}, prefixed with {@code setpriv} to run as nobody when {@code asNobody}. */
    static List<String> command(List<String> command, boolean asNobody) {
        if (!asNobody) return command;
        List<String> full = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups"));
        full.addAll(command);
        return full;
    }

    /**
     * Runs {@code command} to its end, its output appended to {@code output} (discarded when null).
     *
     * @return its exit code, or -1 when it could not start or ran longer than {@code timeoutSeconds}
     */
    static int run(List<String> command, int timeoutSeconds, Path output) {
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD
                            : ProcessBuilder.Redirect.appendTo(output.toFile()));
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Makes {@code dir} (and what is in it) nobody's, so that PostgreSQL run as nobody can write there. */
    static void giveToNobody(Path dir) throws IOException {
        if (run(List.of("chown", "-R", NOBODY + ":" + NOBODY, dir.toString()), 60, null) != 0) {
            throw new IOException("chown of " + dir + " to nobody failed");
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Deletes {@code dir} and everything under it (symbolic links, not what they point to). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** {@code text} quoted for the shell through which {@code pg_ctl -o} passes the server's options. */
    static String shellQuote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
