package org.chipplace.api.service.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.chipplace.netlist.NetlistParseException;
import org.hibernate.TransactionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Which failures of a run are a database outage (the run is interrupted and retried) rather than a
 * property of the job (FAILED). Found by bench/faults.sh phase B: a PostgreSQL restart under load
 * used to end a running job FAILED with "Unable to rollback against JDBC Connection".
 */
class DatabaseOutageTest {
    @Test
    void aLostConnectionDuringARunIsAnOutage() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        // what Hibernate/Spring threw in the faults run: JpaSystemException <- ... <- PSQLException 08006
        JpaSystemException rollback = new JpaSystemException(new RuntimeException("Unable to rollback",
                new JDBCConnectionException("JDBC exception executing SQL", lost)));
        assertThat(JobRunner.isDatabaseUnavailable(rollback)).isTrue();
        assertThat(JobRunner.isDatabaseUnavailable(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(JobRunner.isDatabaseUnavailable(new CannotCreateTransactionException("no connection"))).isTrue();
        // the second faults run: the rollback exception replaced the original one
        assertThat(JobRunner.isDatabaseUnavailable(new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
    }

    @Test
    void badInputAndConstraintViolationsAreNotOutages() {
        assertThat(JobRunner.isDatabaseUnavailable(new NetlistParseException("d.nets", 3, "bad"))).isFalse();
        assertThat(JobRunner.isDatabaseUnavailable(new IllegalArgumentException("target density"))).isFalse();
        assertThat(JobRunner.isDatabaseUnavailable(new IOException("disk full"))).isFalse();
        assertThat(JobRunner.isDatabaseUnavailable(new DataIntegrityViolationException("dup",
                new SQLException("duplicate key", "23505")))).isFalse();
        assertThat(JobRunner.isDatabaseUnavailable(new JpaSystemException(new TransactionException(
                "Transaction was marked for rollback only")))).isFalse();
    }
}
