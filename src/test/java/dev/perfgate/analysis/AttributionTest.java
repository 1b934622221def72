package dev.perfgate.analysis;

import dev.perfgate.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Attribution: which parts stand out above their noise, their shares, the top-N cut, and plan trees per statement. */
class AttributionTest {

    private static final int N = 10;
    private static final String UPDATE = "UPDATE t SET x = $1 WHERE id = $2";
    private static final String INNER = "SELECT sum(g) FROM generate_series($1, $2) g";
    private static final String TRIGGER = "t_changed()";

    /**
     * A profile: a top-level UPDATE firing a trigger function that runs one statement, each with its ms, placed in
     * their call tree as the probe places them ("SELECT other($1)" not placed).
     */
    private static Profile profile(long seed, double noise, double triggerSelf, double inner, double other) {
        Profile flat = flat(seed, noise, triggerSelf, inner, other);
        Profile.Parent update = Profile.Parent.of(flat.entries().get(0));
        Profile.Parent trigger = Profile.Parent.of(flat.entries().get(1));
        List<Profile.Entry> placed = new ArrayList<>();
        for (Profile.Entry e : flat.entries()) {
            placed.add(e.text().equals(TRIGGER) ? e.withParent(update) : e.text().equals(INNER) ? e.withParent(trigger) : e);
        }
        return new Profile(N, placed, 0, List.of(), List.of());
    }

    /** The same profile without its call tree, as a results file from before the tree was kept reads. */
    private static Profile flat(long seed, double noise, double triggerSelf, double inner, double other) {
        Random r = new Random(seed);
        double[] top = new double[N];
        double[] self = new double[N];
        double[] in = new double[N];
        double[] rest = new double[N];
        for (int i = 0; i < N; i++) {
            in[i] = inner * (1 + noise * r.nextGaussian());
            self[i] = triggerSelf * (1 + noise * r.nextGaussian()) + in[i]; // a PL/pgSQL self time holds its SQL
            rest[i] = other * (1 + noise * r.nextGaussian());
            top[i] = self[i] + rest[i] + 0.01;
        }
        long[] one = new long[N];
        java.util.Arrays.fill(one, 1);
        List<Profile.Entry> entries = new ArrayList<>();
        entries.add(new Profile.Entry(Profile.STATEMENT, UPDATE, 1, true, one, top, null, 1, 10));
        entries.add(new Profile.Entry(Profile.FUNCTION, TRIGGER, 0, false, one, self, self, 0, 0));
        if (inner > 0) entries.add(new Profile.Entry(Profile.STATEMENT, INNER, 2, false, one, in, null, 1, 0));
        entries.add(new Profile.Entry(Profile.STATEMENT, "SELECT other($1)", 3, false, one, rest, null, 1, 5));
        return new Profile(N, entries, 0, List.of(), List.of());
    }

    @ParameterizedTest(name = "trigger self {0} -> {1} ms, inner {2} -> {3} ms: {4} named first")
    @CsvSource({
            // trigger self before, after (its own work); inner statement before, after; what is named first (or NONE)
            "0.01, 0.01, 0.0,  0.10, statement",  // the extra generated rows: the statement, not the trigger
            "0.01, 0.11, 0.0,  0.0,  function",   // a CPU-heavier trigger, no new statement
            "0.01, 0.01, 0.02, 0.02, NONE",       // unchanged: nothing stands out
            "0.05, 0.05, 0.05, 0.05, NONE",
    })
    void theChangedPartIsNamedAndUnchangedCodeNamesNone(double selfB, double selfC, double innerB, double innerC,
                                                       String first) {
        Attribution a = Attribution.of(profile(1, 0.05, selfB, innerB, 0.1), profile(2, 0.05, selfC, innerC, 0.1),
                Double.NaN, Double.NaN, Attribution.ALPHA, Attribution.TOP);
        if (first.equals("NONE")) {
            assertThat(a.shares()).isEmpty();
        } else {
            assertThat(a.shares()).isNotEmpty();
            assertThat(a.shares().get(0).kind()).isEqualTo(first);
            assertThat(a.shares().get(0).text()).isEqualTo(first.equals("function") ? TRIGGER : INNER);
            assertThat(a.shares().get(0).share()).isBetween(0.7, 1.0); // about all of the added time, never more
        }
        assertThat(a.shares()).noneMatch(s -> s.toplevel()); // the UPDATE contains everything: never a candidate
    }

