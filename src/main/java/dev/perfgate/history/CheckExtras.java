package dev.perfgate.history;

import dev.perfgate.json.Fields;
import dev.perfgate.json.Messages;
import dev.perfgate.json.Where;
import dev.perfgate.model.AnchorCheck;
import dev.perfgate.model.ChangeEstimate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The optional parts of a history line's {@code check} block, both added for the drift ledger and both left out
 * when there is nothing to say, so older lines read as before and older readers skip them:
 * {@code "changes": {"NAME": {"change": 0.132, "low": 0.109, "high": 0.156}}} (an A/B check's paired estimates,
 * positive = worse) and {@code "anchor": {"commit": "...", "accepted_at": "...", "reason": "...", "budget": 0.1}}
 * (a drift check). Read by both history readers through {@link HistoryLines#withCheck}.
 */
final class CheckExtras {

    static final String CHANGES = "changes";
    static final String ANCHOR = "anchor";

    private CheckExtras() {
    }

    static void encode(ObjectNode check, Map<String, ChangeEstimate> changes, AnchorCheck anchor) {
        if (!changes.isEmpty()) {
            ObjectNode node = check.putObject(CHANGES);
            changes.forEach((name, c) -> {
                ObjectNode e = node.putObject(name);
                e.put("change", c.change());
                if (Double.isFinite(c.low())) e.put("low", c.low());
                if (Double.isFinite(c.high())) e.put("high", c.high());
            });
        }
        if (anchor != null) {
            ObjectNode a = check.putObject(ANCHOR);
            a.put("commit", anchor.commit());
            if (anchor.acceptedAt() != null) a.put("accepted_at", anchor.acceptedAt().toString());
            if (anchor.reason() != null) a.put("reason", anchor.reason());
            a.put("budget", anchor.budget());
        }
    }

    static Map<String, ChangeEstimate> changes(Fields fields, JsonNode check, Where checkAt) {
        JsonNode node = fields.object(check, checkAt, CHANGES);
        Map<String, ChangeEstimate> changes = new LinkedHashMap<>();
        if (node == null) return changes;
        Where at = checkAt.field(CHANGES);
        node.properties().forEach(e -> {
            Where here = at.field(e.getKey());
            JsonNode c = fields.object(node, at, e.getKey());
            if (c == null) return;
            double change = number(fields, c, here, "change", false);
            if (!(change > -1)) {
                throw fields.fail(here.field("change"), "change " + change + " is not above -1",
                        "a relative change, e.g. 0.05 for 5 % worse");
            }
            changes.put(e.getKey(), new ChangeEstimate(change, number(fields, c, here, "low", true),
                    number(fields, c, here, "high", true)));
        });
        return changes;
    }

    static AnchorCheck anchor(Fields fields, JsonNode check, Where checkAt) {
        JsonNode a = fields.object(check, checkAt, ANCHOR);
        if (a == null) return null;
        Where at = checkAt.field(ANCHOR);
        String commit = fields.text(a, at, "commit");
        if (commit == null || commit.isBlank()) throw fields.fail(at.field("commit"), "missing commit", "the anchor's commit");
        double budget = number(fields, a, at, "budget", false);
        if (!(budget > 0)) throw fields.fail(at.field("budget"), "budget " + budget + " is not above 0", "e.g. 0.1");
        return new AnchorCheck(commit, fields.instant(a, at, "accepted_at"), fields.text(a, at, "reason"), budget);
    }

    private static double number(Fields fields, JsonNode object, Where at, String key, boolean optional) {
        JsonNode v = Fields.get(object, key);
        if (v == null) {
            if (optional) return Double.NaN;
            throw fields.fail(at.field(key), "missing " + Messages.quote(key), "a number");
        }
        if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
            throw fields.wrongType(at.field(key), v, "a number", "a relative change as a fraction");
        }
        return v.asDouble();
    }
}
