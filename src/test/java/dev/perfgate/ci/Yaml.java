package dev.perfgate.ci;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the YAML subset our CI files use (the test class path has no YAML library, and adding one for tests was not
 * wanted): block mappings and sequences, plain and quoted scalars, flow sequences of scalars, literal and folded
 * block scalars, comments. Scalars stay strings, as GitHub's expressions mostly treat them. Anything else (anchors,
 * flow mappings, multi-line plain scalars, tabs) is refused with its line number, so a CI file that outgrows this
 * reader fails the tests loudly instead of being misread.
 */
final class Yaml {

    private final List<String> lines;
    private int pos;

    private Yaml(String text) {
        this.lines = new ArrayList<>(List.of(text.split("\n", -1)));
    }

    /** The document's root: a {@code Map<String, Object>} or a {@code List<Object>}. */
    static Object parse(String text) {
        Yaml yaml = new Yaml(text);
        yaml.skipInsignificant();
        if (yaml.pos >= yaml.lines.size()) return new LinkedHashMap<String, Object>();
        Object root = yaml.block(yaml.indent(yaml.pos));
        yaml.skipInsignificant();
        if (yaml.pos < yaml.lines.size()) throw yaml.fail("unexpected indentation");
        return root;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(String text) {
        return (Map<String, Object>) parse(text);
    }

    private Object block(int indent) {
        String content = lines.get(pos).substring(indent);
        return content.equals("-") || content.startsWith("- ") ? sequence(indent) : mapping(indent);
    }

    private Map<String, Object> mapping(int indent) {
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipInsignificant();
            if (pos >= lines.size() || indent(pos) < indent) return map;
            if (indent(pos) > indent) throw fail("unexpected indentation");
            String content = lines.get(pos).substring(indent);
            if (content.startsWith("- ")) return map; // a sequence at the key's own indentation ends this mapping
            int colon = keyColon(content);
            if (colon < 0) throw fail("expected 'key: value'");
            String key = scalar(content.substring(0, colon).strip());
            String rest = stripComment(content.substring(colon + 1)).strip();
            int line = pos++;
            if (map.containsKey(key)) throw new IllegalArgumentException("line " + (line + 1) + ": duplicate key " + key);
            map.put(key, value(rest, indent));
        }
    }

    private List<Object> sequence(int indent) {
        List<Object> list = new ArrayList<>();
        while (true) {
            skipInsignificant();
            if (pos >= lines.size() || indent(pos) != indent) return list;
            String content = lines.get(pos).substring(indent);
            if (!content.equals("-") && !content.startsWith("- ")) return list;
            String item = content.substring(1).strip();
            if (item.isEmpty() || item.startsWith("#")) {
                pos++;
                skipInsignificant();
                list.add(pos < lines.size() && indent(pos) > indent ? block(indent(pos)) : null);
            } else if (keyColon(item) > 0 && !item.startsWith("\"") && !item.startsWith("'")) {
                // "- key: value": a mapping whose first key sits two columns right of the dash
                int itemIndent = indent + content.indexOf(item);
                lines.set(pos, " ".repeat(itemIndent) + item);
                list.add(mapping(itemIndent));
            } else {
                pos++;
                list.add(value(stripComment(item).strip(), indent));
            }
        }
    }

    /** The value after "key:" (or a sequence dash): inline, a block scalar, or a nested block on the next lines. */
    private Object value(String rest, int parentIndent) {
        if (rest.startsWith("|") || rest.startsWith(">")) return blockScalar(rest, parentIndent);
        if (!rest.isEmpty()) return inline(rest);
        skipInsignificant();
        if (pos >= lines.size()) return null;
        int next = indent(pos);
        String content = lines.get(pos).substring(next);
        if (next > parentIndent) return block(next);
        if (next == parentIndent && (content.startsWith("- ") || content.equals("-"))) return sequence(next);
        return null;
    }

