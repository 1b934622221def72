package dev.perfgate.suite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SqlScannerTest {

    private static List<SqlStatement> scan(String text) {
        return new SqlScanner("f.sql", text, 1).statements();
    }

    @Test
    void splitsOnSemicolonsAndKeepsStartLines() {
        List<SqlStatement> st = scan("SELECT 1;\n\n-- comment\nSELECT\n  2;\n");
        assertThat(st).extracting(SqlStatement::sql).containsExactly("SELECT 1", "SELECT\n  2");
        assertThat(st).extracting(SqlStatement::line).containsExactly(1, 4);
    }

    @Test
    void dollarQuotedBodiesAndStringsAreNotSplitOrParameterised() {
        String fn = "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $body$\nBEGIN\n  RETURN 1; -- :x\nEND\n$body$;\n"
                + "SELECT ':id;', \"a;b\", E'it\\'s;', $$;:y$$;";
        List<SqlStatement> st = scan(fn);
        assertThat(st).hasSize(2);
        assertThat(st.get(0).sql()).contains("RETURN 1; -- :x");
        assertThat(st.get(1).parameters()).isEmpty();
        assertThat(st.get(1).line()).isEqualTo(6);
    }

    @Test
    void parametersBecomePlaceholdersButCastsStay() {
        SqlStatement st = scan("UPDATE t SET v = :v::numeric WHERE id = :id AND k = :id").get(0);
        assertThat(st.sql()).isEqualTo("UPDATE t SET v = ?::numeric WHERE id = ? AND k = ?");
        assertThat(st.parameters()).containsExactly("v", "id", "id");
    }

    @Test
    void positionalDollarParametersAreNotDollarQuotes() {
        assertThat(scan("PREPARE p AS SELECT $1; SELECT 2").get(0).sql()).isEqualTo("PREPARE p AS SELECT $1");
    }

    @Test
    void commentOnlyTextHasNoStatements() {
        assertThat(scan("-- nothing\n/* still /* nested */ nothing */\n")).isEmpty();
    }

    @Test
    void unterminatedStringNamesItsLine() {
        assertThatThrownBy(() -> scan("SELECT 1;\nSELECT 'oops;\n"))
                .hasMessage("f.sql:2: unterminated string: close it or remove it");
    }
}
