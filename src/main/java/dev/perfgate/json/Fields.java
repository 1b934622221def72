package dev.perfgate.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.PerfgateException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Typed reads of optional fields of one {@link JsonSource}: a missing field or an explicit {@code null} is
 * absent; a value of the wrong type fails with its location and what was found instead.
 */
public final class Fields {

    private final JsonSource source;

    public Fields(JsonSource source) {
        this.source = source;
    }

    public PerfgateException fail(Where where, String problem, String advice) {
        return source.fail(where, problem, advice);
    }

    /** The field's value, or {@code null} when it is missing or JSON {@code null}. */
    public static JsonNode get(JsonNode object, String key) {
        JsonNode value = object.get(key);
        return value == null || value.isNull() ? null : value;
    }

    public String text(JsonNode object, Where at, String key) {
        JsonNode value = get(object, key);
        if (value == null) return null;
        if (!value.isTextual()) throw wrongType(at.field(key), value, "a string", "put it in double quotes");
        return value.textValue();
    }

    public Boolean bool(JsonNode object, Where at, String key) {
        JsonNode value = get(object, key);
        if (value == null) return null;
        if (!value.isBoolean()) throw wrongType(at.field(key), value, "true or false", "write true or false");
        return value.booleanValue();
    }

    public int count(JsonNode object, Where at, String key, int absent) {
        return (int) wholeNumber(object, at, key, absent, Integer.MAX_VALUE);
    }

    public long wholeNumber(JsonNode object, Where at, String key, long absent, long max) {
        JsonNode value = get(object, key);
        if (value == null) return absent;
        boolean fits = value.isIntegralNumber() && value.canConvertToLong()
                && value.longValue() >= 0 && value.longValue() <= max;
        if (!fits) {
            throw wrongType(at.field(key), value, "a whole number from 0 to " + max, "write it as digits, e.g. 2");
        }
        return value.longValue();
    }

    /** A share above 0 written as a fraction ({@code 0.02} = 2 %), or null when absent. */
    public Double fraction(JsonNode object, Where at, String key) {
        JsonNode value = get(object, key);
        if (value == null) return null;
        if (!value.isNumber() || !(value.asDouble() > 0) || !Double.isFinite(value.asDouble())) {
            throw wrongType(at.field(key), value, "a number above 0", "write a share as a fraction, e.g. 0.02 for 2 %");
        }
        return value.asDouble();
    }

    public JsonNode object(JsonNode object, Where at, String key) {
        JsonNode value = get(object, key);
        if (value != null && !value.isObject()) {
            throw wrongType(at.field(key), value, "an object {...}", "see the perfgate-results/1 format");
        }
        return value;
    }

    /** An ISO-8601 instant; an offset time or a bare date (legacy baselines) is accepted and taken as UTC. */
    public Instant instant(JsonNode object, Where at, String key) {
        String text = text(object, at, key);
        if (text == null) return null;
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notInstant) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notOffset) {
                try {
                    return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException notDate) {
                    throw fail(at.field(key), Messages.quote(text) + " is not an ISO-8601 time",
                            "write it like 2026-11-26T13:00:00Z");
                }
            }
        }
    }

    public PerfgateException wrongType(Where where, JsonNode found, String expected, String advice) {
        return fail(where, "expected " + expected + ", found " + Messages.describe(found), advice);
    }

}
