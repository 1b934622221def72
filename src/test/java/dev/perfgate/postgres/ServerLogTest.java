package dev.perfgate.postgres;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL's own reason from a server log, on one line. */
class ServerLogTest {

    @Test
    void theFirstFatalWithItsDetailAndHint() {
        List<String> log = List.of(
                "2026-12-08 00:30:00.000 UTC [42] LOG:  starting PostgreSQL 15.20",
                "2026-12-08 00:30:00.001 UTC [42] FATAL:  could not access file \"pg_tviews\": No such file or directory",
                "2026-12-08 00:30:00.001 UTC [42] HINT:  Install it first.",
                "2026-12-08 00:30:00.002 UTC [42] LOG:  database system is shut down");
        assertThat(ServerLog.problem(log)).hasValue(
                "FATAL: could not access file \"pg_tviews\": No such file or directory HINT: Install it first.");
    }

    @Test
    void aLogWithoutAPrefixAsACommandLineSettingProducesIt() {
        assertThat(ServerLog.problem(List.of("FATAL:  invalid value for parameter \"work_mem\": \"lots\"")))
                .hasValue("FATAL: invalid value for parameter \"work_mem\": \"lots\"");
    }

    @Test
    void initdbsOwnErrorIsTheLastLine() {
        assertThat(ServerLog.problem(List.of("The files belonging to this database system ...",
                "initdb: error: directory \"/x\" exists but is not empty", ""))).hasValue(
                "initdb: error: directory \"/x\" exists but is not empty");
        assertThat(ServerLog.problem(List.of("", " "))).isEmpty();
    }
}