    @Test
    void unchangedCodeNamesNoShareAtTheChosenErrorRateOverManySeeds() {
        int named = 0;
        for (long seed = 0; seed < 200; seed += 2) {
            Attribution a = Attribution.of(profile(seed, 0.2, 0.05, 0.05, 0.1), profile(seed + 1, 0.2, 0.05, 0.05, 0.1),
                    Double.NaN, Double.NaN, Attribution.ALPHA, Attribution.TOP);
            if (!a.shares().isEmpty()) named++;
        }
        // Bonferroni over the candidates keeps the family-wise rate at or below alpha (5 of 100), plus sampling slack
        assertThat(named).isLessThanOrEqualTo(10);
    }

    @Test
    void aShareIsTheChangeOverTheWholeChangeAndPerCallTimesAreScaledToTheTimedTime() {
        Profile base = profile(3, 0.0, 0.01, 0.0, 0.1);    // top 0.12 ms per iteration
        Profile current = profile(4, 0.0, 0.01, 0.12, 0.1); // top 0.24 ms: the inner statement adds 0.12
        Attribution raw = Attribution.of(base, current, Double.NaN, Double.NaN, 0.05, 3);
        assertThat(raw.changeMillis()).isCloseTo(0.12, within(1e-9));
        assertThat(raw.shares().get(0).share()).isCloseTo(1.0, within(1e-9));
        // the timed times were a third of the profiled ones: per-call times scale, shares do not
        Attribution scaled = Attribution.of(base, current, 0.04, 0.08, 0.05, 3);
        assertThat(scaled.changeMillis()).isCloseTo(0.04, within(1e-9));
        assertThat(scaled.shares().get(0).share()).isCloseTo(1.0, within(1e-9));
        Attribution.Share inner = scaled.shares().stream().filter(s -> s.text().equals(INNER)).findFirst().orElseThrow();
        assertThat(inner.beforeMillisPerCall()).isNaN(); // new on the current side
        assertThat(inner.afterMillisPerCall()).isCloseTo(0.12 / 3, within(1e-9));
    }

    @Test
    void aUniformSlowdownOfOneSidesProfileIsNotNamedOnceScaledToTheTimedTimes() {
        Profile base = profile(5, 0.02, 0.05, 0.05, 0.1);
        Profile slow = profile(6, 0.02, 0.15, 0.15, 0.3); // everything 3x: the machine, not the code
        assertThat(Attribution.of(base, slow, Double.NaN, Double.NaN, 0.05, 3).shares()).isNotEmpty();
        assertThat(Attribution.of(base, slow, 0.2, 0.2, 0.05, 3).shares()).isEmpty();
    }

    @Test
    void withoutTheCallTreeATriggerAndItsStatementBothHoldTheAddedTimeAndTheirSharesStillAddUpToAtMostAll() {
        // a PL/pgSQL self time holds the statements it ran: without the tree both parts carry the same 0.10 ms
        Attribution a = Attribution.of(flat(9, 0.01, 0.01, 0.0, 0.1), flat(10, 0.01, 0.01, 0.10, 0.1),
                Double.NaN, Double.NaN, 0.05, 3);
        assertThat(a.shares()).hasSize(2).allMatch(s -> s.share() > 0.4 && !s.placed());
        assertThat(a.shares().stream().mapToDouble(Attribution.Share::share).sum()).isLessThanOrEqualTo(1.0 + 1e-9);
        assertThat(a.grossMillis()).isGreaterThan(a.changeMillis());
    }

    @Test
    void aPartThatGotFasterIsAnOffsetAndTheSharesAreOfTheGrossAddedTime() {
        // the trigger's own work +0.10 ms, the other statement -0.04 ms: net +0.06, gross added 0.10
        Attribution a = Attribution.of(profile(11, 0.0, 0.01, 0.0, 0.10), profile(12, 0.0, 0.11, 0.0, 0.06),
                Double.NaN, Double.NaN, 0.05, 3);
        assertThat(a.changeMillis()).isCloseTo(0.06, within(1e-9));
        assertThat(a.grossMillis()).isCloseTo(0.10, within(1e-9));
        Attribution.Share slower = a.shares().get(0);
        assertThat(slower.text()).isEqualTo(TRIGGER);
        assertThat(slower.offset()).isFalse();
        assertThat(slower.share()).isCloseTo(1.0, within(1e-9)); // over the net change it would be 167 %
        Attribution.Share faster = a.shares().get(1);
        assertThat(faster.text()).isEqualTo("SELECT other($1)");
        assertThat(faster.offset()).isTrue();
        assertThat(faster.share()).isCloseTo(-0.4, within(1e-9));
        assertThat(faster.placed()).isFalse();
    }

