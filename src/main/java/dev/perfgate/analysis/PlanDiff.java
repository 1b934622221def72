package dev.perfgate.analysis;

import dev.perfgate.model.Profile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The statements whose plan shape differs between two profiles, each with both plan trees and the lines that are not
 * in the other tree marked {@code !} (pure). Statements are matched by their text as the plan logged it.
 */
final class PlanDiff {

    /** Most plan changes listed: each is two trees, and a report must stay readable. */
    static final int MAX = 5;

    private PlanDiff() {
    }

    static List<Attribution.PlanChange> changes(Profile base, Profile current) {
        Map<String, Profile.StatementPlan> before = base.plans().stream()
                .collect(Collectors.toMap(Profile.StatementPlan::text, Function.identity(), (a, b) -> a));
        List<Attribution.PlanChange> out = new ArrayList<>();
        for (Profile.StatementPlan after : current.plans()) {
            Profile.StatementPlan was = before.get(after.text());
            if (was == null || was.shape().equals(after.shape())) continue;
            out.add(new Attribution.PlanChange(after.text(), mark(was.tree(), after.tree()),
                    mark(after.tree(), was.tree())));
            if (out.size() == MAX) break;
        }
        return out;
    }

    /** {@code tree} with each line whose node (conditions aside) is not in {@code other} marked {@code !}. */
    static String mark(String tree, String other) {
        Set<String> others = new HashSet<>();
        for (String line : other.split("\n")) others.add(node(line));
        StringBuilder out = new StringBuilder();
        for (String line : tree.split("\n")) {
            out.append(others.contains(node(line)) ? "  " : "! ").append(line).append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** A line's node: its label without the conditions after two spaces, indentation kept. */
    private static String node(String line) {
        String trimmed = line.stripLeading();
        int indent = line.length() - trimmed.length();
        if (trimmed.startsWith("->  ")) trimmed = trimmed.substring(4);
        int cond = trimmed.indexOf("  ");
        return indent + ":" + (cond < 0 ? trimmed : trimmed.substring(0, cond));
    }
}
