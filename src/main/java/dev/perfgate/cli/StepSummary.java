package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.report.MarkdownReport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** On GitHub Actions, {@code check} appends its Markdown table to the job summary ({@code $GITHUB_STEP_SUMMARY}). */
final class StepSummary {

    private StepSummary() {
    }

    static void append(ComparisonReport report, Console console) {
        String file = System.getenv("GITHUB_STEP_SUMMARY");
        if (file == null || file.isBlank()) return;
        try {
            Files.writeString(Path.of(file), new MarkdownReport().render(report) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            throw new PerfgateException("cannot append to GITHUB_STEP_SUMMARY " + file + ": " + e.getMessage(), e);
        }
        console.err().println("perfgate: verdict table added to the job summary");
    }
}
