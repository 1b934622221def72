package dev.perfgate.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.hipparchus.random.RandomDataGenerator;
import org.junit.jupiter.api.Test;

class RecordedLatenciesTest {

    @Test
    void parsesCommentsAndValuesInRunOrder() {
        RecordedLatencies r = RecordedLatencies.parse("bench-1", List.of("# how it was recorded", "0.25", "", "1e-1",
                "  0.3 "));

        assertThat(r.provenance()).isEqualTo("how it was recorded");
        assertThat(r.samplesMillis()).containsExactly(0.25, 0.1, 0.3);
        assertThat(r.benchmark()).isEqualTo("bench");
        assertThat(r.summary().median()).isEqualTo(0.25);
    }

    @Test
    void rejectsWhatIsNotAPositiveNumber() {
        assertThatThrownBy(() -> RecordedLatencies.parse("b-1", List.of("# x", "0.2", "0,3")))
                .hasMessageContaining("b-1 line 3: not a number: 0,3");
        assertThatThrownBy(() -> RecordedLatencies.parse("b-1", List.of("0.2", "0")))
                .hasMessageContaining("sample 0.0");
        assertThatThrownBy(() -> RecordedLatencies.parse("b-1", List.of("# only a header")))
                .hasMessageContaining("no samples");
    }

    @Test
    void resamplesWithReplacementTimesTheFactor() {
        RecordedLatencies r = RecordedLatencies.parse("b-1", List.of("1", "2", "4"));

        double[] drawn = r.resample(new RandomDataGenerator(7), 1.5, 300);

        assertThat(drawn).hasSize(300).containsOnly(1.5, 3.0, 6.0);
        assertThat(Arrays.stream(drawn).distinct().count()).isEqualTo(3);
        assertThat(r.resample(new RandomDataGenerator(7), 1.5, 300)).containsExactly(drawn);
    }

    @Test
    void everyIndexedRecordingLoadsWithItsProvenance() {
        List<RecordedLatencies> all = RecordedLatencies.all();

        assertThat(all).isNotEmpty();
        for (RecordedLatencies r : all) {
            assertThat(r.provenance()).as(r.name()).contains("perfgate run -b " + r.benchmark(), "load average");
            assertThat(r.size()).as(r.name()).isGreaterThanOrEqualTo(1000);
        }
        assertThat(RecordedLatencies.of("single_row_update")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.benchmark()).isEqualTo("single_row_update"));
    }
}
