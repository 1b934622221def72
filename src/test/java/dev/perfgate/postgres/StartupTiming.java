package dev.perfgate.postgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures how long a throwaway server takes to start (until a first query answers): the embedded PostgreSQL against
 * a cluster from an installation, started alternately so that a busy moment of the machine hits both. Not a test:
 * a measurement to run by hand, printing numbers.
 *
 * <pre>
 * mvn -o -q package -DskipTests &amp;&amp; mvn -o -q test-compile
 * java -cp target/perfgate.jar:target/test-classes dev.perfgate.postgres.StartupTiming [/usr/lib/postgresql/15/bin] [5]
 *     [STAGED-EXTENSION-TREE]
 * </pre>
 * With a staged extension tree, the installation's cluster loads that build (a private installation before 18).
 */
public final class StartupTiming {

    private StartupTiming() {
    }

    public static void main(String[] args) throws Exception {
        Installation installation = Installation.of(Path.of(args.length > 0 ? args[0] : "/usr/lib/postgresql/15/bin"));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        List<ExtensionBuild> builds = args.length > 2 ? List.of(ExtensionBuild.of(Path.of(args[2]))) : List.of();
        ServerSpec installed = new ServerSpec(installation, builds, Map.of());
        time(ServerSpec.EMBEDDED); // warms the JVM and zonky's one-time extraction of the binaries
        List<Double> embedded = new ArrayList<>();
        List<Double> fromInstallation = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            embedded.add(time(ServerSpec.EMBEDDED));
            fromInstallation.add(time(installed));
            System.out.printf(Locale.ROOT, "run %d: embedded %.3f s, %s %.3f s%n", i + 1, embedded.get(i),
                    installed.describe(), fromInstallation.get(i));
        }
        double e = median(embedded);
        double f = median(fromInstallation);
        System.out.printf(Locale.ROOT, "median of %d: embedded %.3f s, installation %.3f s, ratio %.2f%n", runs, e, f,
                f / e);
    }

    private static double time(ServerSpec spec) throws Exception {
        long start = System.nanoTime();
        try (DatabaseServer server = Servers.start(spec); Connection c = server.connect()) {
            c.createStatement().execute("SELECT 1");
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

}
