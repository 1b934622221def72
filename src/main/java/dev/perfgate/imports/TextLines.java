package dev.perfgate.imports;

import dev.perfgate.PerfgateException;
import dev.perfgate.json.Messages;

import java.util.regex.Pattern;

/**
 * A text input read line by line, with failures that name the line: {@code name:line: problem; what to do}.
 * Lines end with {@code \n} or {@code \r\n}.
 */
final class TextLines {

    private static final Pattern BLANKS = Pattern.compile("[ \\t]+");
    private static final Pattern WHOLE = Pattern.compile("\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("\\d{1,18}(\\.\\d{0,18})?");

    private final String name;
    private final String text;
    private int position;
    private int number;
    private String advice = "check that this is the right file";

    TextLines(String name, String text) {
        this.name = name;
        this.text = text;
    }

    String name() {
        return name;
    }

    /** What a malformed line's message should advise, e.g. which format was expected. */
    void advise(String whatToDo) {
        this.advice = whatToDo;
    }

    /** The next line without its line break, or {@code null} at the end. */
    String next() {
        if (position >= text.length()) return null;
        int end = text.indexOf('\n', position);
        if (end < 0) end = text.length();
        String line = text.substring(position, end);
        position = end + 1;
        number++;
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    /** The number of the line {@link #next} returned last, from 1. */
    int number() {
        return number;
    }

    /** True when the line just read is the last and has no line break: what a writer that was stopped leaves. */
    boolean atTornEnd() {
        return position >= text.length() && !text.endsWith("\n");
    }

    /**
     * What to say when the line just read cannot be read because it is a torn end ({@link #atTornEnd}): the
     * caller skips it and warns. Any other failure is no torn end, and {@code failure} is thrown.
     */
    String skipTornEnd(PerfgateException failure) {
        if (!atTornEnd()) throw failure;
        return failure.getMessage().replaceFirst(";.*", "") + "; the last line has no line break "
                + "(was pgbench stopped?) and was skipped";
    }

    /** The line's columns, split at spaces and tabs. */
    static String[] columns(String line) {
        String trimmed = line.strip();
        return trimmed.isEmpty() ? new String[0] : BLANKS.split(trimmed);
    }

    /** A whole number from 0 to {@code max} in the current line's column {@code column}. */
    long whole(String token, String column, long max) {
        if (!WHOLE.matcher(token).matches() || Long.parseLong(token) > max) {
            throw fail(column + " " + Messages.quote(token) + " is not a whole number from 0 to " + max);
        }
        return Long.parseLong(token);
    }

    /** A non-negative decimal number such as {@code 1234} or {@code 0.5} in the current line. */
    double decimal(String token, String column) {
        if (!DECIMAL.matcher(token).matches()) {
            throw fail(column + " " + Messages.quote(token) + " is not a non-negative number");
        }
        return Double.parseDouble(token);
    }

    /** The failure at the current line, with the advice set by {@link #advise}. */
    PerfgateException fail(String problem) {
        return fail(problem, advice);
    }

    /** The failure at the current line. */
    PerfgateException fail(String problem, String whatToDo) {
        String where = number > 0 ? name + ":" + number : name;
        return new PerfgateException(where + ": " + Messages.oneLine(problem) + "; " + Messages.oneLine(whatToDo));
    }
}
