package dev.perfgate.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names, units, commits, branches and environment strings that try to inject HTML, Markdown or XML, arriving end to
 * end the ways they can reach perfgate (a results file anyone can write, another harness's output) and leaving through
 * every report format and the trend page: escaped as text everywhere, never markup. (Suite file names cannot carry
 * such names: benchmark names from files are limited to letters, digits, '_', '.' and '-'.) The renderers' own unit
 * tests are in report.MarkdownReportTest, HtmlReportTest, JunitReportTest, TrendPageTest, HtmlBrowserIT.
 */
class HostileTextTest {

    static final String NAME = "<script>alert(1)</script>|**x**";
    static final String UNIT = "ms<img src=x onerror=alert(2)>";
    static final String CPU = "CPU <iframe src=javascript:alert(3)> [click](javascript:alert(4))";
    static final String BRANCH = "main\"><svg onload=alert(5)>";
    static final String COMMIT = "<b>deadbeef</b>";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void compareEscapesEveryHostileStringInEveryFormat() throws Exception {
        Path plain = dir.resolve("plain.json");
        Cli.run("import", "hyperfine", Cli.HYPERFINE.toString(), "-o", plain.toString()).succeeds();
        Path baseline = hostile(plain, "baseline.json", "Intel Xeon");
        Path current = hostile(plain, "current.json", CPU);
        Path out = dir.resolve("reports");
        Cli r = Cli.run("compare", baseline.toString(), current.toString(), "--format", "text,json,markdown,junit,html",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isIn(0, 1);

        String html = Files.readString(out.resolve("comparison.html"));
        assertNoMarkup(html);
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;|**x**", "ms&lt;img src=x onerror=alert(2)&gt;",
                "&lt;iframe src=javascript:alert(3)&gt;");

        String md = Files.readString(out.resolve("comparison.md"));
        assertNoMarkup(md);
        assertThat(md).contains("&lt;script&gt;alert(1)&lt;/script&gt;\\|\\*\\*x\\*\\*", "\\[click\\](javascript:alert(4))")
                .doesNotContain("**x**", "[click](");
        List<String> table = md.lines().filter(l -> l.startsWith("| ")).toList();
        int cells = table.get(0).split("(?<!\\\\)\\|", -1).length;
        assertThat(table).hasSize(4).allSatisfy(row ->
                assertThat(row.split("(?<!\\\\)\\|", -1)).as("cells of " + row).hasSize(cells));

        Document junit = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(out.resolve("perfgate-junit.xml").toFile());
        NodeList cases = junit.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        assertThat(cases.item(0).getAttributes().getNamedItem("name").getNodeValue()).isEqualTo(NAME + " 1");
        assertThat(junit.getElementsByTagName("script").getLength()).isZero();

        JsonNode json = JSON.readTree(out.resolve("comparison.json").toFile());
        assertThat(json.at("/benchmarks/0/name").asText()).isEqualTo(NAME + " 1");
        assertThat(json.at("/benchmarks/0/unit").asText()).isEqualTo(UNIT);
    }

    @Test
    void anImportedHarnessNameIsEscapedInReportsAndTheTrendPage() throws Exception {
        ObjectNode hf = (ObjectNode) JSON.readTree(Cli.HYPERFINE.toFile());
        ((ObjectNode) hf.get("results").get(0)).put("command", NAME);
        Path input = Files.writeString(dir.resolve("hyperfine.json"), hf.toString());
        Path history = dir.resolve("history.jsonl");
        Path baseline = dir.resolve("baseline.json");
        Cli.run("import", "hyperfine", input.toString(), "-o", baseline.toString()).succeeds();
        for (int i = 0; i < 3; i++) {
            Cli r = Cli.run("check", "--import", "hyperfine", input.toString(), "--baseline", baseline.toString(), "-o",
                    dir.resolve("r.json").toString(), "--history", history.toString(), "--format", "markdown,html",
                    "--out", dir.resolve("reports").toString());
            assertThat(r.exitCode()).as(r.err()).isIn(0, 1);
        }
        assertNoMarkup(Files.readString(dir.resolve("reports/comparison.md")));
        assertNoMarkup(Files.readString(dir.resolve("reports/comparison.html")));
        Cli.run("history", "plot", "--history", history.toString(), "--out", dir.resolve("plot").toString()).succeeds();
        String page = Files.readString(dir.resolve("plot/index.html"));
        assertNoMarkup(page);
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;|**x**");
        try (var pngs = Files.list(dir.resolve("plot"))) {
            assertThat(pngs.map(p -> p.getFileName().toString())).allMatch(f -> f.matches("[A-Za-z0-9_.-]+"));
        }
    }

    /** A password in a mistyped command line (the URL without --db, a misspelt option) is not echoed back. */
    @Test
    void mistypedCommandLinesDoNotEchoAPassword() {
        String url = "jdbc:postgresql://db.example/bench?user=bench&password=S3cret-echo";
        for (List<String> args : List.of(List.of("check", url), List.of("check", "--dbb=" + url),
                List.of("run", "--db", url.replace("postgresql", "mysql")), List.of("history", "list", "--history", url
                        .replace("jdbc:postgresql:", "jdbc:pg:")), List.of("check", "--db",
                        "jdbc:postgresql://bench:S3cret-echo@db.example:1/bench", "--debug", "-b", "nope"))) {
            Cli r = Cli.run(args);
            assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
            assertThat(r.out() + r.err()).as(String.join(" ", args)).doesNotContain("S3cret-echo");
        }
    }

    /** The injected tags, unescaped (their escaped text, e.g. {@code &lt;img src=x onerror=alert(2)&gt;}, is fine). */
    private static final Pattern MARKUP = Pattern.compile(
            "(?i)<script>alert|<img src=x|<iframe src=javascript|<svg onload|<b>deadbeef");

    private static void assertNoMarkup(String text) {
        assertThat(MARKUP.matcher(text).find()).as("injected markup in:\n" + text).isFalse();
    }

    /** The plain results with hostile names, unit, commit, branch and CPU (a mismatch warning quotes the CPU). */
    private Path hostile(Path plain, String name, String cpu) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(plain.toFile());
        ArrayNode benchmarks = (ArrayNode) root.get("benchmarks");
        for (int i = 0; i < benchmarks.size(); i++) {
            ObjectNode b = (ObjectNode) benchmarks.get(i);
            b.put("name", NAME + " " + (i + 1));
            b.put("unit", UNIT);
            b.remove("summary");
        }
        ObjectNode git = root.putObject("git");
        git.put("commit", COMMIT);
        git.put("branch", BRANCH);
        ((ObjectNode) root.get("environment")).put("cpu", cpu);
        ((ObjectNode) root.get("environment")).put("fingerprint", Integer.toHexString(cpu.hashCode()));
        return Files.writeString(dir.resolve(name), root.toPrettyString());
    }
}
