package dev.perfgate.imports;

import com.fasterxml.jackson.databind.JsonNode;

/** JMH writes a NaN or infinite score as the strings "NaN", "Infinity", "-Infinity": numbers all the same. */
final class JmhNumbers {

    private JmhNumbers() {
    }

    /** The number, also from JMH's strings for NaN and infinity. */
    static double number(JsonNode value) {
        if (value != null && value.isNumber()) return value.doubleValue();
        if (value != null && value.isTextual()) {
            switch (value.textValue()) {
                case "NaN": return Double.NaN;
                case "Infinity": return Double.POSITIVE_INFINITY;
                case "-Infinity": return Double.NEGATIVE_INFINITY;
                default: break;
            }
        }
        throw new IllegalArgumentException("not a number");
    }

    static boolean isNumber(JsonNode value) {
        try {
            number(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
