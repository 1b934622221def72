package dev.perfgate.bench;

import dev.perfgate.format.Numbers;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Tells the user how a run is going: a redrawn progress bar on a terminal, plain lines in a CI log (where a
 * carriage-return bar would become hundreds of lines).
 */
public interface Progress {

    /** A phase of the run starts, e.g. "starting the embedded PostgreSQL": one line, so no wait is silent. */
    void status(String phase);

    void benchmarkStarted(int index, int count, String name, int totalIterations);

    void iterationDone(int done, int total);

    void benchmarkDone(String name, double medianValue, String unit);

    /** A terminal bar when {@code terminal}, else plain lines. */
    static Progress to(PrintStream err, boolean terminal) {
        return terminal ? new Bar(err) : new Lines(err);
    }

    /** Says nothing (for tests and {@code --quiet}). */
    Progress SILENT = new Progress() {
        public void status(String phase) {
        }

        public void benchmarkStarted(int index, int count, String name, int totalIterations) {
        }

        public void iterationDone(int done, int total) {
        }

        public void benchmarkDone(String name, double medianValue, String unit) {
        }
    };

    /** A bar redrawn in place with carriage returns. */
    final class Bar implements Progress {
        private static final int WIDTH = 30;
        private final PrintStream out;
        private String label = "";

        Bar(PrintStream out) {
            this.out = out;
        }

        public void status(String phase) {
            out.println("perfgate: " + phase + "...");
        }

        public void benchmarkStarted(int index, int count, String name, int totalIterations) {
            label = String.format(Locale.ROOT, "[%d/%d] %-24s", index, count, name);
            iterationDone(0, totalIterations);
        }

        public void iterationDone(int done, int total) {
            int filled = total == 0 ? WIDTH : done * WIDTH / total;
            out.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + done + "/" + total);
            out.flush();
        }

        public void benchmarkDone(String name, double medianValue, String unit) {
            out.print("\r" + label + " median " + Numbers.number(medianValue) + " " + unit
                    + " ".repeat(WIDTH) + "\n");
            out.flush();
        }
    }

    /** One line per benchmark start, per quarter of its iterations, and per finish. */
    final class Lines implements Progress {
        private final PrintStream out;
        private String label = "";
        private int lastQuarter;

        Lines(PrintStream out) {
            this.out = out;
        }

        public void status(String phase) {
            out.println("perfgate: " + phase);
        }

        public void benchmarkStarted(int index, int count, String name, int totalIterations) {
            label = String.format(Locale.ROOT, "[%d/%d] %s", index, count, name);
            lastQuarter = 0;
            out.println(label + ": " + totalIterations + " iterations (warm-up included)");
        }

        public void iterationDone(int done, int total) {
            int quarter = total == 0 ? 4 : done * 4 / total;
            if (quarter > lastQuarter && done < total) {
                out.println(label + ": " + done + "/" + total);
            }
            lastQuarter = quarter;
        }

        public void benchmarkDone(String name, double medianValue, String unit) {
            out.println(label + ": done, median " + Numbers.number(medianValue) + " " + unit);
        }
    }
}
