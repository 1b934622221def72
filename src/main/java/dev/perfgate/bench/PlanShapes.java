package dev.perfgate.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.perfgate.json.Json;
import dev.perfgate.model.Counters;
import dev.perfgate.model.Profile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of PostgreSQL plans in JSON ({@code EXPLAIN (FORMAT JSON)} or auto_explain's {@code log_format = json}):
 * node types with the relations and indexes they touch, nothing that varies from run to run (costs, row estimates,
 * times, statement text). Statements' shapes are collected, deduplicated, and turned into a fingerprint and a
 * one-line summary: a plan that flips from an index scan to a sequential scan changes both; a comment added to a
 * function body changes neither.
 */
final class PlanShapes {

    /** Longest summary kept: enough for a few statements' shapes on one line. */
    static final int MAX_SUMMARY = 400;

    /** Most statements whose plans are kept: a benchmark with thousands of distinct statements stays readable. */
    static final int MAX_STATEMENTS = 50;
    /** The conditions printed beside a node in a plan tree, as EXPLAIN names them. */
    private static final List<String> DETAILS = List.of("Index Cond", "Hash Cond", "Merge Cond", "Join Filter",
            "Filter");

    private final Map<String, Profile.StatementPlan> statements = new LinkedHashMap<>();
    private final Set<String> keys = new TreeSet<>();
    private final Set<String> shapes = new LinkedHashSet<>();
    /**
     * The plan texts of the notices added so far. A row trigger sends the same plan once per row (3,000 notices of
     * 2 kB for the demo suite's 1,000-row update, 4 distinct texts): a text seen before has its shape added
     * already, so it is not parsed again. Parsing each was 0.15-0.3 s of that benchmark's counters.
     */
    private final Set<String> noticePlans = new HashSet<>();

    /** Adds one statement's plan: a JSON document holding {@code "Plan"}. */
    void add(JsonNode statement) {
        JsonNode root = statement.isArray() && !statement.isEmpty() ? statement.get(0) : statement;
        JsonNode plan = root.get("Plan");
        if (plan == null) return;
        String shape = shape(plan);
        keys.add(shape);
        shapes.add(shape);
        String text = text(root, "Query Text");
        if (text != null && statements.size() < MAX_STATEMENTS) {
            statements.putIfAbsent(text.strip(), new Profile.StatementPlan(text.strip(), shape, tree(plan)));
        }
    }

    /** Each distinct statement's plan, in the order first seen. */
    List<Profile.StatementPlan> statementPlans() {
        return List.copyOf(statements.values());
    }

    /** A plan tree as EXPLAIN prints it: the root, then each child on its own line under {@code ->}, indented. */
    static String tree(JsonNode plan) {
        StringBuilder out = new StringBuilder();
        tree(plan, 0, out);
        return out.toString().stripTrailing();
    }

    private static void tree(JsonNode node, int depth, StringBuilder out) {
        if (depth > 0) out.append(" ".repeat(depth * 6 - 6)).append("  ->  ");
        out.append(label(node));
        for (String detail : DETAILS) {
            String v = text(node, detail);
            if (v != null) out.append("  ").append(detail).append(": ").append(v);
        }
        out.append('\n');
        JsonNode children = node.get("Plans");
        if (children != null && children.isArray()) for (JsonNode child : children) tree(child, depth + 1, out);
    }

    /**
     * Adds an auto_explain notice ("duration: 0.01 ms  plan:\n{...}"); other messages are ignored, and so is a plan
     * text added before (its shape is there already).
     */
    void addNotice(String message) {
        int brace = message == null ? -1 : message.indexOf('{');
        if (brace < 0 || !message.contains("plan:")) return;
        String plan = message.substring(brace);
        if (!noticePlans.add(plan)) return;
        try {
            add(Json.MAPPER.readTree(plan));
        } catch (IOException e) {
            // not a plan after all: nothing to add
        }
    }

    boolean isEmpty() {
        return shapes.isEmpty();
    }

    /**
     * The plan record: a fingerprint of the sorted distinct shapes, and the shapes in the order
     * given, most recent first (auto_explain logs nested statements before the one that ran them).
     */
    Counters.Plan plan(boolean nested) {
        List<String> ordered = new ArrayList<>(shapes);
        java.util.Collections.reverse(ordered);
        String summary = String.join(" | ", ordered);
        if (summary.length() > MAX_SUMMARY) summary = summary.substring(0, MAX_SUMMARY - 3) + "...";
        return new Counters.Plan(fingerprint(String.join("\n", keys)), summary, nested);
    }

    /** A node and its children, e.g. {@code Update on products [Index Scan using products_pkey on products]}. */
    static String shape(JsonNode node) {
        StringBuilder s = new StringBuilder(label(node));
        JsonNode children = node.get("Plans");
        if (children != null && children.isArray() && !children.isEmpty()) {
            s.append(" [");
            for (int i = 0; i < children.size(); i++) {
                if (i > 0) s.append(", ");
                s.append(shape(children.get(i)));
            }
            s.append(']');
        }
        return s.toString();
    }

    private static String label(JsonNode node) {
        String type = text(node, "Node Type");
        String operation = text(node, "Operation");
        StringBuilder s = new StringBuilder("ModifyTable".equals(type) && operation != null ? operation
                : type == null ? "?" : type);
        String join = text(node, "Join Type");
        if (join != null && !"Inner".equals(join)) s.append(" (").append(join).append(')');
        String index = text(node, "Index Name");
        if (index != null) s.append(" using ").append(index);
        String relation = text(node, "Relation Name");
        if (relation != null) s.append(" on ").append(relation);
        String function = text(node, "Function Name");
        if (function != null) s.append(" on ").append(function).append("()");
        return s.toString();
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String fingerprint(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
