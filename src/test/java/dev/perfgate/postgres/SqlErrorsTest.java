package dev.perfgate.postgres;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** SQL errors on one line, with PostgreSQL's DETAIL and HINT. */
class SqlErrorsTest {

    // the fields as PostgreSQL sends them in an ErrorResponse message: a type byte, the text, a NUL
    private static PSQLException error(String fields) {
        return new PSQLException(new ServerErrorMessage(fields));
    }

    @Test
    void detailAndHintFollowTheMessage() {
        PSQLException e = error("SERROR\0VERROR\0C58000\0Mincompatible library \"/x/pgwork.so\": version mismatch\0"
                + "DServer is version 18, library is version 15.\0HRebuild it.\0");
        assertThat(SqlErrors.oneLine(e)).isEqualTo("ERROR: incompatible library \"/x/pgwork.so\": version mismatch. "
                + "DETAIL: Server is version 18, library is version 15. HINT: Rebuild it.");
    }

    @Test
    void withoutDetailOrHintItIsTheFirstLine() {
        assertThat(SqlErrors.oneLine(error("SERROR\0C42P01\0Mrelation \"t\" does not exist\0P15\0")))
                .isEqualTo("ERROR: relation \"t\" does not exist");
        assertThat(SqlErrors.oneLine(new SQLException("connection refused\nmore"))).isEqualTo("connection refused");
    }
}
