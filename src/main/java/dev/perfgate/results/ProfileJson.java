package dev.perfgate.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.json.Json;
import dev.perfgate.model.Answer;
import dev.perfgate.model.Profile;

import java.util.ArrayList;
import java.util.List;

/**
 * A benchmark's {@code counters.profile} and {@code counters.answers} in a results file: where the time went, statement by statement and function
 * by function. Optional: files without it read as before; a malformed one reads as no profile, since attribution
 * only explains a verdict and never makes one.
 */
final class ProfileJson {

    private ProfileJson() {
    }

    static ObjectNode write(Profile p) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("iterations", p.iterations());
        ArrayNode entries = node.putArray("entries");
        for (Profile.Entry e : p.entries()) {
            ObjectNode o = entries.addObject();
            o.put("kind", e.kind());
            o.put("text", e.text());
            if (e.queryId() != 0) o.put("query_id", e.queryId());
            o.put("toplevel", e.toplevel());
            ArrayNode calls = o.putArray("calls");
            for (long c : e.calls()) calls.add(c);
            ArrayNode ms = o.putArray("ms");
            for (double m : e.millis()) ms.add(m);
            if (e.kind().equals(Profile.FUNCTION)) {
                ArrayNode total = o.putArray("total_ms");
                for (double m : e.totalMillis()) total.add(m);
            }
            if (e.rows() != 0) o.put("rows", e.rows());
            if (e.buffers() != 0) o.put("buffers", e.buffers());
            if (e.parent() != null) o.set("parent", parent(e.parent()));
            else if (e.notPlaced()) o.put("placed", false);
        }
        if (p.others() > 0) node.put("others", p.others());
        ArrayNode plans = node.putArray("plans");
        for (Profile.StatementPlan sp : p.plans()) {
            plans.addObject().put("text", sp.text()).put("shape", sp.shape()).put("tree", sp.tree());
        }
        if (!p.unavailable().isEmpty()) {
            ArrayNode u = node.putArray("unavailable");
            p.unavailable().forEach(u::add);
        }
        return node;
    }

    /** The statement or function an entry sits under: its kind, text and (a statement's) query id and level. */
    static ObjectNode parent(Profile.Parent p) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("kind", p.kind()).put("text", p.text());
        if (p.kind().equals(Profile.STATEMENT)) o.put("query_id", p.queryId()).put("toplevel", p.toplevel());
        return o;
    }

    private static Profile.Parent readParent(JsonNode p) {
        if (!p.path("kind").isTextual() || !p.path("text").isTextual()) return null;
        return new Profile.Parent(p.get("kind").asText(), p.get("text").asText(), p.path("query_id").asLong(0),
                p.path("toplevel").asBoolean(false));
    }

    static ArrayNode writeAnswers(List<Answer> answers) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (Answer a : answers) {
            ObjectNode o = out.addObject().put("statement", a.statement()).put("rows", a.rows());
            if (a.hash() != null) o.put("hash", a.hash());
            if (a.skipped() != null) o.put("skipped", a.skipped());
        }
        return out;
    }

    /** The answers in {@code node}; empty when there are none or they cannot be read. */
    static List<Answer> readAnswers(JsonNode node) {
        List<Answer> out = new ArrayList<>();
        if (node == null || !node.isArray()) return out;
        for (JsonNode a : node) {
            if (!a.path("statement").isTextual()) return List.of();
            out.add(new Answer(a.get("statement").asText(), a.path("rows").asLong(0),
                    a.path("hash").isTextual() ? a.get("hash").asText() : null,
                    a.path("skipped").isTextual() ? a.get("skipped").asText() : null));
        }
        return out;
    }

    /** The profile in {@code node}, or null when there is none or it cannot be read. */
    static Profile read(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        int n = node.path("iterations").asInt(0);
        List<Profile.Entry> entries = new ArrayList<>();
        for (JsonNode e : node.path("entries")) {
            JsonNode calls = e.path("calls");
            JsonNode ms = e.path("ms");
            if (!e.path("kind").isTextual() || !e.path("text").isTextual() || calls.size() != n || ms.size() != n) {
                return null;
            }
            JsonNode total = e.path("total_ms");
            long[] c = new long[n];
            double[] m = new double[n];
            double[] t = total.size() == n ? new double[n] : null;
            for (int i = 0; i < n; i++) {
                c[i] = calls.get(i).asLong();
                m[i] = ms.get(i).asDouble();
                if (t != null) t[i] = total.get(i).asDouble();
            }
            entries.add(new Profile.Entry(e.get("kind").asText(), e.get("text").asText(), e.path("query_id").asLong(0),
                    e.path("toplevel").asBoolean(false), c, m, t, e.path("rows").asLong(0), e.path("buffers").asLong(0),
                    readParent(e.path("parent"))));
        }
        List<Profile.StatementPlan> plans = new ArrayList<>();
        for (JsonNode sp : node.path("plans")) {
            plans.add(new Profile.StatementPlan(sp.path("text").asText(""), sp.path("shape").asText(""),
                    sp.path("tree").asText("")));
        }
        List<String> unavailable = new ArrayList<>();
        node.path("unavailable").forEach(x -> unavailable.add(x.asText()));
        return new Profile(n, entries, node.path("others").asInt(0), plans, unavailable);
    }
}
