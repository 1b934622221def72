package dev.perfgate.analysis;

import dev.perfgate.model.Profile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code AttributionTree} orders the shares an {@link Attribution} gives as the call tree the profiles placed them
 * in: each share right after the nearest of its callers that is given too, one level down; a share none of whose
 * callers is given stays where it was (pure).
 */
final class AttributionTree {

    /** More levels than any trigger cascade has; a guard against a hand-edited results file's loop. */
    private static final int MAX_LEVELS = 64;

    private AttributionTree() {
    }

    /** {@code shares} in tree order with their depths; the first level keeps the given order. */
    static List<Attribution.Share> ordered(List<Attribution.Share> shares, Profile base, Profile current) {
        Map<String, String> parents = new HashMap<>();
        for (Profile p : List.of(current, base)) {
            for (Profile.Entry e : p.entries()) {
                if (e.parent() != null) parents.putIfAbsent(e.key(), e.parent().key());
            }
        }
        Set<String> given = shares.stream().map(Attribution.Share::key).collect(Collectors.toSet());
        Map<String, List<Attribution.Share>> under = new LinkedHashMap<>();
        List<Attribution.Share> roots = new ArrayList<>();
        for (Attribution.Share s : shares) {
            String caller = nearestGiven(s.key(), parents, given);
            if (caller == null) roots.add(s);
            else under.computeIfAbsent(caller, k -> new ArrayList<>()).add(s);
        }
        List<Attribution.Share> out = new ArrayList<>();
        for (Attribution.Share r : roots) add(r, 0, under, out);
        if (out.size() < shares.size()) { // a loop of callers (a hand-edited file): what it left out, at the top
            Set<String> placed = out.stream().map(Attribution.Share::key).collect(Collectors.toSet());
            shares.stream().filter(s -> !placed.contains(s.key())).forEach(s -> out.add(s.atDepth(0)));
        }
        return out;
    }

    private static void add(Attribution.Share s, int depth, Map<String, List<Attribution.Share>> under,
                            List<Attribution.Share> out) {
        out.add(s.atDepth(depth));
        for (Attribution.Share child : under.getOrDefault(s.key(), List.of())) add(child, depth + 1, under, out);
    }

    private static String nearestGiven(String key, Map<String, String> parents, Set<String> given) {
        String at = parents.get(key);
        for (int i = 0; at != null && i < MAX_LEVELS; i++) {
            if (given.contains(at)) return at.equals(key) ? null : at;
            at = parents.get(at);
        }
        return null;
    }
}
