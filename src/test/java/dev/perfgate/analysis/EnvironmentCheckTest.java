package dev.perfgate.analysis;

import dev.perfgate.model.Environment;
import dev.perfgate.model.PostgresInfo;
import dev.perfgate.model.RunResult;
import dev.perfgate.model.RunSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link EnvironmentCheck}: which environments are comparable (the fingerprint decides, the facts say why not), and
 * when the machine's own speed, timed by the calibration query, makes two runs incomparable.
 */
class EnvironmentCheckTest {

    private static final PostgresInfo PG = new PostgresInfo("18.1", Map.of("shared_buffers", "128MB", "jit", "off"));
    private static final Environment XEON = new Environment("fp-1", "Xeon", 2, 8L << 30, "Linux 6.1", "17.0.15", PG);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // no fingerprint on either side: nothing can be checked, which is a warning, not a mismatch
            "both unknown    |      |      | false | no environment fingerprint for baseline and current",
            "baseline unknown|      | fp-1 | false | no environment fingerprint for baseline:",
            "current unknown | fp-1 |      | false | no environment fingerprint for current:",
            // the same fingerprint: comparable, nothing to say
            "same            | fp-1 | fp-1 | false | ",
            // different fingerprints: a mismatch even when no fact the record carries differs
            "differ          | fp-1 | fp-2 | true  | ENVIRONMENT MISMATCH: baseline and current ran on different "
                    + "environments (fingerprints differ)",
    })
    void theFingerprintDecides(String name, String baseline, String current, boolean mismatch, String warning) {
        EnvironmentCheck.Result r = EnvironmentCheck.compare(xeon(baseline), xeon(current));
        assertThat(r.mismatch()).isEqualTo(mismatch);
        assertThat(r.differences()).isEmpty(); // the facts are the same in every row
        if (warning == null) assertThat(r.warnings()).isEmpty();
        else assertThat(r.warnings()).singleElement().asString().startsWith(warning);
        assertThat(r.speedChange()).isNaN();
    }

    @Test
    void aMissingEnvironmentIsAnUnknownOne() {
        assertThat(EnvironmentCheck.compare((Environment) null, XEON).warnings()).singleElement().asString()
                .startsWith("no environment fingerprint for baseline:");
    }

    @Test
    void theSameFingerprintHidesFactsThatDiffer() {
        // the fingerprint hashes what changes speed; a fact outside it (here the CPU's name) is not a mismatch
        Environment renamed = new Environment("fp-1", "Xeon(R)", 2, 8L << 30, "Linux 6.1", "17.0.15", PG);
        assertThat(EnvironmentCheck.compare(XEON, renamed).mismatch()).isFalse();
    }

    @Test
    void aMismatchListsEachFactThatDiffersInOrder() {
        PostgresInfo other = new PostgresInfo("17.4", Map.of("shared_buffers", "1GB", "work_mem", "64MB",
                "jit", "off"));
        Environment epyc = new Environment("fp-2", "EPYC", 4, 8L << 30, "Linux 6.1", "21.0.2", other);
        EnvironmentCheck.Result r = EnvironmentCheck.compare(XEON, epyc);
        assertThat(r.mismatch()).isTrue();
        // cpu, cores, memory, os, java, postgresql, then the settings both recorded, by name; equal facts are left
        // out, and so is a setting one server lacks (work_mem here: as a setting a major removed, e.g. lc_collate)
        assertThat(r.differences()).containsExactly("cpu: \"Xeon\" vs \"EPYC\"", "cores: 2 vs 4",
                "java: \"17.0.15\" vs \"21.0.2\"", "postgresql: \"18.1\" vs \"17.4\"",
                "postgresql shared_buffers: \"128MB\" vs \"1GB\"");
        assertThat(r.warnings()).containsExactly("ENVIRONMENT MISMATCH: baseline and current ran on different "
                + "environments (" + String.join("; ", r.differences()) + "); timings are not comparable, "
                + "regressions are downgraded to warnings");
    }

    @Test
    void anUnknownFactIsNoDifference() {
        // cores and memory 0 mean unknown; a null cpu or PostgreSQL is unknown too
        Environment sparse = new Environment("fp-2", null, 0, 0, "Linux 6.1", "17.0.15", null);
        assertThat(EnvironmentCheck.compare(XEON, sparse).differences()).isEmpty();
    }

    @ParameterizedTest(name = "calibration {0} ms vs {1} ms")
    @CsvSource({
            // base, current, flagged, speed change (current / base - 1)
            "1.0,  1.0,   false, NaN",   // the same speed
            "1.0,  1.25,  false, NaN",   // at the tolerance (1.25) exactly: still comparable
            "1.25, 1.0,   false, NaN",   // the same the other way
            "1.0,  1.5,   true,  0.5",   // 1.5 > 1.25: the machine ran 50 % slower
            "1.0,  0.5,   true,  -0.5",  // 1 / 0.5 = 2 > 1.25: it ran twice as fast
            "NaN,  3.0,   false, NaN",   // one side not calibrated: nothing to compare
            "0,    3.0,   false, NaN",   // a non-positive time is no calibration
    })
    void theMachineSpeedMustAgreeWithinTheTolerance(double base, double current, boolean flagged, double change) {
        EnvironmentCheck.Result r = EnvironmentCheck.compare(run(XEON, base), run(XEON, current));
        assertThat(r.mismatch()).isEqualTo(flagged);
        assertThat(r.differences()).hasSize(flagged ? 1 : 0);
        if (Double.isNaN(change)) assertThat(r.speedChange()).isNaN();
        else assertThat(r.speedChange()).isCloseTo(change, within(1e-12));
    }

    @Test
    void aSlowerMachineSaysItsSpeedAndWhatItDowngrades() {
        EnvironmentCheck.Result r = EnvironmentCheck.compare(run(XEON, 2.0), run(XEON, 3.0));
        assertThat(r.differences()).containsExactly("machine speed: calibration query 2.000 ms vs 3.000 ms (+50.0%)");
        assertThat(r.warnings()).singleElement().asString()
                .startsWith("MACHINE SPEED CHANGED: the host ran a fixed calibration query at a different speed "
                        + "during the two runs (calibration query 2.000 ms vs 3.000 ms (+50.0%))")
                .contains("regressions no larger than that slowdown are downgraded to warnings");
        assertThat(EnvironmentCheck.compare(run(XEON, 3.0), run(XEON, 2.0)).warnings()).singleElement().asString()
                .contains("but a faster machine cannot explain a slowdown");
    }

    @Test
    void aSpeedChangeOnOtherHardwareExplainsNothing() {
        Environment other = new Environment("fp-2", "EPYC", 2, 8L << 30, "Linux 6.1", "17.0.15", PG);
        EnvironmentCheck.Result r = EnvironmentCheck.compare(run(XEON, 1.0), run(other, 2.0));
        assertThat(r.mismatch()).isTrue();
        assertThat(r.differences()).containsExactly("cpu: \"Xeon\" vs \"EPYC\"",
                "machine speed: calibration query 1.000 ms vs 2.000 ms (+100.0%)");
        assertThat(r.warnings()).hasSize(2);
        assertThat(r.speedChange()).isNaN(); // the hardware differs, so the speed change cannot be separated out
    }

    @ParameterizedTest(name = "speed change {0}, interval from {1}: {2}")
    @CsvSource({
            "NaN,  0.50, false",  // no speed change known (not calibrated, or other hardware): never beyond
            "-0.2, 0.06, true",   // a faster machine cannot explain a slowdown at all
            "0.0,  0.06, true",   // nor can one of the same speed
            "0.3,  0.36, true",   // 0.36 > 0.30 + 0.05: beyond what the slowdown explains
            "0.3,  0.34, false",  // 0.34 < 0.35: the slower machine could explain it
    })
    void beyondMachineSpeed(double speedChange, double low, boolean expected) {
        EnvironmentCheck.Result r = new EnvironmentCheck.Result(true, List.of(), List.of(), speedChange);
        assertThat(r.beyondMachineSpeed(low, 0.05)).isEqualTo(expected);
    }

    /** The same machine with the given fingerprint (null: unknown). */
    private static Environment xeon(String fingerprint) {
        return new Environment(fingerprint, XEON.cpu(), XEON.cores(), XEON.memoryBytes(), XEON.os(), XEON.java(),
                XEON.postgresql());
    }

    private static RunResult run(Environment environment, double calibrationMillis) {
        Map<String, Object> extra = Double.isNaN(calibrationMillis) ? Map.of()
                : Map.of(RunSettings.CALIBRATION_KEY, calibrationMillis);
        return new RunResult("test", null, null, environment, new RunSettings(30, 6, false, extra), List.of());
    }
}