    private Object inline(String text) {
        if (text.startsWith("[")) {
            if (!text.endsWith("]")) throw fail("a flow sequence must close on its line");
            List<Object> items = new ArrayList<>();
            String inner = text.substring(1, text.length() - 1).strip();
            if (!inner.isEmpty()) for (String part : splitFlow(inner)) items.add(scalar(part.strip()));
            return items;
        }
        if (text.startsWith("{") || text.startsWith("&") || text.startsWith("*") || text.startsWith("!")) {
            throw fail("flow mappings, anchors, aliases and tags are not supported");
        }
        return scalar(text);
    }

    private String blockScalar(String header, int parentIndent) {
        boolean literal = header.startsWith("|");
        String chomp = header.length() > 1 ? header.substring(1).strip() : ""; // the caller is past the header
        List<String> body = new ArrayList<>();
        int indent = -1;
        while (pos < lines.size()) {
            String line = lines.get(pos);
            if (line.isBlank()) {
                body.add("");
                pos++;
                continue;
            }
            int ind = indent(pos);
            if (ind <= parentIndent) break;
            if (indent < 0) indent = ind;
            if (ind < indent) throw fail("block scalar line less indented than its first line");
            body.add(line.substring(indent));
            pos++;
        }
        while (!body.isEmpty() && body.get(body.size() - 1).isEmpty()) body.remove(body.size() - 1);
        String text;
        if (literal) {
            text = String.join("\n", body);
        } else {
            StringBuilder folded = new StringBuilder();
            for (String line : body) {
                if (line.isEmpty()) folded.append('\n');
                else folded.append(folded.length() == 0 || folded.charAt(folded.length() - 1) == '\n' ? "" : " ")
                        .append(line);
            }
            text = folded.toString();
        }
        return chomp.startsWith("-") || text.isEmpty() ? text : text + "\n";
    }

    private static String scalar(String text) {
        if (text.startsWith("'")) {
            if (!text.endsWith("'") || text.length() < 2) throw new IllegalArgumentException("unclosed quote: " + text);
            return text.substring(1, text.length() - 1).replace("''", "'");
        }
        if (text.startsWith("\"")) {
            if (!text.endsWith("\"") || text.length() < 2) throw new IllegalArgumentException("unclosed quote: " + text);
            String inner = text.substring(1, text.length() - 1);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = inner.charAt(++i);
                out.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case '"', '\\', '/' -> e;
                    default -> throw new IllegalArgumentException("unsupported escape \\" + e + " in " + text);
                });
            }
            return out.toString();
        }
        return text;
    }

    /** The colon that ends a mapping key ("key:" at the end or followed by a space), outside quotes; or -1. */
    private static int keyColon(String content) {
        char quote = 0;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                if (i == 0) quote = c;
            } else if (c == ':' && (i + 1 == content.length() || content.charAt(i + 1) == ' ')) {
                return i;
            } else if (c == ' ' && i + 1 < content.length() && content.charAt(i + 1) == '#') {
                return -1;
            }
        }
        return -1;
    }

    /** The text without a trailing " # comment" that is outside quotes and ${{ }} expressions. */
    private static String stripComment(String text) {
        char quote = 0;
        boolean leading = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if ((c == '"' || c == '\'') && leading) {
                quote = c;
            } else if (c == '#' && (i == 0 || text.charAt(i - 1) == ' ')) {
                return text.substring(0, i);
            }
            if (c != ' ') leading = false;
        }
        return text;
    }

    private static List<String> splitFlow(String inner) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        char quote = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (quote != 0) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == ',') {
                parts.add(inner.substring(start, i));
                start = i + 1;
            } else if (c == '[' || c == '{') {
                throw new IllegalArgumentException("nested flow collections are not supported: [" + inner + "]");
            }
        }
        parts.add(inner.substring(start));
        return parts;
    }

    private void skipInsignificant() {
        while (pos < lines.size()) {
            String line = lines.get(pos);
            if (line.contains("\t")) throw fail("tabs are not supported");
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) return;
            pos++;
        }
    }

    private int indent(int line) {
        String s = lines.get(line);
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') i++;
        return i;
    }

    private IllegalArgumentException fail(String what) {
        return new IllegalArgumentException("line " + (pos + 1) + ": " + what + ": " + lines.get(Math.min(pos,
                lines.size() - 1)));
    }
}