    @Test
    void sharesAreGivenInTheCallTreeEachUnderTheNearestCallerGiven() {
        // the trigger's own work and its statement both +0.05 ms
        Attribution a = Attribution.of(profile(13, 0.0, 0.01, 0.05, 0.1), profile(14, 0.0, 0.06, 0.10, 0.1),
                Double.NaN, Double.NaN, 0.05, 3);
        assertThat(a.shares()).extracting(Attribution.Share::text).containsExactly(TRIGGER, INNER);
        assertThat(a.shares()).extracting(Attribution.Share::depth).containsExactly(0, 1);
        assertThat(a.shares().get(0).parent().text()).isEqualTo(UPDATE);
        assertThat(a.shares().get(1).parent().text()).isEqualTo(TRIGGER);
        assertThat(a.shares().stream().mapToDouble(Attribution.Share::share).sum()).isCloseTo(1.0, within(1e-9));
    }

    @ParameterizedTest(name = "top {0}: {1} given, {2} more")
    @CsvSource({"1, 1, 1", "2, 2, 0", "3, 2, 0"})
    void onlyTheTopFewAreGivenAndTheRestCounted(int top, int given, int more) {
        Attribution a = Attribution.of(profile(7, 0.01, 0.01, 0.05, 0.1), profile(8, 0.01, 0.06, 0.10, 0.1),
                Double.NaN, Double.NaN, 0.05, top);
        assertThat(a.shares()).hasSize(given); // the trigger's own work and its statement
        assertThat(a.more()).isEqualTo(more);
    }

    @Test
    void withoutProfilesOfTwoIterationsThereIsNoAttribution() {
        Profile empty = new Profile(0, List.of(), 0, List.of(), List.of());
        assertThat(Attribution.of(null, profile(1, 0, 1, 1, 1), 1, 1, 0.05, 3)).isNull();
        assertThat(Attribution.of(empty, profile(1, 0, 1, 1, 1), 1, 1, 0.05, 3)).isNull();
    }

    @Test
    void aStatementWhosePlanShapeChangedIsListedWithBothTreesAndTheChangedNodesMarked() {
        String text = "SELECT count(*) FROM reviews WHERE product_id = p_id";
        Profile.StatementPlan before = new Profile.StatementPlan(text, "Aggregate [Index Only Scan using reviews_idx]",
                "Aggregate\n  ->  Index Only Scan using reviews_idx on reviews  Index Cond: (product_id = 1)");
        Profile.StatementPlan after = new Profile.StatementPlan(text, "Aggregate [Seq Scan on reviews]",
                "Aggregate\n  ->  Seq Scan on reviews  Filter: (product_id = 1)");
        Profile.StatementPlan same = new Profile.StatementPlan("SELECT 1", "Result", "Result");
        Profile base = new Profile(N, List.of(), 0, List.of(before, same), List.of());
        Profile current = new Profile(N, List.of(), 0, List.of(same, after), List.of());
        List<Attribution.PlanChange> changes = PlanDiff.changes(base, current);
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).text()).isEqualTo(text);
        assertThat(changes.get(0).before()).isEqualTo(
                "  Aggregate\n!   ->  Index Only Scan using reviews_idx on reviews  Index Cond: (product_id = 1)");
        assertThat(changes.get(0).after()).isEqualTo("  Aggregate\n!   ->  Seq Scan on reviews  Filter: (product_id = 1)");
    }

    @ParameterizedTest
    @CsvSource({"tviews.tv_product_build(integer), tv_product_build", "f(), f", "\"Odd\".\"g\"(text), g"})
    void functionSignaturesAreMatchedByTheirBareName(String signature, String bare) {
        assertThat(ProfileParts.bareName(signature)).isEqualTo(bare);
    }
}
