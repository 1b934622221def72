package dev.perfgate.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SessionTest {

    /** Only a process that names itself the database's backend is pinned: a server in a container has its own pids. */
    @Test
    void aProcessThatIsNotABackendOfTheDatabaseIsNeverPinned() {
        assertThat(Session.isLocalBackend(ProcessHandle.current().pid(), "bench")).isFalse();
        assertThat(Session.isLocalBackend(Long.MAX_VALUE, "bench")).isFalse();
        assertThat(Session.isLocalBackend(-1, "bench")).isFalse();
    }
}
