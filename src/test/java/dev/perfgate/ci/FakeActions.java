package dev.perfgate.ci;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The marketplace actions our workflows use, as local stand-ins: what they would leave on the runner, without the
 * network. checkout calls back into the test (which clones its repository as actions/checkout would), setup-java
 * does nothing (Java is here), the cache keeps a folder per key (restored by exact key, else the newest entry
 * whose key starts with a restore key), the artifact actions keep a folder per artifact name for the whole run.
 * Any other action is refused, so a new dependency of the workflow cannot go untested.
 */
final class FakeActions {

    /** Fills a job's empty workspace, as actions/checkout would. */
    interface Checkout {
        void into(Path workspace) throws Exception;
    }

    private final Path cacheDir;
    private final Path artifactDir;
    private Checkout checkout;
    private final Map<String, Path> cache = new LinkedHashMap<>();
    private int entries;

    FakeActions(Path root, Checkout checkout) throws IOException {
        this.cacheDir = Files.createDirectories(root.resolve("cache"));
        this.artifactDir = Files.createDirectories(root.resolve("artifacts"));
        this.checkout = checkout;
    }

    /** What a step of an action left: its outputs, or a failure message. */
    record Outcome(boolean ok, Map<String, String> outputs, String message) {
        static Outcome ok(Map<String, String> outputs, String message) {
            return new Outcome(true, outputs, message);
        }

        static Outcome failed(String message) {
            return new Outcome(false, Map.of(), message);
        }
    }

    /** A save that actions/cache does after the job's steps. */
    record PostSave(String key, Path path) {
    }

    static boolean handles(String uses) {
        return List.of("actions/checkout", "actions/setup-java", "actions/cache", "actions/cache/restore",
                "actions/cache/save", "actions/upload-artifact", "actions/download-artifact",
                "actions/upload-pages-artifact").contains(name(uses));
    }

    static String name(String uses) {
        int at = uses.indexOf('@');
        return at < 0 ? uses : uses.substring(0, at);
    }

    Outcome run(String uses, Map<String, String> with, Path workspace, List<PostSave> postSaves) throws Exception {
        return switch (name(uses)) {
            case "actions/checkout" -> {
                checkout.into(workspace);
                yield Outcome.ok(Map.of(), "checked out");
            }
            case "actions/setup-java" -> Outcome.ok(Map.of(), "Java is on this machine");
            case "actions/cache/restore" -> restore(with, workspace);
            case "actions/cache" -> {
                Outcome restored = restore(with, workspace);
                if (!"true".equals(restored.outputs().get("cache-hit"))) {
                    postSaves.add(new PostSave(with.get("key"), path(with.get("path"), workspace)));
                }
                yield restored;
            }
            case "actions/cache/save" -> save(with.get("key"), path(with.get("path"), workspace));
            case "actions/upload-artifact" -> upload(with.getOrDefault("name", "artifact"), path(with.get("path"),
                    workspace), with.getOrDefault("if-no-files-found", "warn"));
            case "actions/upload-pages-artifact" -> upload("github-pages", path(with.get("path"), workspace), "error");
            case "actions/download-artifact" -> download(with, workspace);
            default -> throw new IllegalArgumentException("no stand-in for " + uses);
        };
    }

    /** What actions/checkout puts in the next jobs' workspaces. */
    void checkout(Checkout checkout) {
        this.checkout = checkout;
    }

    /** Puts a folder in the cache under {@code key}, as an earlier run would have. */
    void seed(String key, Path folder) throws IOException {
        save(key, folder);
    }

    Path artifact(String name) {
        return artifactDir.resolve(name);
    }

    /** A new workflow run: the cache stays, the artifacts (which belong to one run) go. */
    void newRun() throws IOException {
        try (Stream<Path> files = Files.walk(artifactDir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                if (!p.equals(artifactDir)) Files.delete(p);
            }
        }
    }

    private Outcome restore(Map<String, String> with, Path workspace) throws IOException {
        String key = with.get("key");
        Path target = path(with.get("path"), workspace);
        String matched = cache.containsKey(key) ? key : null;
        if (matched == null) {
            List<String> prefixes = new ArrayList<>();
            for (String line : with.getOrDefault("restore-keys", "").split("\n")) {
                if (!line.isBlank()) prefixes.add(line.strip());
            }
            List<String> keys = new ArrayList<>(cache.keySet());
            for (String prefix : prefixes) {
                for (int i = keys.size() - 1; i >= 0 && matched == null; i--) {
                    if (keys.get(i).startsWith(prefix)) matched = keys.get(i);
                }
                if (matched != null) break;
            }
        }
        if (matched == null) return Outcome.ok(Map.of("cache-hit", "false"), "cache miss for " + key);
        copy(cache.get(matched), target);
        return Outcome.ok(Map.of("cache-hit", String.valueOf(matched.equals(key)), "cache-matched-key", matched),
                "restored " + matched + " into " + target);
    }

    private Outcome save(String key, Path path) throws IOException {
        if (cache.containsKey(key)) return Outcome.ok(Map.of(), "cache entry " + key + " exists; not saved again");
        if (!Files.exists(path)) return Outcome.ok(Map.of(), "path " + path + " does not exist; nothing saved");
        Path entry = cacheDir.resolve("entry-" + ++entries);
        copy(path, entry);
        cache.put(key, entry);
        return Outcome.ok(Map.of(), "saved " + path + " as " + key);
    }

    private Outcome upload(String name, Path path, String ifNoFiles) throws IOException {
        Path target = artifactDir.resolve(name);
        if (Files.exists(target)) return Outcome.failed("an artifact named " + name + " already exists in this run");
        if (!Files.exists(path)) {
            return ifNoFiles.equals("error") ? Outcome.failed("no files at " + path)
                    : Outcome.ok(Map.of(), "no files at " + path + "; nothing uploaded");
        }
        copy(path, Files.isDirectory(path) ? target : target.resolve(path.getFileName()));
        return Outcome.ok(Map.of(), "uploaded " + path + " as artifact " + name);
    }

    private Outcome download(Map<String, String> with, Path workspace) throws IOException {
        Path target = path(with.getOrDefault("path", "."), workspace);
        List<String> got = new ArrayList<>();
        String single = with.get("name");
        PathMatcher pattern = FileSystems.getDefault().getPathMatcher("glob:" + with.getOrDefault("pattern", "*"));
        try (Stream<Path> names = Files.list(artifactDir)) {
            for (Path a : names.sorted().toList()) {
                String n = a.getFileName().toString();
                if (single != null ? n.equals(single) : pattern.matches(Path.of(n))) {
                    copy(a, single != null ? target : target.resolve(n));
                    got.add(n);
                }
            }
        }
        if (single != null && got.isEmpty()) return Outcome.failed("no artifact named " + single);
        return Outcome.ok(Map.of(), "downloaded " + got + " into " + target);
    }

    private static Path path(String value, Path workspace) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("the action needs a path");
        String p = value.strip();
        if (p.startsWith("~/")) p = System.getProperty("user.home") + p.substring(1);
        return workspace.resolve(p).normalize();
    }

    static void copy(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(t);
                else Files.copy(f, t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }
}
