package dev.perfgate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.perfgate.analysis.Attribution;
import dev.perfgate.analysis.BenchmarkComparison;
import dev.perfgate.analysis.ComparisonReport;
import dev.perfgate.analysis.CounterCheck;
import dev.perfgate.analysis.Verdict;
import dev.perfgate.analysis.Policy;
import dev.perfgate.json.Json;
import dev.perfgate.model.AbInfo;
import dev.perfgate.model.Profile;
import dev.perfgate.stats.Summary;

/**
 * The machine-readable comparison, {@code perfgate-comparison/1}: the spec's fields ({@code format},
 * {@code verdict}, per benchmark {@code name, verdict, change, ci_low, ci_high, p_value, baseline{n, median},
 * current{n, median}}) plus context a script may want. Unknown numbers are {@code null}, never NaN.
 */
public final class JsonReport implements Exporter {

    public static final String FORMAT = "perfgate-comparison/1";

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String fileName() {
        return "comparison.json";
    }

    @Override
    public String render(ComparisonReport report) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("verdict", report.verdict().jsonName());
        root.put("nothing_compared", report.nothingCompared());
        root.put("reason", Headline.reason(report));
        root.put("mode", report.mode().jsonName());
        if (report.ab() != null) root.set("ab", ab(report.ab()));
        root.put("quick", report.quick());
        root.put("environment_mismatch", report.environmentMismatch());
        root.set("environment_differences", strings(report.environmentDifferences()));
        root.set("warnings", strings(report.warnings()));
        root.set("policy", policy(report.policy()));
        ArrayNode benchmarks = root.putArray("benchmarks");
        for (BenchmarkComparison b : report.benchmarks()) benchmarks.add(benchmark(b));
        try {
            return Json.REPORT_WRITER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static ObjectNode benchmark(BenchmarkComparison b) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("name", b.name());
        n.put("verdict", b.verdict().jsonName());
        if (b.failedAtBase()) n.put("base_failure", b.baseFailure());
        number(n, "change", b.statistics().change().estimate());
        number(n, "ci_low", b.statistics().change().low());
        number(n, "ci_high", b.statistics().change().high());
        number(n, "p_value", b.statistics().pValue());
        number(n, "p_value_uncorrected", b.statistics().rawPValue());
        n.put("unit", b.sides().unit());
        n.put("direction", b.sides().direction() == null ? null : b.sides().direction().jsonName());
        n.put("method", b.statistics().method());
        if (b.iterationsToDecide() != null) n.put("iterations_to_decide", b.iterationsToDecide());
        if (b.statistics().pairs() != null) n.put("pairs", b.statistics().pairs());
        if (b.counters() != null) {
            n.put("time_verdict", b.timeVerdict().jsonName());
            n.set("counters", counters(b.counters()));
        }
        number(n, "detectable", b.detectable());
        BenchmarkComparison.Reach reach = b.statistics().reach();
        if (reach != null) {
            if (reach.target() != null) n.put("detect_target", reach.target());
            n.put("looks", reach.looks());
            if (reach.stopped() != null) n.put("stopped", reach.stopped());
        }
        n.set("baseline", summary(b.sides().baseline()));
        n.set("current", summary(b.sides().current()));
        n.set("notes", strings(b.notes()));
        return n;
    }

    private static ObjectNode counters(CounterCheck.Result c) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("verdict", c.verdict().jsonName());
        ArrayNode changes = n.putArray("changes");
        for (CounterCheck.Change ch : c.changes()) {
            ObjectNode x = changes.addObject();
            x.put("counter", ch.counter());
            x.put("base", ch.base());
            x.put("current", ch.current());
            x.put("gated", ch.verdict() != Verdict.OK);
            x.put("verdict", ch.verdict().jsonName());
        }
        if (c.planChanged()) {
            ObjectNode plan = n.putObject("plan_change");
            plan.put("before", c.planBefore());
            plan.put("after", c.planAfter());
        }
        if (c.attribution() != null) n.set("attribution", attribution(c.attribution()));
        return n;
    }

    /** Where the change went: the shares that stand out, whole statement texts, and the plan changes with trees. */
    private static ObjectNode attribution(Attribution a) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        number(n, "change_ms", a.changeMillis());
        if (!a.shares().isEmpty()) number(n, "gross_ms", a.grossMillis());
        ArrayNode shares = n.putArray("shares");
        for (Attribution.Share s : a.shares()) {
            ObjectNode x = shares.addObject();
            x.put("kind", s.kind());
            x.put("text", s.text());
            if (s.queryId() != 0) x.put("query_id", s.queryId());
            x.put("toplevel", s.toplevel());
            number(x, "before_ms_per_call", s.beforeMillisPerCall());
            number(x, "after_ms_per_call", s.afterMillisPerCall());
            number(x, "calls_before", s.callsBefore());
            number(x, "calls_after", s.callsAfter());
            number(x, "change_ms", s.changeMillis());
            number(x, "noise_ms", s.noiseMillis());
            number(x, "share", s.share());
            x.put("offset", s.offset());
            x.set("parent", s.parent() == null ? null : parent(s.parent()));
            x.put("placed", s.placed());
        }
        if (a.more() > 0) n.put("more", a.more());
        if (a.shares().isEmpty()) n.put("summary", Attribution.NOTHING);
        if (!a.limits().isEmpty()) n.set("unavailable", strings(a.limits()));
        ArrayNode plans = n.putArray("plan_changes");
        for (Attribution.PlanChange p : a.plans()) {
            plans.addObject().put("text", p.text()).put("before", p.before()).put("after", p.after());
        }
        return n;
    }

    /** The statement or function a share ran under: as a share names itself (kind, text, a statement's query id). */
    private static ObjectNode parent(Profile.Parent p) {
        ObjectNode o = Json.MAPPER.createObjectNode().put("kind", p.kind()).put("text", p.text());
        if (p.kind().equals(Profile.STATEMENT)) o.put("query_id", p.queryId()).put("toplevel", p.toplevel());
        return o;
    }

    private static ObjectNode ab(AbInfo ab) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("session", ab.session());
        n.set("base", version(ab.base()));
        n.set("candidate", version(ab.candidate()));
        return n;
    }

    private static ObjectNode version(AbInfo.Version v) {
        if (v == null) return null;
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("kind", v.kind());
        if (v.ref() != null) n.put("ref", v.ref());
        if (v.commit() != null) n.put("commit", v.commit());
        if (v.location() != null) n.put("location", v.location());
        if (v.dirty() != null) n.put("dirty", v.dirty());
        if (v.server() != null) n.put("server", v.server());
        n.put("describe", v.describe());
        return n;
    }

    private static ObjectNode summary(Summary s) {
        if (s == null) return null;
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("n", s.n());
        number(n, "median", s.median());
        number(n, "mean", s.mean());
        number(n, "stddev", s.stddev());
        number(n, "p95", s.p95());
        number(n, "min", s.min());
        number(n, "max", s.max());
        return n;
    }

    private static ObjectNode policy(Policy p) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("fail_threshold", p.failThreshold());
        n.put("warn_threshold", p.warnThreshold());
        n.put("alpha", p.alpha());
        n.put("correction", p.correction().jsonName());
        n.put("strict_environment", p.strictEnvironment());
        n.put("fail_on_inconclusive", p.failOnInconclusive());
        return n;
    }

    private static void number(ObjectNode n, String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) n.putNull(key);
        else n.put(key, value);
    }

    private static ArrayNode strings(java.util.List<String> values) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }
}
