package dev.perfgate.ci;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lines of the GitLab templates ({@code init --ci gitlab}) that fetch perfgate's source at a tag: run as the
 * job runs them, against a local repository with a tag, it checks out the tag without Git's detached-HEAD advice
 * (a page of "You are in 'detached HEAD' state" in every first pipeline's log).
 */
class GitlabTemplateTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"gitlab-ci.yml", "gitlab-ci-extension.yml"})
    void theSourceIsClonedAtItsTagWithoutDetachedHeadAdvice(String template) throws Exception {
        // the lines that get the source: from the fresh folder to the build (Maven is not run here)
        java.util.List<String> lines = Files.readString(Path.of("src/main/resources/init", template)).lines()
                .map(String::strip).toList();
        int from = lines.indexOf(lines.stream().filter(l -> l.startsWith("rm -rf .perfgate")).findFirst().orElseThrow());
        int to = lines.indexOf(lines.stream().filter(l -> l.startsWith("mvn ")).findFirst().orElseThrow());
        String clone = "set -e\n" + String.join("\n", lines.subList(from, to));
        Path source = Files.createDirectories(dir.resolve("source"));
        Scripts.git(source, "init", "-q");
        Files.writeString(source.resolve("pom.xml"), "<project/>\n");
        Scripts.git(source, "add", ".");
        Scripts.git(source, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "v1");
        Scripts.git(source, "tag", "v1");
        Path job = Files.createDirectories(dir.resolve("job"));

        Scripts.Result r = Scripts.run(job, Map.of("PERFGATE_SOURCE", "file://" + source, "PERFGATE_VERSION", "v1"),
                "bash", "-c", clone);

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(job.resolve(".perfgate/src/pom.xml")).exists();
        assertThat(r.output()).doesNotContain("detached HEAD", "advice");
    }
}
