package dev.perfgate.results;

import dev.perfgate.model.Environment;
import dev.perfgate.model.PostgresInfo;
import dev.perfgate.model.RunResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the server came from: an optional field of {@code environment.postgresql}, absent in older files. */
class ServerOriginTest {

    @Test
    void theOriginIsWrittenAndReadBack() {
        RunResult run = Fixtures.fullRun();
        Environment e = run.environment();
        PostgresInfo pg = new PostgresInfo("15.20 (Debian 15.20-0+deb12u1)", e.postgresql().settings(),
                "/usr/lib/postgresql/15/bin");
        RunResult withOrigin = new RunResult(run.suite(), run.created(), run.git(), new Environment(e.fingerprint(),
                e.cpu(), e.cores(), e.memoryBytes(), e.os(), e.java(), pg), run.settings(), run.benchmarks(), run.ab());
        String json = ResultsJson.toJson(withOrigin);
        assertThat(json).contains("\"origin\": \"/usr/lib/postgresql/15/bin\"");
        assertThat(ResultsJson.parse(json, "r.json").environment().postgresql()).isEqualTo(pg);
    }

    @Test
    void aFileWithoutAnOriginReadsAsUnknown() {
        String json = ResultsJson.toJson(Fixtures.fullRun());
        assertThat(json).doesNotContain("\"origin\"");
        assertThat(ResultsJson.parse(json, "r.json").environment().postgresql().origin()).isNull();
    }
}
