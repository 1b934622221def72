package dev.perfgate.cli;

import java.nio.file.Path;

/** Where a suite's baseline lives when {@code --baseline} is not given. */
final class Baselines {

    static final Path BUNDLED_DIR = Path.of("perfgate-baselines");
    static final String FILE_NAME = "baseline.json";

    private Baselines() {
    }

    /** {@code SUITE/baseline.json} next to the suite's files, or {@code perfgate-baselines/NAME.json} for a bundled one. */
    static Path defaultPath(Path suiteFolder, String suiteName) {
        return suiteFolder != null ? suiteFolder.resolve(FILE_NAME) : BUNDLED_DIR.resolve(suiteName + ".json");
    }
}
