package dev.perfgate.imports;

import dev.perfgate.PerfgateException;

import java.util.List;
import java.util.Locale;

/**
 * Every importer, as {@code perfgate import FORMAT FILE} names them. Adding a harness is one new {@link Importer} and
 * one line in {@link #ALL}; the command line's help and messages are generated from this list.
 */
public final class Importers {

    /** The importers, in the order help texts list them. */
    public static final List<Importer> ALL = List.of(new JmhImporter(), new PgbenchImporter(), new HyperfineImporter());

    /** Their names, in the same order. */
    public static final List<String> FORMATS = ALL.stream().map(Importer::format).toList();

    private Importers() {
    }

    /** The importer for {@code format} (any case); an unknown name is a usage error. */
    public static Importer byName(String format) {
        String name = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(i -> i.format().equals(name)).findFirst().orElseThrow(() ->
                new PerfgateException("unknown import format \"" + format + "\"; use one of "
                        + String.join(", ", FORMATS)));
    }

    /** One help line per importer: its name and what it reads. */
    public static List<String> help() {
        return ALL.stream().map(i -> String.format(Locale.ROOT, "  %-10s %s", i.format(), i.reads())).toList();
    }

    /** The names for picocli's {@code ${COMPLETION-CANDIDATES}} in option descriptions. */
    public static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return FORMATS.iterator();
        }
    }
}
