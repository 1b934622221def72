package dev.perfgate.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a shared library can load on this machine, read from its header: a Linux machine loads ELF files for its
 * own processor, a Mac Mach-O files. Checked before a server starts, so a library built elsewhere is one clear line
 * rather than PostgreSQL's "could not load library ... wrong ELF class" in the middle of a run.
 */
final class SharedLibrary {

    /** ELF {@code e_machine} values (System V ABI) of the processors perfgate has PostgreSQL binaries for. */
    private static final Map<Integer, String> MACHINES = Map.of(62, "x86_64", 183, "aarch64", 3, "x86 (32-bit)",
            40, "arm (32-bit)", 243, "riscv", 21, "ppc64");

    private SharedLibrary() {
    }

    /** Why {@code library} cannot load here ("is built for aarch64, this machine is x86_64: ..."), or empty. */
    static Optional<String> problem(Path library) {
        byte[] header = new byte[20];
        int read;
        try (InputStream in = Files.newInputStream(library)) {
            read = in.readNBytes(header, 0, header.length);
        } catch (IOException e) {
            return Optional.of("cannot be read: " + e.getMessage());
        }
        return problem(header, read, System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** {@link #problem(Path)} for the first {@code read} bytes of a file, on a machine named as Java names it. */
    static Optional<String> problem(byte[] header, int read, String osName, String osArch) {
        String machine = machine(osArch);
        boolean elf = read >= 20 && header[0] == 0x7f && header[1] == 'E' && header[2] == 'L' && header[3] == 'F';
        if (osName.toLowerCase(Locale.ROOT).startsWith("mac")) {
            return elf || !machO(header, read) ? Optional.of("is not a macOS shared library (Mach-O): build the "
                    + "extension on this machine") : Optional.empty();
        }
        if (!elf) return Optional.of("is not a Linux shared library (ELF): build the extension on this machine");
        boolean little = header[5] == 1;
        int code = little ? (header[18] & 0xff) | (header[19] & 0xff) << 8 : (header[19] & 0xff) | (header[18] & 0xff) << 8;
        String built = MACHINES.getOrDefault(code, "ELF machine " + code);
        if (!built.equals(machine) || header[4] != 2) {
            String bits = header[4] == 1 ? " (32-bit)" : "";
            return Optional.of("is built for " + built + (built.contains("32-bit") ? "" : bits) + ", this machine is "
                    + machine + ": build the extension on this machine");
        }
        return Optional.empty();
    }

    private static boolean machO(byte[] h, int read) {
        if (read < 4) return false;
        int magic = (h[0] & 0xff) << 24 | (h[1] & 0xff) << 16 | (h[2] & 0xff) << 8 | (h[3] & 0xff);
        return magic == 0xcffaedfe || magic == 0xcefaedfe || magic == 0xcafebabe || magic == 0xfeedfacf;
    }

    private static String machine(String osArch) {
        String a = osArch.toLowerCase(Locale.ROOT);
        if (a.equals("amd64") || a.equals("x86_64")) return "x86_64";
        if (a.equals("aarch64") || a.equals("arm64")) return "aarch64";
        return a;
    }
}
