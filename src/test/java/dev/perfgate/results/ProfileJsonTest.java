package dev.perfgate.results;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.model.Profile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A profile's call tree survives the results file: each entry's parent, and which nested entries are not placed. */
class ProfileJsonTest {

    @Test
    void parentsAndNotPlacedEntriesAreWrittenAndReadBack() {
        Profile.Entry update = new Profile.Entry(Profile.STATEMENT, "UPDATE t SET a = $1", -42, true, new long[] {1, 1},
                new double[] {0.2, 0.3}, null, 2, 10);
        Profile.Entry trigger = new Profile.Entry(Profile.FUNCTION, "t_changed()", 0, false, new long[] {1, 1},
                new double[] {0.1, 0.1}, new double[] {0.15, 0.15}, 0, 0).withParent(Profile.Parent.of(update));
        Profile.Entry inner = new Profile.Entry(Profile.STATEMENT, "SELECT f(NEW.id)", 7, false, new long[] {1, 1},
                new double[] {0.05, 0.05}, null, 2, 4).withParent(Profile.Parent.of(trigger));
        Profile.Entry lost = new Profile.Entry(Profile.STATEMENT, "SELECT $1", 8, false, new long[] {1, 1},
                new double[] {0.01, 0.01}, null, 2, 0);
        Profile p = new Profile(2, List.of(update, trigger, inner, lost), 0, List.of(), List.of());

        ObjectNode json = ProfileJson.write(p);

        assertThat(json.get("entries").get(0).has("parent")).isFalse();
        assertThat(json.get("entries").get(0).has("placed")).isFalse();
        assertThat(json.get("entries").get(1).get("parent").toString())
                .isEqualTo("{\"kind\":\"statement\",\"text\":\"UPDATE t SET a = $1\",\"query_id\":-42,\"toplevel\":true}");
        assertThat(json.get("entries").get(2).get("parent").toString())
                .isEqualTo("{\"kind\":\"function\",\"text\":\"t_changed()\"}");
        assertThat(json.get("entries").get(3).get("placed").asBoolean(true)).isFalse();
        assertThat(ProfileJson.read(json)).isEqualTo(p);
    }
}
