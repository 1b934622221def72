package dev.perfgate.store.imports;

import dev.perfgate.PerfgateException;

import java.util.List;
import java.util.Locale;

/** The importers by name, as {@code perfgate import FORMAT FILE} names them. */
public final class Importers {

    /** The names {@link #byName} accepts, in the order help texts list them. */
    public static final List<String> FORMATS = List.of("jmh", "pgbench", "hyperfine");

    private Importers() {
    }

    /** The importer for {@code format} (any case); an unknown name is a usage error. */
    public static Importer byName(String format) {
        String name = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "jmh" -> new JmhImporter();
            case "pgbench" -> new PgbenchImporter();
            case "hyperfine" -> new HyperfineImporter();
            default -> throw new PerfgateException("unknown import format \"" + format + "\"; use one of "
                    + String.join(", ", FORMATS));
        };
    }
}
