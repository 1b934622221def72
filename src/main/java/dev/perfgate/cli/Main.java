package dev.perfgate.cli;

import dev.perfgate.PerfgateException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** The {@code perfgate} command: subcommands for each job, and the one place exceptions become exit codes. */
@Command(name = "perfgate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Catches performance regressions before they ship.%n"
                + "Exit codes: 0 no regression, 1 regression, 2 perfgate could not do its job.",
        subcommands = {RunCommand.class, CheckCommand.class, CompareCommand.class, BaselineCommand.class, HistoryCommand.class, ImportCommand.class,
                InitCommand.class, MergeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    @CommandLine.Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "Show the stack trace of a failure.")
    boolean debug;

    /** Exit code for "at least one regression". */
    public static final int REGRESSION = 1;

    /** Set when the JVM shuts down before {@link #main} is done: Ctrl-C or SIGTERM. */
    private static volatile boolean interrupted;
    private static volatile boolean exiting;

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (exiting) return;
            interrupted = true;
            // The other hooks stop the embedded server and delete its files.
            err.println("perfgate: interrupted, stopping");
        }, "perfgate-interrupted"));
        exitTwoOnSignals();
        int code;
        try {
            code = run(new Console(System.in, out, err, System.console() != null && !ci, ci), args);
        } finally {
            exiting = true;
        }
        System.exit(code);
    }

    /**
     * Ctrl-C and SIGTERM end the run with exit code 2 ("perfgate could not do its job", the spec's contract) rather
     * than the JVM's 128 + signal; {@code System.exit} still runs the shutdown hooks that stop the server.
     */
    @SuppressWarnings("sunapi")
    private static void exitTwoOnSignals() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    if (!exiting) System.exit(PerfgateException.CANNOT_RUN);
                });
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // the platform does not offer this signal: the JVM's default (128 + signal) applies
            }
        }
    }

    /** Runs perfgate in-process, not on a terminal and not in CI, and returns the exit code; tests call this. */
    public static int run(PrintStream out, PrintStream err, String... args) {
        return run(new Console(InputStream.nullInputStream(), out, err, false, false), args);
    }

    /** Runs perfgate in-process on the given console and returns the exit code. */
    public static int run(Console console, String... args) {
        PrintStream out = console.out();
        PrintStream err = console.err();
        CommandLine cli = commandLine(console);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> failure(e, err, isDebug(args)));
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("perfgate: " + redact(e.getMessage()) + " (see '"
                    + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return PerfgateException.CANNOT_RUN;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("perfgate: out of memory (" + e.getMessage() + "): fewer iterations or benchmarks, or more heap "
                    + "with PERFGATE_JAVA_OPTS=-Xmx2g");
            return PerfgateException.CANNOT_RUN;
        } catch (Error e) {
            // never exit 1, the code of a regression, because perfgate itself failed
            return failure(new IllegalStateException(e.toString(), e), err, isDebug(args));
        }
    }

    /** The command tree, each command made with the console it prints to. */
    static CommandLine commandLine(Console console) {
        CommandLine cli = new CommandLine(new Main(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    return cls.getDeclaredConstructor(Console.class).newInstance(console);
                } catch (NoSuchMethodException e) {
                    return CommandLine.defaultFactory().create(cls);
                }
            }
        });
        ImportCommand.describeFormats(cli.getSubcommands().get("import").getCommandSpec());
        return cli;
    }

    private static int failure(Exception e, PrintStream err, boolean debug) {
        // After Ctrl-C the server is being stopped under the run: its lost connection is no news to the user.
        if (interrupted && !debug) return PerfgateException.CANNOT_RUN;
        if (e instanceof PerfgateException p) {
            err.println("perfgate: " + redact(p.getMessage()));
            if (debug) err.print(stackTrace(p));
            return p.exitCode();
        }
        err.println("perfgate: internal error: " + redact(e.toString())
                + " (please report it; --debug shows the stack trace)");
        if (debug) err.print(stackTrace(e));
        return PerfgateException.CANNOT_RUN;
    }

    private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&\\s;'\"]+");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/@\\s:]*:)[^/@\\s]+@");

    /**
     * Hides passwords that the user's own input can carry into a message: a JDBC URL given where a suite folder or
     * an option was expected is echoed back in the error, and stack traces repeat it.
     */
    static String redact(String text) {
        if (text == null) return null;
        return USER_INFO.matcher(PASSWORD_PARAMETER.matcher(text).replaceAll("$1***")).replaceAll("$1***@");
    }

    private static String stackTrace(Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return redact(trace.toString());
    }

    private static boolean isDebug(String[] args) {
        for (String a : args) if (a.equals("--debug")) return true;
        return false;
    }

    /** The version from the jar's manifest (or "dev" when run from classes). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[]{"perfgate " + (v == null ? "dev" : v)};
        }
    }
}
