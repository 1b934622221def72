package dev.perfgate.gate;

import dev.perfgate.postgres.ServerSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The base's server is the candidate's except what it changes. */
class ServerTest {

    @Test
    void theBaseKeepsWhatItDoesNotChangeAndLaysSettingsOver() {
        Server candidate = Server.started(new ServerSpec(null, List.of(), Map.of("work_mem", "64MB", "jit", "off")));
        Server base = candidate.changedBy(new Server.Change(false, null, List.of(), Map.of("work_mem", "4MB")));
        assertThat(base.spec().settings()).isEqualTo(Map.of("work_mem", "4MB", "jit", "off"));
        assertThat(base.spec().installation()).isNull();
        assertThat(base.throwaway()).isTrue();
    }

    @Test
    void aCandidateOnDbGivesTheEmbeddedServerAsTheBasesStart() {
        Server base = Server.at("jdbc:postgresql://localhost/x")
                .changedBy(new Server.Change(true, null, List.of(), Map.of()));
        assertThat(base).isEqualTo(Server.EMBEDDED);
    }
}
