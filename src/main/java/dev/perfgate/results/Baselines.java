package dev.perfgate.results;

import dev.perfgate.PerfgateException;
import dev.perfgate.model.Baseline;
import dev.perfgate.model.Provenance;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;

/**
 * Where a suite's baseline lives, one rule for {@code check} and {@code baseline accept}: a suite read from a folder
 * keeps it in that folder as {@code baseline.json} (reviewed beside the suite's files); a suite without a folder
 * (the bundled demo suite, imported results) keeps it in {@code perfgate-baselines/NAME.json} under the working
 * directory. A results file records its suite's folder ({@link RunSettings#SUITE_FOLDER_KEY}), so accepting it finds the
 * same file {@code check} reads. {@code --baseline FILE} overrides both.
 */
public final class Baselines {

    public static final Path SHARED_DIR = Path.of("perfgate-baselines");
    public static final String FILE_NAME = "baseline.json";

    private Baselines() {
    }

    /** The baseline of a suite read from {@code suiteFolder} (null: no folder) and named {@code suiteName}. */
    public static Path location(Path suiteFolder, String suiteName) {
        return suiteFolder != null ? suiteFolder.resolve(FILE_NAME)
                : SHARED_DIR.resolve((suiteName == null ? "suite" : suiteName) + ".json");
    }

    /** The baseline of the suite {@code run} measured, by the same rule. */
    public static Path location(RunResult run) {
        Object folder = run.settings() == null ? null : run.settings().extra().get(RunSettings.SUITE_FOLDER_KEY);
        return location(folder instanceof String s && !s.isBlank() ? Path.of(s) : null, run.suite());
    }

    /**
     * Refuses to write a run's results over an accepted baseline: a baseline changes only through a reviewed
     * {@code baseline accept}, never because {@code -o} named it.
     *
     * @param option how the user named the output, e.g. {@code -o}
     */
    public static void requireNotAccepted(Path output, String option) {
        if (BaselineJson.isAccepted(output)) {
            throw new PerfgateException(option + " " + output + " is an accepted baseline: results are never written "
                    + "over one (a baseline changes only through 'perfgate baseline accept'); write them elsewhere");
        }
    }

    /** One line on where a baseline came from, for people. */
    public static String describe(Baseline b) {
        Provenance p = b.provenance();
        if (p == null) {
            return "  (no provenance: a plain results file" + (b.run().created() == null ? "" : " from "
                    + b.run().created().truncatedTo(ChronoUnit.SECONDS)) + ")";
        }
        return "  accepted by " + orUnknown(p.acceptedBy()) + " at "
                + orUnknown(p.acceptedAt() == null ? null : p.acceptedAt().truncatedTo(ChronoUnit.SECONDS))
                + " from commit " + orUnknown(p.commit()) + " (" + orUnknown(p.source()) + "): " + p.reason()
                + "\n  anchor: " + (p.commit() == null || p.suiteFolder() == null
                ? "none (accepted outside a git work tree, or before anchors were recorded): accept a run measured "
                + "in the repository to give 'check --against-anchor' one"
                : "commit " + p.commit() + ", suite folder " + p.suiteFolder() + " (check --against-anchor measures "
                + "the drift from it)");
    }

    private static String orUnknown(Object value) {
        return value == null ? "unknown" : value.toString();
    }
}
