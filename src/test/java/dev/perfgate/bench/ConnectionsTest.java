package dev.perfgate.bench;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed connection says what to do, not "check the host" whatever the cause. */
class ConnectionsTest {

    @Test
    void aMissingPasswordSaysWhereToPutIt() {
        // pgjdbc's own words when the server asks for a password and none was given (no SQL state of the server)
        SQLException e = new PSQLException("The server requested SCRAM-based authentication, but no password was "
                + "provided.", PSQLState.CONNECTION_REJECTED);
        assertThat(Connections.hint(e)).isEqualTo("set the password in PGPASSWORD or ~/.pgpass");
    }

    @Test
    void aWrongPasswordAndAMissingDatabaseAreNamed() {
        assertThat(Connections.hint(new SQLException("x", "28P01"))).contains("check the user");
        assertThat(Connections.hint(new SQLException("x", "3D000"))).contains("create the database");
        assertThat(Connections.hint(new SQLException("Connection refused", "08001"))).contains("host, port");
    }
}
