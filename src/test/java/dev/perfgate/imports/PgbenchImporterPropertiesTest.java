package dev.perfgate.imports;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Generated inputs for {@link PgbenchImporter}: whatever comes in, the outcome is a valid run or a one-line
 * PerfgateException naming the input, never another exception.
 */
class PgbenchImporterPropertiesTest {

    private static final List<String> REAL = List.of("pgbench-txn.5738", "pgbench-scripts.5743", "pgbench-agg.5746",
            "pgbench-agg2.15833", "pgbench-r.txt", "pgbench-r-scripts.txt", "pgbench-r-noprogress.txt").stream()
            .map(ImportSamples::text).toList();
    private static final String LOG_CHARS = "0123456789 \n\t.-failedskip";
    private final PgbenchImporter importer = new PgbenchImporter();

    @Property(tries = 100)
    void randomStrings(@ForAll String text) {
        ImportSamples.validOrCleanFailure(importer, text, "fuzz.log");
    }

    @Property(tries = 100)
    void randomBytes(@ForAll @Size(max = 500) byte[] bytes) {
        ImportSamples.validOrCleanFailure(importer, new String(bytes, StandardCharsets.UTF_8), "fuzz.log");
    }

    /** Lines of six to eight columns of log-like tokens: deeper into the parsers than random text gets. */
    @Property(tries = 100)
    void logShapedLines(@ForAll("logLines") String text) {
        ImportSamples.validOrCleanFailure(importer, text, "fuzz.log");
    }

    @Property(tries = 100)
    void truncationsOfRealFiles(@ForAll("truncations") String text) {
        ImportSamples.validOrCleanFailure(importer, text, "fuzz.log");
    }

    @Property(tries = 100)
    void mutationsOfRealFiles(@ForAll("mutants") String text) {
        ImportSamples.validOrCleanFailure(importer, text, "fuzz.log");
    }

    @Provide
    Arbitrary<String> logLines() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of("0", "1", "127", "128", "999999", "1000000",
                        "1795703254", "99999999999", "failed", "skipped", "-1", "1.5", "nan", ""),
                Arbitraries.longs().between(0, 2_000_000_000L).map(String::valueOf));
        Arbitrary<String> line = token.list().ofMinSize(5).ofMaxSize(9).map(t -> String.join(" ", t));
        return line.list().ofMinSize(1).ofMaxSize(8).map(lines -> String.join("\n", lines) + "\n");
    }

    @Provide
    Arbitrary<String> truncations() {
        return Mutations.truncations(REAL);
    }

    @Provide
    Arbitrary<String> mutants() {
        return Mutations.mutants(REAL, LOG_CHARS);
    }
}
