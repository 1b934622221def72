package dev.perfgate.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call tree rebuilt from what PostgreSQL keeps. The statement texts are as {@code pg_stat_statements} kept them on
 * PostgreSQL 18 for the demo suite's {@code single_row_update} (copied from a results file's profile); the bodies are
 * the demo suite's functions.
 */
class ProfileTreeTest {

    static final String UPDATE = "UPDATE tviews.products SET price = $1 / $3, updated_at = date_trunc($4, now()) "
            + "WHERE id = $2";
    static final String PERFORMED = "SELECT tviews.tv_product_refresh(NEW.id)";
    static final String UPSERT = "INSERT INTO tviews.tv_product (product_id, data) VALUES (p_id, "
            + "tviews.tv_product_build(p_id))\n    ON CONFLICT (product_id) DO UPDATE SET data = excluded.data";
    static final String BUILD = "SELECT jsonb_build_object(\n        'id', p.id,\n        'name', p.name,\n"
            + "        'category', jsonb_build_object('id', c.id, 'name', c.name),\n"
            + "        'stock', coalesce(i.quantity, 0))\n    FROM tviews.products p\n"
            + "    JOIN tviews.categories c ON c.id = p.category_id\n"
            + "    LEFT JOIN tviews.inventory i ON i.product_id = p.id\n    WHERE p.id = p_id";

    static final ProfileTree.Routine TRIGGER = new ProfileTree.Routine("products_changed()", "plpgsql", """

            BEGIN
                PERFORM tviews.tv_product_refresh(NEW.id);
                RETURN NULL;
            END
            """, List.of(new ProfileTree.Trigger("tviews.products", ProfileTree.INSERT | ProfileTree.UPDATE)));
    static final ProfileTree.Routine REFRESH = new ProfileTree.Routine("tv_product_refresh(integer)", "sql", """

                INSERT INTO tviews.tv_product (product_id, data) VALUES (p_id, tviews.tv_product_build(p_id))
                ON CONFLICT (product_id) DO UPDATE SET data = excluded.data
            """, List.of());
    static final ProfileTree.Routine BUILDER = new ProfileTree.Routine("tv_product_build(integer)", "sql", """

                SELECT jsonb_build_object(
                    'id', p.id,
                    'name', p.name,
                    'category', jsonb_build_object('id', c.id, 'name', c.name),
                    'stock', coalesce(i.quantity, 0))
                FROM tviews.products p
                JOIN tviews.categories c ON c.id = p.category_id
                LEFT JOIN tviews.inventory i ON i.product_id = p.id
                WHERE p.id = p_id
            """, List.of());

    @Test
    void theDemoSuitesTriggerCascadeIsPlacedWholeUnderTheUpdate() {
        List<Profile.Entry> placed = ProfileTree.placed(List.of(statement(UPDATE, true), statement(PERFORMED, false),
                statement(UPSERT, false), function("tv_product_build(integer)"), statement(BUILD, false),
                function("tv_product_refresh(integer)"), function("products_changed()")),
                List.of(TRIGGER, REFRESH, BUILDER));
        Map<String, String> parents = parents(placed);
        assertThat(parents).containsEntry(UPDATE, null)
                .containsEntry("products_changed()", UPDATE)
                .containsEntry(PERFORMED, "products_changed()")
                .containsEntry("tv_product_refresh(integer)", PERFORMED)
                .containsEntry(UPSERT, "tv_product_refresh(integer)")
                .containsEntry("tv_product_build(integer)", UPSERT)
                .containsEntry(BUILD, "tv_product_build(integer)");
        assertThat(placed.get(0).parent()).isNull();
        assertThat(placed.get(0).notPlaced()).isFalse();
        Profile.Parent p = placed.get(6).parent();
        assertThat(p.kind()).isEqualTo(Profile.STATEMENT);
        assertThat(p.queryId()).isEqualTo(UPDATE.hashCode());
        assertThat(p.toplevel()).isTrue();
    }

