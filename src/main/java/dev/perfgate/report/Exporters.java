package dev.perfgate.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every report format, as {@code --format} names them. Adding a format is one new {@link Exporter} and one line in
 * {@link #ALL}; help texts and messages are generated from this list.
 */
public final class Exporters {

    /** How to make one exporter for a run. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param colour ANSI colours (the text report on a terminal)
         * @param suite  the suite's name, for names inside the report (JUnit class names); may be null
         */
        Exporter make(boolean colour, String suite);
    }

    /** One format: its {@code --format} name, what it is for, and how to make it. */
    public record Format(String name, String description, Factory factory) {
        public Exporter make(boolean colour, String suite) {
            return factory.make(colour, suite);
        }
    }

    public static final List<Format> ALL = List.of(
            new Format("text", "the verdict table, as on the terminal", (colour, suite) -> new TextReport(colour)),
            new Format("json", "perfgate-comparison/1 for scripts", (colour, suite) -> new JsonReport()),
            new Format("markdown", "a pull-request comment or job summary", (colour, suite) -> new MarkdownReport()),
            new Format("junit", "JUnit XML, one testcase per benchmark, for CI test reports",
                    (colour, suite) -> suite == null ? new JunitReport() : new JunitReport(suite)),
            new Format("html", "a self-contained page with each benchmark's distributions",
                    (colour, suite) -> new HtmlReport()));

    /** The names, in the order help texts list them. */
    public static final List<String> NAMES = ALL.stream().map(Format::name).toList();

    private Exporters() {
    }

    /** The format called {@code name} (any case), if there is one. */
    public static Optional<Format> byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(f -> f.name().equals(n)).findFirst();
    }

    /** One help line per format: its name and what it is for. */
    public static List<String> help() {
        return ALL.stream().map(f -> String.format(Locale.ROOT, "  %-9s %s", f.name(), f.description())).toList();
    }

    /** The names for picocli's {@code ${COMPLETION-CANDIDATES}} in option descriptions. */
    public static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return NAMES.iterator();
        }
    }
}
