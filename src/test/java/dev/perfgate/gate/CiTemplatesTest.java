package dev.perfgate.gate;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CiTemplatesTest {

    /** This repository gates its demo suite with the workflow users get, calling its own action. */
    @Test
    void thisRepositorysWorkflowIsTheOneInitWrites() throws IOException {
        assertThat(Files.readString(Path.of(".github/workflows/performance.yml")))
                .isEqualTo(CiTemplates.github("src/main/resources/suites/tviews", CiSource.parse("./"), 1));
    }

    /** Each call of the action in the sharded workflow gets its own checkout step, at the call's indentation. */
    @Test
    void everyCallOfTheActionIsPrecededByItsCheckout() {
        String text = CiTemplates.github("perf", CiSource.parse("file:///srv/perfgate.git@v1"), 2);
        assertThat(text.split("\n      - name: Check out perfgate\n", -1)).hasSize(3);
        assertThat(text.split("\n      - uses: ./.perfgate/src\n", -1)).hasSize(3);
        assertThat(text).contains("          PERFGATE_SOURCE: \"file:///srv/perfgate.git\"\n"
                + "          PERFGATE_REF: \"v1\"\n").doesNotContain("@ACTION@", "PLACEHOLDER");
    }
}
