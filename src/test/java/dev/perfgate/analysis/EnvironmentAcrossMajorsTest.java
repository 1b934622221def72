package dev.perfgate.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.perfgate.bench.EnvironmentProbe;
import dev.perfgate.model.Environment;
import dev.perfgate.model.PostgresInfo;

/**
 * The environment comparison across PostgreSQL majors and server origins: a setting only one major has is no
 * difference; data checksums, JIT availability, the database's collation and where the server came from are.
 */
class EnvironmentAcrossMajorsTest {

    private static Environment on(PostgresInfo pg) {
        return EnvironmentProbe.withFingerprint("Xeon", 2, 8L << 30, "Linux 6.1", "17.0.15", pg);
    }

    @Test
    void aSettingOnlyOneMajorHasIsNotADifference() {
        // lc_collate was a setting up to PostgreSQL 15; a results file from before perfgate read it from pg_database
        // has none for 18
        Environment pg15 = on(new PostgresInfo("15.20", Map.of("lc_collate", "C", "work_mem", "4MB")));
        Environment pg18 = on(new PostgresInfo("18.4", Map.of("work_mem", "4MB")));
        EnvironmentCheck.Result r = EnvironmentCheck.compare(pg15, pg18);
        assertThat(r.mismatch()).isTrue();
        assertThat(r.differences()).containsExactly("postgresql: \"15.20\" vs \"18.4\"");
    }

    @Test
    void checksumsJitAvailabilityAndCollationAreDifferences() {
        Environment pg15 = on(new PostgresInfo("15.20", Map.of("data_checksums", "off", "jit", "on",
                "jit_available", "on", "lc_collate", "C"), "/usr/lib/postgresql/15/bin"));
        Environment pg18 = on(new PostgresInfo("18.4", Map.of("data_checksums", "on", "jit", "on",
                "jit_available", "off", "lc_collate", "C.UTF-8"), "embedded"));
        assertThat(EnvironmentCheck.compare(pg15, pg18).differences()).containsExactly(
                "postgresql: \"15.20\" vs \"18.4\"",
                "postgresql origin: \"/usr/lib/postgresql/15/bin\" vs \"embedded\"",
                "postgresql data_checksums: \"off\" vs \"on\"",
                "postgresql jit_available: \"on\" vs \"off\"",
                "postgresql lc_collate: \"C\" vs \"C.UTF-8\"");
    }

    @Test
    void aBaselineFromBeforeTheNewFactsIsTheSameEnvironment() {
        // the facts recorded since are not in the fingerprint, so a stored baseline keeps judging after an upgrade
        Environment old = on(new PostgresInfo("18.4", Map.of("work_mem", "4MB")));
        Environment now = on(new PostgresInfo("18.4", Map.of("work_mem", "4MB", "data_checksums", "on",
                "jit_available", "off"), "embedded"));
        assertThat(old.fingerprint()).isEqualTo(now.fingerprint());
        EnvironmentCheck.Result r = EnvironmentCheck.compare(old, now);
        assertThat(r.mismatch()).isFalse();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void anUnknownOriginIsNotADifference() {
        Environment old = on(new PostgresInfo("18.4", Map.of("work_mem", "4MB")));
        Environment now = on(new PostgresInfo("18.4", Map.of("work_mem", "8MB"), "embedded"));
        assertThat(EnvironmentCheck.compare(old, now).differences())
                .containsExactly("postgresql work_mem: \"4MB\" vs \"8MB\"");
    }

    @Test
    void theOriginAloneDoesNotChangeTheFingerprint() {
        // the same build of one major on two machines lives in two folders; its settings say what matters
        Environment a = on(new PostgresInfo("17.6", Map.of("jit_available", "on"), "/usr/lib/postgresql/17/bin"));
        Environment b = on(new PostgresInfo("17.6", Map.of("jit_available", "on"), "/opt/pg17/bin"));
        assertThat(a.fingerprint()).isEqualTo(b.fingerprint());
        assertThat(EnvironmentCheck.compare(a, b).mismatch()).isFalse();
    }

    @Test
    void dataChecksumsAloneAreAnotherEnvironmentThoughNotInTheFingerprint() {
        Environment off = on(new PostgresInfo("18.4", Map.of("data_checksums", "off")));
        Environment on = on(new PostgresInfo("18.4", Map.of("data_checksums", "on")));
        assertThat(off.fingerprint()).isEqualTo(on.fingerprint());
        EnvironmentCheck.Result r = EnvironmentCheck.compare(off, on);
        assertThat(r.mismatch()).isTrue();
        assertThat(r.differences()).containsExactly("postgresql data_checksums: \"off\" vs \"on\"");
    }
}
