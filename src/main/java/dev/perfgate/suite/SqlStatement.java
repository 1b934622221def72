package dev.perfgate.suite;

import java.util.List;

/**
 * One SQL statement of a suite file, ready to prepare.
 *
 * @param sql        the statement with each {@code :name} parameter replaced by {@code ?}
 * @param line       1-based line in {@code file} where the statement starts, for error messages
 * @param parameters the parameter names in bind order (a name may repeat)
 */
public record SqlStatement(String file, int line, String sql, List<String> parameters) {
    public SqlStatement {
        parameters = List.copyOf(parameters);
    }

    /** Where the statement is, as {@code file:line}. */
    public String location() {
        return file + ":" + line;
    }
}
