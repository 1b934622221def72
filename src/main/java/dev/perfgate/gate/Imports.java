package dev.perfgate.gate;

import dev.perfgate.bench.EnvironmentProbe;
import dev.perfgate.bench.GitProbe;
import dev.perfgate.imports.ImportResult;
import dev.perfgate.imports.Importer;
import dev.perfgate.imports.Importers;
import dev.perfgate.model.Environment;
import dev.perfgate.model.GitInfo;
import dev.perfgate.model.RunResult;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/** Turns another harness's output into a run, for {@code import} and {@code check --import}. */
final class Imports {

    private Imports() {
    }

    /**
     * Imports the files and fills in what the harness does not record, on the assumption (documented) that
     * perfgate runs where the harness ran: the git commit of this work tree, and this host's facts and
     * fingerprint (keeping the harness's JVM) unless {@code probeHost} is false.
     */
    static RunResult load(String format, List<Path> files, boolean probeHost, Listener listener) {
        Importer importer = Importers.byName(format);
        ImportResult imported = files.size() == 1 ? importer.importFile(files.get(0)) : importer.importFiles(files);
        imported.warnings().forEach(listener::warn);
        RunResult run = imported.run();
        GitInfo git = run.git().commit() != null ? run.git() : GitProbe.probe(Path.of(""));
        Environment env = probeHost ? onThisHost(run.environment()) : run.environment();
        return new RunResult(run.suite(), run.created(), git, env, run.settings(), run.benchmarks());
    }

    private static Environment onThisHost(Environment imported) {
        try {
            Environment host = EnvironmentProbe.probe(null);
            String java = imported.java() != null ? imported.java() : host.java();
            return EnvironmentProbe.withFingerprint(host.cpu(), host.cores(), host.memoryBytes(), host.os(), java,
                    imported.postgresql());
        } catch (SQLException e) {
            throw new IllegalStateException("probing without a connection does no SQL", e);
        }
    }
}
