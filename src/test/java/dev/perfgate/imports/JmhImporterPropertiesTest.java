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
 * Generated inputs for {@link JmhImporter}: whatever comes in, the outcome is a valid run or a one-line
 * PerfgateException, never another exception. A hundred tries each keeps this to about a second.
 */
class JmhImporterPropertiesTest {

    private static final List<String> REAL = List.of(ImportSamples.text("jmh-gc.json"),
            ImportSamples.text("jmh-sample-mode.json"), ImportSamples.text("jmh-no-rawdata.json"));
    private static final String JSON_CHARS = "{}[]\":,.-+eE0123456789 \n\\tfnulNaI";
    private final JmhImporter importer = new JmhImporter();

    @Property(tries = 100)
    void randomStrings(@ForAll String text) {
        ImportSamples.validOrCleanFailure(importer, text, "fuzz.json");
    }

    @Property(tries = 100)
    void randomBytes(@ForAll @Size(max = 500) byte[] bytes) {
        ImportSamples.validOrCleanFailure(importer, new String(bytes, StandardCharsets.UTF_8), "fuzz.json");
    }

    @Property(tries = 100)
    void truncationsOfRealFiles(@ForAll("truncations") String text) {
        ImportSamples.validOrCleanFailure(importer, text, "fuzz.json");
    }

    @Property(tries = 100)
    void mutationsOfRealFiles(@ForAll("mutants") String text) {
        ImportSamples.validOrCleanFailure(importer, text, "fuzz.json");
    }

    /** Valid JSON with wrong content: values replaced by wrong types and bad numbers, or removed. */
    @Property(tries = 100)
    void wrongContent(@ForAll("wrongContent") String text) {
        ImportSamples.validOrCleanFailure(importer, text, "fuzz.json");
    }

    @Provide
    Arbitrary<String> wrongContent() {
        return Mutations.jsonTreeMutants(Stream.of("jmh-gc.json", "jmh-no-rawdata.json")
                .map(ImportSamples::text).toList());
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
