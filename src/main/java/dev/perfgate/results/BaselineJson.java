package dev.perfgate.results;

import dev.perfgate.io.AtomicFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.Provenance;
import dev.perfgate.model.RunResult;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A baseline file is a {@code perfgate-results/1} file with one more top-level key, {@code "baseline"}, holding
 * its provenance; any results reader can still read it, and any results file (or legacy baseline) can serve as
 * a baseline without one.
 */
public final class BaselineJson {

    static final String KEY = "baseline";

    private BaselineJson() {
    }

    public static Baseline read(Path file) {
        RunResult run = ResultsJson.read(file);
        JsonNode p = ResultsJson.topLevel(file, KEY);
        if (p == null || !p.isObject()) return new Baseline(run, null);
        return new Baseline(run, new Provenance(text(p, "accepted_by"), instant(p.get("accepted_at")),
                text(p, "commit"), text(p, "source"), text(p, "reason"), text(p, "suite_folder")));
    }

    /**
     * True when {@code file} is a baseline accepted by review (it has the provenance block), so that no run's
     * results are written over it; false for anything else, a file that does not parse included.
     */
    public static boolean isAccepted(Path file) {
        if (!Files.isRegularFile(file)) return false;
        try {
            JsonNode p = ResultsJson.topLevel(file, KEY);
            return p != null && p.isObject();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Writes atomically: a crash leaves the old baseline or the new one, never half of one. */
    public static void write(Baseline baseline, Path file) {
        ObjectNode tree = ResultsJson.tree(baseline.run());
        Provenance p = baseline.provenance();
        if (p != null) {
            ObjectNode node = tree.objectNode();
            node.put("accepted_by", p.acceptedBy());
            node.put("accepted_at", p.acceptedAt() == null ? null : p.acceptedAt().toString());
            node.put("commit", p.commit());
            node.put("source", p.source());
            node.put("reason", p.reason());
            if (p.suiteFolder() != null) node.put("suite_folder", p.suiteFolder());
            tree.set(KEY, node);
        }
        AtomicFiles.write(file, ResultsJson.pretty(tree).getBytes(StandardCharsets.UTF_8));
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || !v.isTextual() ? null : v.asText();
    }

    private static Instant instant(JsonNode v) {
        if (v == null || !v.isTextual()) return null;
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            return null; // provenance is for people; an odd date is shown as unknown, not fatal
        }
    }
}
