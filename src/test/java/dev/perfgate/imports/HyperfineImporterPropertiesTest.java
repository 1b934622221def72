package dev.perfgate.imports;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/**
 * Generated inputs for {@link HyperfineImporter}: whatever comes in, the outcome is a valid run or a one-line
 * PerfgateException, never another exception. A few hundred tries each keeps this to seconds.
 */
class HyperfineImporterPropertiesTest {

    private static final List<String> REAL = List.of(ImportSamples.text("hyperfine-sleep.json"),
            ImportSamples.text("hyperfine-failing.json"), ImportSamples.text("hyperfine-scan.json"),
            ImportSamples.text("hyperfine-allfail.json"));
    private static final String JSON_CHARS = "{}[]\":,.-+eE0123456789 \n\\tfnulNaI";
    private final HyperfineImporter importer = new HyperfineImporter();

    @Property(tries = 200)
    void randomStrings(@ForAll String text) {
        ImportSamples.validOrCleanFailure(importer, text, "fuzz.json");
    }

    @Property(tries = 200)
    void randomBytes(@ForAll @Size(max = 500) byte[] bytes) {
        ImportSamples.validOrCleanFailure(importer, new String(bytes, StandardCharsets.UTF_8), "fuzz.json");
    }

    @Property(tries = 200)
    void truncationsOfRealFiles(@ForAll("truncations") String text) {
        ImportSamples.validOrCleanFailure(importer, text, "fuzz.json");
    }

    @Property(tries = 300)
    void mutationsOfRealFiles(@ForAll("mutants") String text) {
        ImportSamples.validOrCleanFailure(importer, text, "fuzz.json");
    }

    /** Valid JSON with wrong content: values replaced by wrong types and bad numbers, or removed. */
    @Property(tries = 300)
    void wrongContent(@ForAll("wrongContent") String text) {
        ImportSamples.validOrCleanFailure(importer, text, "fuzz.json");
    }

    @Provide
    Arbitrary<String> wrongContent() {
        return Mutations.jsonTreeMutants(Stream.of("hyperfine-sleep.json", "hyperfine-failing.json",
                "hyperfine-scan.json").map(ImportSamples::text).toList());
    }

    @Provide
    Arbitrary<String> truncations() {
        return Mutations.truncations(REAL);
    }

    @Provide
    Arbitrary<String> mutants() {
        return Mutations.mutants(REAL, JSON_CHARS);
    }
}
