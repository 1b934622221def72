package dev.perfgate.bench;

import dev.perfgate.model.Environment;
import dev.perfgate.model.PostgresInfo;
import dev.perfgate.postgres.ServerSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the facts that change how fast a benchmark runs: the host (CPU model, cores, memory, OS and kernel, JVM)
 * and the PostgreSQL server (version, speed-relevant settings), and hashes them into a fingerprint.
 */
public final class EnvironmentProbe {

    private EnvironmentProbe() {
    }

    /** The host's facts, and the server's when {@code connection} is not null. */
    public static Environment probe(Connection connection) throws SQLException {
        return probe(connection, null);
    }

    /**
     * The host's facts, and the server's when {@code connection} is not null.
     *
     * @param origin where the server's binaries came from ({@code DatabaseServer.origin()}), null when unknown
     */
    public static Environment probe(Connection connection, String origin) throws SQLException {
        PostgresInfo pg = connection == null ? null : postgres(connection, origin);
        return withFingerprint(cpuModel(), Runtime.getRuntime().availableProcessors(), memoryBytes(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"), pg);
    }

    /**
     * An environment whose fingerprint hashes the facts. Memory is rounded to GiB and the JVM and PostgreSQL to
     * their major version, so a patch update or a few MiB of kernel reservation don't count as new hardware.
     */
    public static Environment withFingerprint(String cpu, int cores, long memoryBytes, String os, String java,
                                              PostgresInfo pg) {
        StringBuilder facts = new StringBuilder()
                .append(cpu).append('|').append(cores).append('|').append(Math.round(memoryBytes / 1073741824.0))
                .append('|').append(os).append('|').append(major(java));
        if (pg != null) facts.append('|').append(major(pg.version())).append('|').append(hashed(pg));
        return new Environment(sha256(facts.toString()).substring(0, 16), cpu, cores, memoryBytes, os, java, pg);
    }

    /**
     * The settings the fingerprint hashes, in name order: all but {@link PostgresInfo#NOT_FINGERPRINTED}. Hashing
     * those too would make every results file written before them another environment, so a stored baseline would
     * stop judging and the history's run-to-run noise would start over ({@code EnvironmentCheck} compares them
     * itself).
     */
    private static Map<String, String> hashed(PostgresInfo pg) {
        Map<String, String> settings = new TreeMap<>(pg.settings());
        String collation = settings.get(ServerSettings.COLLATION);
        settings.keySet().removeAll(PostgresInfo.NOT_FINGERPRINTED);
        String major = major(pg.version());
        if (collation != null && (major.isEmpty() || Integer.parseInt(major) < 16)) {
            settings.put(ServerSettings.COLLATION, collation);
        }
        return settings;
    }

    /** The host's 1-minute load average, NaN where the platform does not tell. */
    public static double loadAverage() {
        double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? Double.NaN : Math.round(load * 100) / 100.0;
    }

    private static PostgresInfo postgres(Connection c, String origin) throws SQLException {
        String version;
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            version = rs.getString(1);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, setting, unit FROM pg_settings WHERE name = ANY (?) ORDER BY name")) {
            ps.setArray(1, c.createArrayOf("text", ServerSettings.RECORDED.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) settings.put(rs.getString(1), withUnit(rs.getString(2), rs.getString(3)));
            }
        }
        settings.putAll(database(c));
        return new PostgresInfo(version, settings, origin);
    }

    /**
     * What every major has, read the same way: the database's collation and its
     * locale provider (libc before PostgreSQL 15) from {@code pg_database}, and whether JIT is available at all.
     */
    private static Map<String, String> database(Connection c) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT to_jsonb(d) ->> 'datcollate', to_jsonb(d) ->> 'datlocprovider', pg_jit_available() "
                        + "FROM pg_database d WHERE datname = current_database()")) {
            if (!rs.next()) return out;
            out.put(ServerSettings.COLLATION, rs.getString(1));
            // before PostgreSQL 15 every database used libc
            String provider = rs.getString(2) == null ? "c" : rs.getString(2);
            out.put(ServerSettings.LOCALE_PROVIDER, switch (provider) {
                case "c" -> "libc";
                case "i" -> "icu";
                case "b" -> "builtin";
                default -> provider;
            });
            out.put(ServerSettings.JIT_AVAILABLE, rs.getBoolean(3) ? "on" : "off");
        }
        return out;
    }

    /** pg_settings gives e.g. 16384 with unit 8kB; show it as 128MB like SHOW does. */
    private static String withUnit(String value, String unit) {
        if (unit == null || !value.matches("-?\\d+")) return value;
        long n = Long.parseLong(value);
        long bytesPer = switch (unit) {
            case "8kB" -> 8192;
            case "kB" -> 1024;
            case "MB" -> 1048576;
            default -> 0;
        };
        if (bytesPer == 0) return value + unit;
        long bytes = n * bytesPer;
        if (bytes % 1073741824L == 0) return bytes / 1073741824L + "GB";
        if (bytes % 1048576 == 0) return bytes / 1048576 + "MB";
        return bytes / 1024 + "kB";
    }

    private static String cpuModel() {
        String model = procField("/proc/cpuinfo", "model name");
        return model != null ? model : System.getProperty("os.arch");
    }

    private static long memoryBytes() {
        String kb = procField("/proc/meminfo", "MemTotal");
        if (kb == null) return 0;
        try {
            return Long.parseLong(kb.replaceAll("[^0-9]", "")) * 1024;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String procField(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) return line.substring(colon + 1).trim();
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the fact stays unknown
        }
        return null;
    }

    private static String major(String version) {
        if (version == null) return "";
        String v = version.replaceAll("^[^0-9]*", "");
        int dot = v.indexOf('.');
        return dot < 0 ? v.replaceAll("[^0-9].*", "") : v.substring(0, dot);
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
