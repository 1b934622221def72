package dev.perfgate.model;

/**
 * Where a run happened. Two runs are comparable only when their {@code fingerprint}s match: it hashes the
 * facts that change speed (CPU model, cores, memory, OS/kernel, JVM, PostgreSQL major version and settings).
 *
 * @param memoryBytes total physical memory in bytes, 0 when unknown
 * @param postgresql  {@code null} for results that did not come from PostgreSQL (e.g. imported)
 */
public record Environment(String fingerprint, String cpu, int cores, long memoryBytes, String os, String java,
                          PostgresInfo postgresql) {
    public static final Environment UNKNOWN = new Environment(null, null, 0, 0, null, null, null);
}
