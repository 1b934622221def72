package dev.perfgate.bench;

import dev.perfgate.model.Counters;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Plan shapes from PostgreSQL's JSON plans: node types, relations and indexes only. */
class PlanShapesTest {

    // auto_explain's notice for the demo suite's read-model rebuild (log_format = json), costs trimmed
    private static final String NESTED = "duration: 0.050 ms  plan:\n{\n  \"Query Text\": \"SELECT jsonb_build_object(...)\","
            + "\n  \"Plan\": {\"Node Type\": \"Aggregate\", \"Startup Cost\": 8.3, \"Plans\": [{\"Node Type\": "
            + "\"Bitmap Heap Scan\", \"Relation Name\": \"reviews\", \"Total Cost\": 12.1, \"Plans\": [{\"Node Type\": "
            + "\"Bitmap Index Scan\", \"Index Name\": \"reviews_product_idx\"}]}]}\n}";
    private static final String TOP = "duration: 0.300 ms  plan:\n{\"Query Text\": \"UPDATE tviews.products SET price = $1\","
            + " \"Plan\": {\"Node Type\": \"ModifyTable\", \"Operation\": \"Update\", \"Relation Name\": \"products\", "
            + "\"Plans\": [{\"Node Type\": \"Index Scan\", \"Index Name\": \"products_pkey\", \"Relation Name\": "
            + "\"products\", \"Plan Rows\": 1}]}}";

    @Test
    void shapesNameNodesRelationsAndIndexesTopLevelFirst() {
        PlanShapes shapes = new PlanShapes();
        shapes.addNotice(NESTED);
        shapes.addNotice(TOP);
        shapes.addNotice("some other notice without a plan");
        Counters.Plan plan = shapes.plan(true);
        assertThat(plan.summary()).isEqualTo("Update on products [Index Scan using products_pkey on products] | "
                + "Aggregate [Bitmap Heap Scan on reviews [Bitmap Index Scan using reviews_product_idx]]");
        assertThat(plan.fingerprint()).hasSize(16);
        assertThat(plan.nested()).isTrue();
    }

    @Test
    void theFingerprintIgnoresCostsAndOrderButNotAChangedScan() {
        PlanShapes a = new PlanShapes();
        a.addNotice(NESTED);
        a.addNotice(TOP);
        PlanShapes sameShapesOtherCostsAndOrder = new PlanShapes();
        sameShapesOtherCostsAndOrder.addNotice(TOP.replace("\"Plan Rows\": 1", "\"Plan Rows\": 7"));
        sameShapesOtherCostsAndOrder.addNotice(NESTED.replace("8.3", "99.9"));
        PlanShapes seqScan = new PlanShapes();
        seqScan.addNotice(NESTED.replace("\"Bitmap Heap Scan\"", "\"Seq Scan\"").replace(", \"Plans\": [{\"Node Type\": "
                + "\"Bitmap Index Scan\", \"Index Name\": \"reviews_product_idx\"}]", ""));
        seqScan.addNotice(TOP);
        assertThat(sameShapesOtherCostsAndOrder.plan(true).fingerprint()).isEqualTo(a.plan(true).fingerprint());
        assertThat(seqScan.plan(true).fingerprint()).isNotEqualTo(a.plan(true).fingerprint());
        assertThat(seqScan.plan(true).summary()).contains("Aggregate [Seq Scan on reviews]");
    }

    @Test
    void aRepeatedPlanCountsOnceAndAnotherPlanOfTheSameStatementStillCounts() {
        String seqScan = NESTED.replace("\"Bitmap Heap Scan\"", "\"Seq Scan\"");
        PlanShapes repeated = new PlanShapes();
        for (int row = 0; row < 1000; row++) {
            // a trigger firing per row: the same plan text after a different duration, and one row planned otherwise
            repeated.addNotice(("duration: 0.0" + row + " ms  plan:\n") + NESTED.substring(NESTED.indexOf('{')));
            if (row == 700) repeated.addNotice(seqScan);
        }
        repeated.addNotice(TOP);
        PlanShapes once = new PlanShapes();
        once.addNotice(NESTED);
        once.addNotice(seqScan);
        once.addNotice(TOP);
        assertThat(repeated.plan(true)).isEqualTo(once.plan(true));
        assertThat(repeated.plan(true).summary()).contains("Seq Scan on reviews", "Bitmap Heap Scan on reviews");
    }

    @Test
    void explainOutputIsAnArrayOfOnePlan() throws Exception {
        PlanShapes shapes = new PlanShapes();
        shapes.add(dev.perfgate.json.Json.MAPPER.readTree("[{\"Plan\": {\"Node Type\": \"Hash Join\", \"Join Type\": "
                + "\"Left\", \"Plans\": [{\"Node Type\": \"Seq Scan\", \"Relation Name\": \"a\"}, {\"Node Type\": "
                + "\"Function Scan\", \"Function Name\": \"generate_series\"}]}, \"Query Identifier\": 42}]"));
        assertThat(shapes.plan(false).summary())
                .isEqualTo("Hash Join (Left) [Seq Scan on a, Function Scan on generate_series()]");
    }
}
