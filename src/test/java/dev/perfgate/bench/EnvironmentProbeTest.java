package dev.perfgate.bench;

import dev.perfgate.model.Environment;
import dev.perfgate.model.PostgresInfo;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The fingerprint: what it hashes, so results files written before a new fact was recorded keep theirs. */
class EnvironmentProbeTest {

    private static Environment on(String version, Map<String, String> settings) {
        return EnvironmentProbe.withFingerprint("Xeon", 2, 8L << 30, "Linux 6.1", "17.0.15",
                new PostgresInfo(version, settings, "embedded"));
    }

    @Test
    void factsRecordedSinceTheFingerprintWasFixedDoNotChangeIt() {
        // as an earlier perfgate recorded PostgreSQL 18: its settings in name order, no collation
        Map<String, String> before = new LinkedHashMap<>(Map.of("fsync", "on", "jit", "on", "work_mem", "4MB"));
        Map<String, String> now = new LinkedHashMap<>(Map.of("work_mem", "4MB", "jit", "on", "fsync", "on",
                "data_checksums", "on", "jit_available", "off", "locale_provider", "libc", "lc_collate", "C"));
        assertThat(on("18.4", now).fingerprint()).isEqualTo(on("18.4", before).fingerprint());
    }

    @Test
    void beforeSixteenTheCollationIsHashedAsItWasAndEveryOtherSettingCounts() {
        Map<String, String> c = Map.of("lc_collate", "C", "work_mem", "4MB");
        Map<String, String> utf8 = Map.of("lc_collate", "C.UTF-8", "work_mem", "4MB");
        assertThat(on("15.20", c).fingerprint()).isNotEqualTo(on("15.20", utf8).fingerprint());
        assertThat(on("18.4", c).fingerprint()).isEqualTo(on("18.4", utf8).fingerprint());
        assertThat(on("18.4", Map.of("work_mem", "64MB")).fingerprint())
                .isNotEqualTo(on("18.4", Map.of("work_mem", "4MB")).fingerprint());
    }
}
