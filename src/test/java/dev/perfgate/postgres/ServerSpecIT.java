package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server started from a {@link ServerSpec}: user settings over perfgate's, preloads merged. */
class ServerSpecIT {

    @Test
    void userSettingsReachTheEmbeddedServerAndPreloadsAreMerged() throws Exception {
        ServerSpec spec = new ServerSpec(null, List.of(), Map.of("work_mem", "64MB", "shared_preload_libraries",
                "pg_prewarm", "application_name", "two words"));
        try (DatabaseServer server = Servers.start(spec); Connection c = server.connect();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('work_mem'), "
                     + "current_setting('shared_preload_libraries'), current_setting('synchronous_commit')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("64MB");
            assertThat(rs.getString(2)).isEqualTo("pg_stat_statements,auto_explain,pg_prewarm");
            assertThat(rs.getString(3)).isEqualTo("on");
            assertThat(server.origin()).isEqualTo("embedded");
        }
    }

    @Test
    void aSettingTheEmbeddedServerRejectsIsPostgresqlsOwnLineWithinSeconds() {
        long start = System.nanoTime();
        assertThatThrownBy(() -> Servers.start(new ServerSpec(null, List.of(), Map.of("work_mem", "lots"))))
                .isInstanceOf(PerfgateException.class)
                .hasMessageContaining("invalid value for parameter \"work_mem\": \"lots\"")
                .hasMessageNotContaining("\n");
        // zonky alone would wait a minute for a server that exited at once
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(40);
    }
}
