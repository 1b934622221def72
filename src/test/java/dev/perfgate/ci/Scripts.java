package dev.perfgate.ci;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the CI scripts (scripts/ci/) and the test's stand-ins for the network (fake-gh, fake-curl). */
final class Scripts {

    /** The repository's root: the tests run from it. */
    static final Path REPO = Path.of("").toAbsolutePath();

    record Result(int exitCode, String output) {
    }

    private Scripts() {
    }

    static Path script(String name) {
        return REPO.resolve("scripts/ci").resolve(name);
    }

    /** Runs {@code command} in {@code dir} with this process's environment plus {@code env}; output and errors merged. */
    static Result run(Path dir, Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("GITHUB_") || k.equals("CI"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("did not finish within 5 minutes: " + List.of(command));
        }
        return new Result(p.exitValue(), out);
    }

    /** Copies a stand-in (fake-gh, fake-curl) from the test resources into {@code dir}, executable. */
    static Path fake(String name, Path dir) throws IOException {
        Path target = dir.resolve(name);
        try (InputStream in = Scripts.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing test resource " + name);
            Files.write(target, in.readAllBytes());
        }
        if (!target.toFile().setExecutable(true)) throw new IOException("cannot make " + target + " executable");
        return target;
    }

    /** A git command in {@code dir}; fails the test when git does. */
    static String git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString(), "-c", "user.name=t",
                "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"));
        command.addAll(List.of(args));
        Result r = run(dir, Map.of(), command.toArray(String[]::new));
        if (r.exitCode() != 0) throw new AssertionError(String.join(" ", command) + " failed: " + r.output());
        return r.output().strip();
    }
}
