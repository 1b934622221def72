package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which settings a server starts with: perfgate's, the user's over them, the preloads merged. */
class ServerSpecTest {

    private static Installation without(boolean statements, boolean explain) {
        return new Installation(Path.of("/opt/pg/bin"), "16.4", 16, Path.of("/opt/pg/share"), Path.of("/opt/pg/lib"),
                statements, explain);
    }

    @Test
    void theUsersPreloadsComeAfterPerfgatesOwn() {
        ServerSpec spec = new ServerSpec(null, List.of(), Map.of("shared_preload_libraries", "pg_tviews, auto_explain"));
        assertThat(spec.serverSettings()).containsEntry("shared_preload_libraries",
                "pg_stat_statements,auto_explain,pg_tviews");
        assertThat(spec.changedSettings()).containsExactly(Map.entry("shared_preload_libraries",
                "pg_stat_statements,auto_explain,pg_tviews"));
    }

    @Test
    void userSettingsOverrideAndOnlyChangedOnesAreRecorded() {
        ServerSpec spec = new ServerSpec(null, List.of(), Map.of("work_mem", "64MB", "shared_buffers", "128MB"));
        assertThat(spec.serverSettings()).containsEntry("work_mem", "64MB").containsEntry("synchronous_commit", "on");
        assertThat(spec.changedSettings()).containsExactly(Map.entry("work_mem", "64MB"));
    }

    @Test
    void anInstallationWithoutTheModulesGetsNoPreloadsOfThem() {
        ServerSpec none = new ServerSpec(without(false, false), List.of(), Map.of());
        assertThat(none.serverSettings()).doesNotContainKeys("shared_preload_libraries",
                "pg_stat_statements.track_utility");
        assertThat(none.missingPreloads()).containsExactly("pg_stat_statements", "auto_explain");
        ServerSpec explainOnly = new ServerSpec(without(false, true), List.of(),
                Map.of("shared_preload_libraries", "pg_tviews"));
        assertThat(explainOnly.serverSettings()).containsEntry("shared_preload_libraries", "auto_explain,pg_tviews");
    }

    @Test
    void badNamesAndSettingsPerfgateChoosesAreRefused() {
        assertThatThrownBy(() -> new ServerSpec(null, List.of(), Map.of("work mem", "1MB")))
                .isInstanceOf(PerfgateException.class).hasMessageContaining("not a setting name");
        assertThatThrownBy(() -> new ServerSpec(null, List.of(), Map.of("port", "5433")))
                .isInstanceOf(PerfgateException.class).hasMessageContaining("perfgate chooses port");
        assertThat(new ServerSpec(null, List.of(), Map.of("pg_stat_statements.max", "1000")).settings())
                .containsKey("pg_stat_statements.max");
    }

    @Test
    void settingsThatMakeTimingsMeaninglessAreAllowedWithALine() {
        ServerSpec spec = new ServerSpec(null, List.of(), Map.of("fsync", "off", "work_mem", "8MB"));
        assertThat(spec.timingWarnings()).singleElement().asString().startsWith("fsync=off:");
        assertThat(new ServerSpec(null, List.of(), Map.of("fsync", "on")).timingWarnings()).isEmpty();
    }

    @Test
    void readsNameEqualsValue() {
        assertThat(ServerSpec.setting("work_mem=64MB", "--server-setting")).isEqualTo(Map.entry("work_mem", "64MB"));
        assertThat(ServerSpec.setting("search_path=a,b=c", "--server-setting"))
                .isEqualTo(Map.entry("search_path", "a,b=c"));
        assertThat(ServerSpec.setting("jit=", "--server-setting")).isEqualTo(Map.entry("jit", ""));
        assertThatThrownBy(() -> ServerSpec.setting("work_mem", "_suite.sql:3")).isInstanceOf(PerfgateException.class)
                .hasMessage("_suite.sql:3 work_mem: write NAME=VALUE, e.g. work_mem=64MB");
        assertThatThrownBy(() -> ServerSpec.setting("=1", "--server-setting")).isInstanceOf(PerfgateException.class);
    }

    @Test
    void describesWhatDiffers() {
        assertThat(ServerSpec.EMBEDDED.describe()).isEqualTo("embedded PostgreSQL 18");
        assertThat(new ServerSpec(without(true, true), List.of(), Map.of("work_mem", "8MB")).describe())
                .isEqualTo("PostgreSQL 16.4 from /opt/pg/bin, work_mem=8MB");
        assertThat(ServerSpec.EMBEDDED.origin()).isEqualTo("embedded");
        assertThat(ServerSpec.EMBEDDED.major()).isEqualTo(18);
    }
}