    @Test
    void constantsReplacedByPlaceholdersStillMatchTheBody() {
        // ExplainIT's slower trigger: pg_stat_statements keeps "SELECT sum(g) FROM generate_series($1, $2) g"
        ProfileTree.Routine slower = new ProfileTree.Routine("products_changed()", "plpgsql", """
                BEGIN
                    PERFORM sum(g) FROM generate_series(1, 5000) g;
                    PERFORM tviews.tv_product_refresh(NEW.id);
                    RETURN NULL;
                END""", TRIGGER.triggers());
        String sum = "SELECT sum(g) FROM generate_series($1, $2) g";
        Map<String, String> parents = parents(ProfileTree.placed(List.of(statement(UPDATE, true),
                statement(sum, false), function("products_changed()")), List.of(slower)));
        assertThat(parents).containsEntry(sum, "products_changed()").containsEntry("products_changed()", UPDATE);
    }

    @ParameterizedTest(name = "{0} in {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // PL/pgSQL drops INTO before it runs a SELECT
        "SELECT count(*) FROM t WHERE a = x | BEGIN SELECT count(*) INTO STRICT v_n FROM t WHERE a = x; END | true",
        "INSERT INTO t (a) VALUES ($1) RETURNING id | BEGIN INSERT INTO t (a) VALUES (7) RETURNING id INTO r.id; END | true",
        // case and layout do not matter, a quoted name's case does
        "select A from T | BEGIN SELECT a\\n  FROM t; END | true",
        "SELECT \"A\" FROM t | BEGIN SELECT a FROM t; END | false",
        "SELECT a FROM t WHERE b = $1 | SELECT a FROM t WHERE b = E'x' | true",
        // a negative number, a typed literal, a list PostgreSQL 18 squashed
        "SELECT a FROM t WHERE b > $1 | SELECT a FROM t WHERE b > -1.5 | true",
        "SELECT a FROM t WHERE d > now() - $1 | SELECT a FROM t WHERE d > now() - interval '1 day' | true",
        "SELECT a FROM t WHERE b IN ($1 /*, ... */) | SELECT a FROM t WHERE b IN (1, 2, 3) | true",
        // a placeholder is a constant, never a call or a whole clause
        "SELECT a FROM t WHERE b = $1 | SELECT a FROM t WHERE b = f(c) | false",
        "SELECT a FROM t WHERE b = $1 | SELECT a FROM u WHERE b = 1 | false",
        "SELECT a FROM t | -- SELECT a FROM t\\nSELECT b FROM t | false",
        // a whole statement, not the start of a longer one or a subquery
        "SELECT a FROM t | BEGIN PERFORM a FROM t WHERE b = 1; END | false",
        "SELECT a FROM t | BEGIN PERFORM x FROM u WHERE b IN (SELECT a FROM t); END | false",
        "SELECT a FROM t | BEGIN FOR r IN SELECT a FROM t LOOP NULL; END LOOP; END | true",
        "SELECT a FROM t | BEGIN RETURN QUERY SELECT a FROM t; END | true",
        // a PL/pgSQL expression that is not simple runs as SELECT and the expression
        "SELECT EXISTS (SELECT $1 FROM t WHERE a = x) | BEGIN IF EXISTS (SELECT 1 FROM t WHERE a = x) THEN RETURN; END IF; END | true",
        "SELECT (SELECT count(*) FROM t) | BEGIN v := (SELECT count(*) FROM t); END | true",
    })
    void aStatementIsWrittenInABodyWhenItsTokensOccurThere(String statement, String body, boolean written) {
        assertThat(ProfileTree.written(SqlTokens.of(statement), body.replace("\\n", "\n"))).isEqualTo(written);
    }

    @Test
    void twoFunctionsWithTheSameStatementLeaveItNotPlaced() {
        ProfileTree.Routine a = new ProfileTree.Routine("a()", "plpgsql", "BEGIN PERFORM f(NEW.id); END", List.of());
        ProfileTree.Routine b = new ProfileTree.Routine("b()", "plpgsql", "BEGIN PERFORM f(NEW.id); END", List.of());
        List<Profile.Entry> placed = ProfileTree.placed(List.of(statement("SELECT f(NEW.id)", false), function("a()"),
                function("b()")), List.of(a, b));
        assertThat(placed.get(0).parent()).isNull();
        assertThat(placed.get(0).notPlaced()).isTrue();
    }

    @Test
    void aTriggerOnATableTwoStatementsWriteIsNotPlaced() {
        List<Profile.Entry> placed = ProfileTree.placed(List.of(statement(UPDATE, true),
                statement("INSERT INTO tviews.products (id) VALUES ($1)", true), function("products_changed()")),
                List.of(TRIGGER));
        assertThat(placed.get(2).notPlaced()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // the trigger fires on INSERT and UPDATE of tviews.products only
        "DELETE FROM tviews.products WHERE id = $1 | false",
        "SELECT id FROM tviews.products WHERE id = $1 FOR UPDATE | false",
        "UPDATE other.products SET a = $1 | false",
        "UPDATE ONLY products SET a = $1 | true",
        "INSERT INTO tviews.other (id) VALUES ($1) ON CONFLICT (id) DO UPDATE SET a = $2 | false",
        "WITH x AS (UPDATE tviews.products SET a = $1 RETURNING id) SELECT count(*) FROM x | true",
        "MERGE INTO tviews.products p USING s ON s.id = p.id WHEN MATCHED THEN DELETE | true",
    })
    void aTriggerFunctionIsPlacedUnderTheStatementThatWritesItsTableWithItsEvent(String statement, boolean placed) {
        List<Profile.Entry> out = ProfileTree.placed(List.of(statement(statement, true), function("products_changed()")),
                List.of(TRIGGER));
        assertThat(out.get(1).parent() != null).isEqualTo(placed);
    }

    @Test
    void aRecursiveFunctionIsNotPlacedUnderItself() {
        ProfileTree.Routine r = new ProfileTree.Routine("fact(integer)", "sql",
                "SELECT CASE WHEN n <= 1 THEN 1 ELSE n * fact(n - 1) END", List.of());
        String nested = "SELECT CASE WHEN n <= $1 THEN $2 ELSE n * fact(n - $3) END";
        List<Profile.Entry> out = ProfileTree.placed(List.of(statement(nested, false), function("fact(integer)")),
                List.of(r));
        assertThat(out).allMatch(Profile.Entry::notPlaced);
    }

    @Test
    void aCFunctionsSymbolIsNoBodyAndNothingIsPlacedWithoutTheCatalog() {
        ProfileTree.Routine c = new ProfileTree.Routine("count_rows()", "c", "SELECT 1", List.of());
        List<Profile.Entry> out = ProfileTree.placed(List.of(statement("SELECT $1", false), function("count_rows()")),
                List.of(c));
        assertThat(out).allMatch(Profile.Entry::notPlaced);
        assertThat(ProfileTree.placed(List.of(statement(PERFORMED, false), function("products_changed()")), List.of()))
                .allMatch(Profile.Entry::notPlaced);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "tviews.products | products | true",
        "tviews.products | tviews.products | true",
        "\"Tviews\".products | tviews.products | false",
        "a.products | b.products | false",
    })
    void tablesAreTheSameByNameAndBySchemaWhenBothSayOne(String written, String triggered, boolean same) {
        assertThat(ProfileTree.sameTable(written, triggered)).isEqualTo(same);
    }

    private static Map<String, String> parents(List<Profile.Entry> entries) {
        Map<String, String> out = new java.util.HashMap<>();
        for (Profile.Entry e : entries) out.put(e.text(), e.parent() == null ? null : e.parent().text());
        return out;
    }

    static Profile.Entry statement(String text, boolean toplevel) {
        return new Profile.Entry(Profile.STATEMENT, text, text.hashCode(), toplevel, new long[] {1}, new double[] {1},
                null, 1, 1);
    }

    static Profile.Entry function(String signature) {
        return new Profile.Entry(Profile.FUNCTION, signature, 0, false, new long[] {1}, new double[] {1}, null, 0, 0);
    }
}
