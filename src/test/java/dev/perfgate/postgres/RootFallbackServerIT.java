package dev.perfgate.postgres;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The setpriv path for root on kernels without user namespaces, forced on this machine. */
class RootFallbackServerIT {

    @AfterEach
    void unforce() {
        System.clearProperty("perfgate.embedded");
    }

    @Test
    void runsPostgresAsNobodyAndDeletesItsFolder() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root needs to drop privileges");
        System.setProperty("perfgate.embedded", "setpriv");
        DatabaseServer server = EmbeddedServer.start();
        assertThat(server).isInstanceOf(RootFallbackServer.class);
        try (Connection c = server.connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT current_setting('synchronous_commit'), current_setting('server_version_num')::int")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("on");
            assertThat(rs.getInt(2)).isGreaterThanOrEqualTo(170000);
        } finally {
            server.close();
        }
        assertThat(server.description()).contains("as nobody");
        assertThat(((RootFallbackServer) server).workDirectoryExists()).isFalse();
    }
}
