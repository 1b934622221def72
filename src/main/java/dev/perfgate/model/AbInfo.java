package dev.perfgate.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a run took part in a same-session A/B comparison ({@code check --against}): both sides' results files carry
 * it, with the same {@code session}, so their samples can be paired again later (sample i of a benchmark in one file
 * ran back to back with sample i in the other).
 *
 * @param session   an id shared by the two files of one A/B run
 * @param role      {@code "base"} (A) or {@code "candidate"} (B) for this file
 * @param base      what A ran
 * @param candidate what B ran
 * @param looks     benchmark name to the number of passes of pairs it needed (1: decided by the first pass); only
 *                  benchmarks that ran on both sides
 * @param confirm   true when the run could add passes to confirm a verdict (its pair budget allowed more than one),
 *                  so each pass spent only a share of the error budget
 * @param detect    benchmark name to the sensitivity asked for it ({@code --detect}, the suite's or the benchmark's
 *                  {@code detect=}): the "could detect" it was to reach, as a fraction; only benchmarks with one
 * @param stops     benchmark name to why it got no more pairs: {@code decided}, {@code reached} (the target),
 *                  {@code out of time}, {@code out of pairs}; empty in files written before perfgate recorded it
 */
public record AbInfo(String session, String role, Version base, Version candidate, Map<String, Integer> looks,
                     boolean confirm, Map<String, Double> detect, Map<String, String> stops) {

    public static final String BASE = "base";
    public static final String CANDIDATE = "candidate";

    public AbInfo {
        Objects.requireNonNull(session, "session");
        if (!BASE.equals(role) && !CANDIDATE.equals(role)) throw new IllegalArgumentException("role: " + role);
        looks = looks == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(looks));
        detect = detect == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(detect));
        stops = stops == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(stops));
    }

    /** An A/B run with no sensitivity target and no stop reasons recorded. */
    public AbInfo(String session, String role, Version base, Version candidate, Map<String, Integer> looks,
                  boolean confirm) {
        this(session, role, base, candidate, looks, confirm, Map.of(), Map.of());
    }

    /**
     * True when this is the base side and {@code other} the candidate side of one A/B session: their samples pair up
     * (a results file merged from shards keeps that, see {@code ResultsMerge}).
     */
    public boolean isBaseOf(AbInfo other) {
        return other != null && BASE.equals(role) && CANDIDATE.equals(other.role) && session.equals(other.session);
    }

    /** The same A/B run seen from the other file. */
    public AbInfo as(String otherRole) {
        return new AbInfo(session, otherRole, base, candidate, looks, confirm, detect, stops);
    }

    /**
     * One side's version of the suite.
     *
     * @param kind     {@code "git"} (the suite folder at a revision), {@code "folder"}, {@code "worktree"} (the suite
     *                 as it is on disk, possibly uncommitted) or {@code "server"} (the same suite on another server)
     * @param ref      the revision as given ({@code HEAD~1}, {@code main}) for {@code git}; for a {@code worktree}
     *                 that is GitHub's merge checkout of a pull request, the pull request's head commit (what the
     *                 reports name, {@code commit} being the merge); null otherwise
     * @param commit   the commit it resolved to, or the work tree's commit; null when unknown
     * @param location the suite folder, or the server's URL without credentials
     * @param dirty    for the work tree: uncommitted changes; null when unknown or not a work tree
     * @param server   the server this side ran on, when the two sides ran on different ones (another installation,
     *                 extension build or settings): what differs; null when both sides shared their server
     */
    public record Version(String kind, String ref, String commit, String location, Boolean dirty, String server) {

        /** A version of the suite on the server both sides shared. */
        public Version(String kind, String ref, String commit, String location, Boolean dirty) {
            this(kind, ref, commit, location, dirty, null);
        }

        /** This version, run on {@code server} (a description for people). */
        public Version on(String server) {
            return new Version(kind, ref, commit, location, dirty, server);
        }

        /**
         * One line for people, e.g. {@code git HEAD~1 (3f2a9c1)}, {@code work tree 3f2a9c1 + uncommitted changes} or
         * {@code work tree on PostgreSQL 17.6 from /usr/lib/postgresql/17/bin, pgwork from build/head}.
         */
        public String describe() {
            return suite() + (server == null || "server".equals(kind) ? "" : " on " + server);
        }

        private String suite() {
            String shortCommit = commit == null ? null : commit.substring(0, Math.min(10, commit.length()));
            return switch (kind) {
                case "git" -> "git " + ref + (shortCommit == null ? "" : " (" + shortCommit + ")");
                case "worktree" -> (ref != null ? "PR head " + ref.substring(0, Math.min(10, ref.length()))
                        + " (merged onto the base)" : "work tree" + (shortCommit == null ? "" : " at " + shortCommit))
                        + (Boolean.TRUE.equals(dirty) ? " + uncommitted changes" : "");
                case "server" -> "server " + location;
                default -> "folder " + location;
            };
        }
    }
}
