package dev.perfgate.gate;

import dev.perfgate.PerfgateException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CiSourceTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // --source                                      | kind   | repository                           | ref     | uses:                    | cloned from
            "acme/perfgate@v1                                | GITHUB | acme/perfgate                        | v1      | acme/perfgate@v1         | https://github.com/acme/perfgate.git",
            "https://git.example.com/t/perfgate.git@1a2b3c4  | GIT    | https://git.example.com/t/perfgate.git | 1a2b3c4 | ./.perfgate/src        | https://git.example.com/t/perfgate.git",
            "https://me@git.example.com/perfgate.git@v1.2    | GIT    | https://me@git.example.com/perfgate.git | v1.2  | ./.perfgate/src          | https://me@git.example.com/perfgate.git",
            "git@github.com:acme/perfgate.git@release/1      | GIT    | git@github.com:acme/perfgate.git     | release/1 | ./.perfgate/src        | git@github.com:acme/perfgate.git",
            "file:///srv/git/perfgate.git@main               | GIT    | file:///srv/git/perfgate.git         | main    | ./.perfgate/src          | file:///srv/git/perfgate.git",
    })
    void readsTheFormsItKnows(String text, CiSource.Kind kind, String repository, String ref, String action,
                              String clone) {
        CiSource s = CiSource.parse(text);
        assertThat(s).isEqualTo(new CiSource(kind, repository, ref));
        assertThat(s.action()).isEqualTo(action);
        assertThat(s.cloneUrl()).isEqualTo(clone);
        assertThat(s.placeholder()).isFalse();
        assertThat(s).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "perfgate", "acme/perfgate", "https://git.example.com/perfgate.git", "acme/perfgate@",
            "acme/perfgate@-x", "acme/perfgate@../x", "https://x/p.git@v1 ; rm", "https://x/\"p\".git@v1",
            "https://x/$HOME.git@v1", "ftp://x/p.git@v1", "./x"})
    void refusesOtherFormsInOneLine(String text) {
        assertThatThrownBy(() -> CiSource.parse(text)).isInstanceOf(PerfgateException.class)
                .hasMessageStartingWith("--source " + text + ": give OWNER/REPO@REF").hasMessageNotContaining("\n");
    }

    @org.junit.jupiter.api.Test
    void thePlaceholderIsKnownAndTheLocalFormIsOnlyForGithub() {
        assertThat(CiSource.parse(CiSource.PLACEHOLDER).placeholder()).isTrue();
        CiSource local = CiSource.parse("./");
        assertThat(local.action()).isEqualTo("./");
        assertThatThrownBy(local::cloneUrl).isInstanceOf(PerfgateException.class).hasMessageContaining("GitLab");
    }
}
