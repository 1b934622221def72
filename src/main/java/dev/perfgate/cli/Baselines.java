package dev.perfgate.cli;

import dev.perfgate.model.Baseline;
import dev.perfgate.model.Provenance;

import java.nio.file.Path;

/** Where a suite's baseline lives when {@code --baseline} is not given. */
final class Baselines {

    static final Path BUNDLED_DIR = Path.of("perfgate-baselines");
    static final String FILE_NAME = "baseline.json";

    private Baselines() {
    }

    /** One line on where a baseline came from, for people. */
    static String describe(Baseline b) {
        Provenance p = b.provenance();
        if (p == null) {
            return "  (no provenance: a plain results file" + (b.run().created() == null ? "" : " from "
                    + b.run().created()) + ")";
        }
        return "  accepted by " + orUnknown(p.acceptedBy()) + " at " + orUnknown(p.acceptedAt()) + " from commit "
                + orUnknown(p.commit()) + " (" + orUnknown(p.source()) + "): " + p.reason();
    }

    private static String orUnknown(Object value) {
        return value == null ? "unknown" : value.toString();
    }

    /** {@code SUITE/baseline.json} next to the suite's files, or {@code perfgate-baselines/NAME.json} for a bundled one. */
    static Path defaultPath(Path suiteFolder, String suiteName) {
        return suiteFolder != null ? suiteFolder.resolve(FILE_NAME) : BUNDLED_DIR.resolve(suiteName + ".json");
    }
}
