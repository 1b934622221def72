package dev.perfgate.results;

import dev.perfgate.json.Fields;
import dev.perfgate.json.Where;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.model.ReportedSummary;

import java.util.function.Supplier;

/** Checks for measured values read from JSON: samples and reported summaries are finite and never negative. */
final class Measurements {

    private Measurements() {
    }

    /**
     * A finite, non-negative number. {@code where} is only evaluated on failure: files can hold many samples.
     *
     * @param what "sample" or "value", for the message
     */
    static double value(Fields fields, JsonNode node, String what, Supplier<Where> where) {
        if (node == null || !node.isNumber()) {
            throw fields.wrongType(where.get(), node, "a number", what + "s are measurements such as 1.21");
        }
        double value = node.doubleValue();
        String advice = "remove it or re-run the benchmark: a failed measurement must not be compared";
        if (Double.isNaN(value)) throw fields.fail(where.get(), what + " is NaN (not a number)", advice);
        if (Double.isInfinite(value)) throw fields.fail(where.get(), what + " is infinite", advice);
        if (value < 0) {
            throw fields.fail(where.get(), what + " is negative (" + node.asText() + ")",
                    "measurements cannot be below zero: fix or remove it");
        }
        return value;
    }

    /** A summary-only benchmark: {@code meanKey}, {@code stddevKey} and {@code n} required, the p95 optional. */
    static ReportedSummary reported(Fields fields, JsonNode node, Where at, String meanKey, String stddevKey,
                                    String p95Key) {
        double mean = required(fields, node, at, meanKey);
        double stddev = required(fields, node, at, stddevKey);
        JsonNode p95 = Fields.get(node, p95Key);
        double p95Value = p95 == null ? Double.NaN : value(fields, p95, "value", () -> at.field(p95Key));
        if (Fields.get(node, "n") == null) throw missing(fields, at, "n");
        int n = fields.count(node, at, "n", 0);
        if (n < 1) {
            throw fields.fail(at.field("n"), "n is 0", "n counts the measurements behind the summary: at least 1");
        }
        return new ReportedSummary(mean, stddev, p95Value, n);
    }

    private static double required(Fields fields, JsonNode node, Where at, String key) {
        JsonNode value = Fields.get(node, key);
        if (value == null) throw missing(fields, at, key);
        return value(fields, value, "value", () -> at.field(key));
    }

    private static RuntimeException missing(Fields fields, Where at, String key) {
        return fields.fail(at, "missing \"" + key + "\"",
                "a summary needs its mean, standard deviation and n to be compared");
    }
}
