package dev.perfgate.ci;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub Actions' expressions as far as our workflows and action use them: property paths into the contexts
 * ({@code github.event.pull_request.base.sha}, {@code steps.check.outputs.exit-code}), string, number and boolean
 * literals, {@code ! == != && ||} with GitHub's semantics ({@code ||} and {@code &&} return an operand; string
 * comparison ignores case; a missing property is null), and the status functions. An unknown function or syntax is
 * an error, so that the tests never run a step under a condition they misread.
 */
final class Expressions {

    private static final Pattern TEMPLATE = Pattern.compile("\\$\\{\\{(.*?)}}");

    /** The job or composite action's status, for success(), failure(), always(). */
    interface Status {
        boolean failed();
    }

    private final String text;
    private final Map<String, Object> contexts;
    private final Status status;
    private int pos;

    private Expressions(String text, Map<String, Object> contexts, Status status) {
        this.text = text;
        this.contexts = contexts;
        this.status = status;
    }

    /** A string with ${{ }} parts replaced by their values, as GitHub fills in env, with and inputs. */
    static String interpolate(String value, Map<String, Object> contexts, Status status) {
        if (value == null) return "";
        Matcher m = TEMPLATE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(string(evaluate(m.group(1), contexts, status))));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An {@code if:}: true unless it evaluates falsy; success() is implied unless a status function is named. */
    static boolean condition(String expression, Map<String, Object> contexts, Status status) {
        String e = expression == null ? "" : expression.strip();
        Matcher whole = TEMPLATE.matcher(e);
        if (whole.matches()) e = whole.group(1).strip();
        if (e.isEmpty()) return !status.failed();
        boolean statusNamed = e.matches("(?s).*\\b(always|success|failure|cancelled)\\(\\).*");
        boolean value = truthy(evaluate(e, contexts, status));
        return statusNamed ? value : value && !status.failed();
    }

    static Object evaluate(String expression, Map<String, Object> contexts, Status status) {
        Expressions e = new Expressions(expression, contexts, status);
        Object value = e.or();
        e.space();
        if (e.pos != e.text.length()) throw e.fail("unexpected text");
        return value;
    }

    static boolean truthy(Object v) {
        if (v == null) return false;
        if (v instanceof Boolean b) return b;
        if (v instanceof Double d) return d != 0 && !d.isNaN();
        if (v instanceof String s) return !s.isEmpty();
        return true;
    }

    static String string(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return d == Math.rint(d) ? String.valueOf(d.longValue()) : d.toString();
        return v.toString();
    }

    private Object or() {
        Object left = and();
        while (take("||")) {
            Object right = and();
            left = truthy(left) ? left : right;
        }
        return left;
    }

    private Object and() {
        Object left = comparison();
        while (take("&&")) {
            Object right = comparison();
            left = truthy(left) ? right : left;
        }
        return left;
    }

    private Object comparison() {
        Object left = unary();
        if (take("==")) return same(left, unary());
        if (take("!=")) return !same(left, unary());
        return left;
    }

    private Object unary() {
        if (take("!")) return !truthy(unary());
        return primary();
    }

    private Object primary() {
        space();
        if (take("(")) {
            Object v = or();
            expect(")");
            return v;
        }
        if (pos < text.length() && text.charAt(pos) == '\'') {
            int end = pos + 1;
            StringBuilder s = new StringBuilder();
            while (true) {
                if (end >= text.length()) throw fail("unclosed string");
                char c = text.charAt(end++);
                if (c == '\'') {
                    if (end < text.length() && text.charAt(end) == '\'') {
                        s.append('\'');
                        end++;
                        continue;
                    }
                    break;
                }
                s.append(c);
            }
            pos = end;
            return s.toString();
        }
        Matcher number = Pattern.compile("-?\\d+(\\.\\d+)?").matcher(text).region(pos, text.length());
        if (number.lookingAt()) {
            pos = number.end();
            return Double.parseDouble(number.group());
        }
        String name = identifier();
        switch (name) {
            case "true": return true;
            case "false": return false;
            case "null": return null;
            default: break;
        }
        if (take("(")) return call(name);
        Object value = contexts.get(name);
        while (true) {
            if (take(".")) {
                value = property(value, identifier());
            } else if (take("[")) {
                Object key = or();
                expect("]");
                value = property(value, string(key));
            } else {
                return value;
            }
        }
    }

    private Object call(String name) {
        List<Object> args = new ArrayList<>();
        if (!take(")")) {
            do args.add(or()); while (take(","));
            expect(")");
        }
        Supplier<IllegalArgumentException> arity = () -> fail(name + "() takes other arguments");
        return switch (name) {
            case "always" -> true;
            case "success" -> !status.failed();
            case "failure" -> status.failed();
            case "cancelled" -> false;
            case "contains" -> {
                if (args.size() != 2) throw arity.get();
                yield string(args.get(0)).toLowerCase(Locale.ROOT).contains(string(args.get(1)).toLowerCase(Locale.ROOT));
            }
            case "startsWith" -> {
                if (args.size() != 2) throw arity.get();
                yield string(args.get(0)).toLowerCase(Locale.ROOT)
                        .startsWith(string(args.get(1)).toLowerCase(Locale.ROOT));
            }
            default -> throw fail("function " + name + "() is not supported by this runner");
        };
    }

    private static Object property(Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (e.getKey().toString().equalsIgnoreCase(name)) return e.getValue();
            }
        }
        return null;
    }

    /** Numbers compare as numbers; everything else as text, ignoring case (null is ""): enough for our files. */
    private static boolean same(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) return x.doubleValue() == y.doubleValue();
        return string(a).equalsIgnoreCase(string(b));
    }

    private String identifier() {
        space();
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                || text.charAt(pos) == '-' && pos > start)) {
            pos++;
        }
        if (start == pos) throw fail("expected a name");
        return text.substring(start, pos);
    }

    private boolean take(String token) {
        space();
        if (text.startsWith(token, pos)) {
            if (token.equals("!") && text.startsWith("!=", pos)) return false;
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!take(token)) throw fail("expected " + token);
    }

    private void space() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }

    private IllegalArgumentException fail(String what) {
        return new IllegalArgumentException(what + " at " + pos + " in expression: " + text);
    }
}
