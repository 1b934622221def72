package dev.perfgate.postgres;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Starts a cluster from an installation (optionally with a staged extension build) in a given temporary folder, says
 * "ready" and waits to be stopped: the process {@link InstalledServerSignalIT} interrupts.
 *
 * <p>Arguments: BIN-FOLDER TEMP-PARENT [STAGED-TREE]
 */
public final class InstalledServerHolder {

    private InstalledServerHolder() {
    }

    public static void main(String[] args) throws Exception {
        List<ExtensionBuild> builds = args.length > 2 ? List.of(ExtensionBuild.of(Path.of(args[2]))) : List.of();
        InstalledServer server = InstalledServer.start(new ServerSpec(Installation.of(Path.of(args[0])), builds,
                Map.of()), line -> { }, Path.of(args[1]));
        System.out.println("ready " + server.description());
        System.out.flush();
        Thread.sleep(120_000);
        server.close();
    }
}
