package dev.perfgate.analysis;

import dev.perfgate.format.Numbers;
import dev.perfgate.model.Answer;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether two runs' statements gave the same answers (pure): statement by statement, in order, the rows' count and
 * the hash of the sorted rows. A faster wrong answer is not an improvement, so a difference is at least a warning
 * ({@link CounterCheck#combine}); a statement whose answer changes from run to run is named as not compared.
 *
 * @param differences one line per statement whose answer differs, e.g. {@code results differ: a.sql:3 SELECT ...: 120
 *                    rows vs 118}
 * @param skipped     one line per statement whose answers could not be compared, and why
 */
public record AnswerCheck(List<String> differences, List<String> skipped) {

    public AnswerCheck {
        differences = List.copyOf(differences);
        skipped = List.copyOf(skipped);
    }

    /** The check of {@code base} against {@code current}; null when either side has no answers. */
    public static AnswerCheck of(List<Answer> base, List<Answer> current) {
        if (base == null || current == null || base.isEmpty() || current.isEmpty()) return null;
        List<String> differences = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        if (base.size() != current.size()) {
            skipped.add("results not compared: the sides run " + base.size() + " and " + current.size()
                    + " statements");
            return new AnswerCheck(differences, skipped);
        }
        for (int i = 0; i < base.size(); i++) {
            Answer b = base.get(i);
            Answer c = current.get(i);
            if (b.skipped() != null || c.skipped() != null) {
                skipped.add("results not compared: " + c.statement() + ": "
                        + (c.skipped() != null ? c.skipped() : b.skipped()));
            } else if (b.rows() != c.rows()) {
                differences.add("results differ: " + c.statement() + ": " + Numbers.count(b.rows()) + " rows vs "
                        + Numbers.count(c.rows()));
            } else if (!b.hash().equals(c.hash())) {
                differences.add("results differ: " + c.statement() + ": " + Numbers.count(c.rows(), "row", "rows")
                        + " on both sides, with different values");
            }
        }
        return new AnswerCheck(differences, skipped);
    }
}
