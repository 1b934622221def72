package dev.perfgate;

/**
 * The one user-facing failure: a message that names the file, line or option and says what to do, and the
 * process exit code it maps to. The CLI prints only the message (plus a stack trace with {@code --debug}).
 */
public class PerfgateException extends RuntimeException {

    /** Exit code: perfgate could not do its job (bad input, database unreachable, SQL or I/O error). */
    public static final int CANNOT_RUN = 2;

    private final int exitCode;

    public PerfgateException(String message) {
        this(message, null);
    }

    public PerfgateException(String message, Throwable cause) {
        super(message, cause);
        this.exitCode = CANNOT_RUN;
    }

    public int exitCode() {
        return exitCode;
    }
}
