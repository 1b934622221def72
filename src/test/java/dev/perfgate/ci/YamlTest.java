package dev.perfgate.ci;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The YAML subset reader and the expression evaluator the workflow runner rests on. */
class YamlTest {

    @Test
    void readsTheShapesOurCiFilesUse() {
        Map<String, Object> doc = Yaml.map("""
                # a comment
                name: performance
                on:
                  push:
                    branches: [main, 'release/x']
                jobs:
                  gate:
                    if: github.event_name == 'pull_request'  # trailing comment
                    steps:
                      - uses: actions/checkout@v4
                        with:
                          fetch-depth: 0
                      - name: "quoted: name"
                        run: |
                          echo one
                            indented
                          echo '#not a comment'

                      - run: '"$X/check.sh"'
                    description: >-
                      folded
                      text
                list:
                - a
                - |
                  block in a list
                """);
        assertThat(doc.get("name")).isEqualTo("performance");
        assertThat(((Map<?, ?>) ((Map<?, ?>) doc.get("on")).get("push")).get("branches"))
                .isEqualTo(List.of("main", "release/x"));
        Map<?, ?> gate = (Map<?, ?>) ((Map<?, ?>) doc.get("jobs")).get("gate");
        assertThat(gate.get("if")).isEqualTo("github.event_name == 'pull_request'");
        List<?> steps = (List<?>) gate.get("steps");
        assertThat(((Map<?, ?>) steps.get(0)).get("with")).isEqualTo(Map.of("fetch-depth", "0"));
        assertThat(((Map<?, ?>) steps.get(1)).get("name")).isEqualTo("quoted: name");
        assertThat(((Map<?, ?>) steps.get(1)).get("run")).isEqualTo("echo one\n  indented\necho '#not a comment'\n");
        assertThat(((Map<?, ?>) steps.get(2)).get("run")).isEqualTo("\"$X/check.sh\"");
        assertThat(gate.get("description")).isEqualTo("folded text");
        assertThat(doc.get("list")).isEqualTo(List.of("a", "block in a list\n"));
    }

    @Test
    void refusesWhatItDoesNotRead() {
        assertThatThrownBy(() -> Yaml.parse("a: &anchor x\nb: *anchor\n")).hasMessageContaining("anchors");
        assertThatThrownBy(() -> Yaml.parse("a: {b: c}\n")).hasMessageContaining("flow mappings");
        assertThatThrownBy(() -> Yaml.parse("a: 1\na: 2\n")).hasMessageContaining("duplicate key a");
    }

    @Test
    void evaluatesExpressionsTheWayGithubDoes() {
        Map<String, Object> contexts = Map.of("github", Map.of("event_name", "push", "event", Map.of()),
                "steps", Map.of("check", Map.of("outputs", Map.of("exit-code", "2"), "outcome", "success")),
                "inputs", Map.of("setup-java", "true"));
        Expressions.Status ok = () -> false;
        Expressions.Status failed = () -> true;
        assertThat(Expressions.interpolate("${{ github.event_name == 'push' && 'h.jsonl' || '' }}", contexts, ok))
                .isEqualTo("h.jsonl");
        assertThat(Expressions.interpolate("x-${{ github.event.pull_request.base.sha }}-y", contexts, ok))
                .isEqualTo("x--y");
        assertThat(Expressions.interpolate("${{ github.event_name == 'PUSH' }}", contexts, ok)).isEqualTo("true");
        assertThat(Expressions.condition("inputs.setup-java == 'true'", contexts, ok)).isTrue();
        assertThat(Expressions.condition("inputs.setup-java == 'true'", contexts, failed)).isFalse();
        assertThat(Expressions.condition("always() && steps.check.outcome == 'success'", contexts, failed)).isTrue();
        assertThat(Expressions.condition("${{ steps.check.outputs.exit-code != '2' }}", contexts, ok)).isFalse();
        assertThatThrownBy(() -> Expressions.condition("hashFiles('x')", contexts, ok))
                .hasMessageContaining("hashFiles() is not supported");
    }
}
