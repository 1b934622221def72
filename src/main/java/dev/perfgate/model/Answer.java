package dev.perfgate.model;

import java.util.Objects;

/**
 * An {@code Answer} is what one measured statement gave back once, with parameters drawn from a seed of their own
 * (the same on both sides of an A/B): enough to tell whether two versions give the same answer, not the rows
 * themselves.
 *
 * @param statement the statement's file and line, then its text shortened to a line
 * @param rows      rows returned, or for a write without {@code RETURNING}, rows changed
 * @param hash      a hash of the returned rows sorted (empty for a write without rows); null when {@code skipped}
 * @param skipped   null when comparable; otherwise why not, e.g. that the result changes from one run to the next
 */
public record Answer(String statement, long rows, String hash, String skipped) {

    public Answer {
        Objects.requireNonNull(statement, "statement");
    }
}
