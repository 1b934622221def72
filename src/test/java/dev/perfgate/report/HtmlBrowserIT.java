package dev.perfgate.report;

import dev.perfgate.analysis.ComparisonReport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens the HTML report in a real browser, headless Chromium (Debian's {@code chromium}; skipped when it is not
 * installed): the DOM it builds has the table, one row and one chart per benchmark and the hostile name only as
 * text; the console stays silent (a blocked or failing script would log there); and a screenshot is kept in
 * {@code target/browser/comparison.png} for a person to look at.
 */
class HtmlBrowserIT {

    private static final long TIMEOUT_SECONDS = 90;
    private static final int WIDTH = 1100;
    private static final int HEIGHT = 1400;

    private static Path chromium;

    @BeforeAll
    static void findChromium() {
        chromium = onPath("chromium", "chromium-browser");
        assumeTrue(chromium != null, "no chromium on the PATH: install Debian's chromium package "
                + "(apt-get install -y chromium) to open the HTML report in a real browser");
    }

    @Test
    void tableRendersAndNothingRunsOrComplains(@TempDir Path dir) throws Exception {
        ComparisonReport report = ComparisonFixtures.everyVerdict();
        Path page = write(dir, new HtmlReport().render(report));

        Run run = chromium(dir, "--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString());

        String dom = run.stdout();
        assertThat(dom).contains("<title>perfgate: FAIL</title>").contains("<table class=\"verdicts\">");
        String table = dom.substring(dom.indexOf("<table class=\"verdicts\">"), dom.indexOf("</table>"));
        assertThat(HtmlReportTest.count(table, "<tr><td class=\"name\">")).isEqualTo(report.benchmarks().size());
        assertThat(HtmlReportTest.count(dom, "<svg class=\"dist\"")).isEqualTo(report.benchmarks().size());
        assertThat(dom).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;|**x**");
        assertThat(consoleLines(run.stderr())).as("console messages (script errors, blocked content)").isEmpty();
    }

    @Test
    void consoleCheckCatchesAnInjectedScript(@TempDir Path dir) throws Exception {
        String html = new HtmlReport().render(ComparisonFixtures.everyVerdict())
                .replace("</body>", "<script>console.log('injected')</script></body>");
        Path page = write(dir, html);

        Run run = chromium(dir, "--enable-logging=stderr", "--v=0", "--dump-dom", page.toUri().toString());

        // the policy blocks the script, and says so on the console
        assertThat(run.stdout()).doesNotContain("injected</");
        assertThat(consoleLines(run.stderr())).anySatisfy(l -> assertThat(l).contains("Content Security Policy"));
    }

    @Test
    void screenshotShowsTheColouredVerdicts(@TempDir Path dir) throws Exception {
        Path page = write(dir, new HtmlReport().render(ComparisonFixtures.everyVerdict()));
        Path png = dir.resolve("comparison.png");

        chromium(dir, "--hide-scrollbars", "--window-size=" + WIDTH + "," + HEIGHT, "--screenshot=" + png,
                page.toUri().toString());

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(pixels(image, 0xffe3e3)).as("regression pills").isGreaterThan(200);
        assertThat(pixels(image, 0xd3f9d8)).as("ok pills").isGreaterThan(200);
        Path kept = Path.of("target", "browser", "comparison.png");
        Files.createDirectories(kept.getParent());
        Files.copy(png, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private record Run(String stdout, String stderr) {
    }

    /** Runs chromium headless, with a throw-away profile and nothing that reaches the network. */
    private static Run chromium(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        File out = dir.resolve("chromium.out").toFile();
        File err = dir.resolve("chromium.err").toFile();
        Process p = new ProcessBuilder(command).redirectOutput(out).redirectError(err)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command);
        }
        String stderr = Files.readString(err.toPath(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("chromium exit code; stderr:\n" + stderr).isZero();
        return new Run(Files.readString(out.toPath(), StandardCharsets.UTF_8), stderr);
    }

    /** Chromium logs every console message, script errors and Content-Security-Policy refusals included. */
    private static List<String> consoleLines(String stderr) {
        return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }

    private static int pixels(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) if ((image.getRGB(x, y) & 0xffffff) == rgb) n++;
        }
        return n;
    }

    private static Path write(Path dir, String html) throws IOException {
        Path page = dir.resolve("comparison.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        return page;
    }

    private static Path onPath(String... names) {
        String path = System.getenv("PATH");
        if (path == null) return null;
        for (String name : names) {
            for (String folder : path.split(File.pathSeparator)) {
                Path candidate = Path.of(folder, name);
                if (Files.isExecutable(candidate)) return candidate;
            }
        }
        return null;
    }
}
