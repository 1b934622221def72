package dev.perfgate.analysis;

import dev.perfgate.model.Profile;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ProfileParts} are the candidates of one side's profile for an {@link Attribution}: each part's own time per
 * iteration, ms, without what the parts under it took, so that no part contains another (pure).
 */
final class ProfileParts {

    private ProfileParts() {
    }

    /** Key ({@link Profile.Entry#key()}) to exclusive time in each iteration, ms. */
    static Map<String, double[]> of(Profile p) {
        boolean nested = p.entries().stream().anyMatch(e -> !e.toplevel());
        boolean tree = p.entries().stream().anyMatch(e -> e.parent() != null);
        Map<String, double[]> parts = new LinkedHashMap<>();
        for (Profile.Entry e : p.entries()) {
            if (e.toplevel() && nested) continue;
            boolean function = e.kind().equals(Profile.FUNCTION);
            parts.put(e.key(), tree ? placed(p, e) : function ? e.millis() : byName(p, e));
        }
        return parts;
    }

    static Profile.Entry entry(Profile p, String key) {
        return p.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElse(null);
    }

    /**
     * An entry's time less that of the entries placed under it: a statement's less its functions' total time, a
     * function's self time less its statements' own time (self time excludes the functions it called, not the
     * statements it ran; those statements' times include the functions they called).
     */
    private static double[] placed(Profile p, Profile.Entry e) {
        double[] out = e.millis().clone();
        for (Profile.Entry child : children(p, e)) {
            boolean function = child.kind().equals(Profile.FUNCTION);
            double[] minus = function ? child.totalMillis() : placed(p, child);
            if (function == e.kind().equals(Profile.FUNCTION)) continue; // like never runs like: none to subtract
            for (int i = 0; i < out.length && i < minus.length; i++) out[i] -= minus[i];
        }
        return out;
    }

    private static List<Profile.Entry> children(Profile p, Profile.Entry e) {
        return p.entries().stream().filter(x -> x.parent() != null && x.parent().key().equals(e.key())).toList();
    }

    /** Without a tree: a statement's time less that of the functions it alone calls by name. */
    private static double[] byName(Profile p, Profile.Entry st) {
        double[] out = st.millis().clone();
        for (Profile.Entry f : p.entries()) {
            if (!f.kind().equals(Profile.FUNCTION)) continue;
            String name = bareName(f.text());
            long callers = p.entries().stream().filter(e -> e.kind().equals(Profile.STATEMENT) && calls(e, name))
                    .count();
            if (callers != 1 || !calls(st, name)) continue;
            for (int i = 0; i < out.length && i < f.totalMillis().length; i++) out[i] -= f.totalMillis()[i];
        }
        return out;
    }

    private static boolean calls(Profile.Entry statement, String function) {
        return statement.text().matches("(?s).*\\b" + java.util.regex.Pattern.quote(function) + "\\s*\\(.*");
    }

    /** {@code tviews.tv_product_build(integer)} to {@code tv_product_build}. */
    static String bareName(String signature) {
        int paren = signature.indexOf('(');
        String name = paren < 0 ? signature : signature.substring(0, paren);
        return name.substring(name.lastIndexOf('.') + 1).replace("\"", "");
    }
}
