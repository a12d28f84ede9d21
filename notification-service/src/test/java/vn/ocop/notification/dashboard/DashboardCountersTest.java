package vn.ocop.notification.dashboard;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ocop.notification.NotificationIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The counters as a transaction that applies a batch of events moves them: summed in memory,
 * written once before commit in key order, forgotten on rollback. Metrics and provinces of this
 * test's own keep its figures apart from the events other tests publish.
 */
class DashboardCountersTest extends NotificationIntegrationTest {

    /** 10:00 on 1 May 2026 in Vietnam. */
    private static final Instant MAY_1 = Instant.parse("2026-05-01T03:00:00Z");
    /** 01:00 on 2 May 2026 in Vietnam, still 1 May in UTC. */
    private static final Instant MAY_2 = Instant.parse("2026-05-01T18:00:00Z");

    @Autowired
    DashboardCounters counters;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private final String metric = "test.counted." + UUID.randomUUID();
    private final String other = "test.other." + UUID.randomUUID();
    private final String province = "Lào Cai " + UUID.randomUUID();

    @BeforeEach
    void startsWithoutTransactionResources() {
        assertNoTransactionResourceOnThisThread();
    }

    @AfterEach
    void leavesNoTransactionResourceBehind() {
        assertNoTransactionResourceOnThisThread();
    }

    private static void assertNoTransactionResourceOnThisThread() {
        assertThat(TransactionSynchronizationManager.isSynchronizationActive()).isFalse();
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
    }

    @Test
    void theMovesOfOneTransactionAreSummedPerCounterAndWrittenWhenItCommits() {
        transaction.executeWithoutResult(status -> {
            counters.add(metric, MAY_1, province, 1);
            counters.add(other, MAY_1, province, 100);
            counters.add(metric, MAY_2, province, 1);
            counters.add(metric, MAY_1, "Sơn La", 1);
            counters.add(metric, MAY_1, province, 1);
            counters.add(other, MAY_1, province, 250);
            counters.add(metric, MAY_1, null, 5);
            counters.add(metric, MAY_1, province, 1);
            // Nothing is written before commit, not even for this transaction's own reads.
            assertThat(jdbc.sql("select count(*) from dashboard_daily where metric in (?, ?)")
                    .params(metric, other).query(Long.class).single()).isZero();
        });

        assertThat(value(metric, LocalDate.of(2026, 5, 1), province)).contains(3L);
        assertThat(value(metric, LocalDate.of(2026, 5, 2), province)).contains(1L);
        assertThat(value(metric, LocalDate.of(2026, 5, 1), "Sơn La")).contains(1L);
        assertThat(value(metric, LocalDate.of(2026, 5, 1), "")).as("no province").contains(5L);
        assertThat(value(other, LocalDate.of(2026, 5, 1), province)).contains(350L);
        assertThat(counters.totals(null, null, province)).containsEntry(metric, 4L).containsEntry(other, 350L);

        // A later transaction adds to what is there.
        transaction.executeWithoutResult(status -> {
            counters.add(metric, MAY_1, province, 2);
            counters.add(other, MAY_1, province, 50);
        });
        assertThat(value(metric, LocalDate.of(2026, 5, 1), province)).contains(5L);
        assertThat(value(other, LocalDate.of(2026, 5, 1), province)).contains(400L);
    }

    @Test
    void aRolledBackTransactionCountsNothingAndTheNextOneCountsOnlyItsOwnMoves() {
        transaction.executeWithoutResult(status -> {
            counters.add(metric, MAY_1, province, 7);
            counters.add(other, MAY_1, province, 7);
            status.setRollbackOnly();
        });
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            counters.add(metric, MAY_1, province, 11);
            throw new IllegalStateException("the batch fails");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(value(metric, LocalDate.of(2026, 5, 1), province)).isEmpty();
        assertThat(value(other, LocalDate.of(2026, 5, 1), province)).isEmpty();
        assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();

        transaction.executeWithoutResult(status -> counters.add(metric, MAY_1, province, 1));

        assertThat(value(metric, LocalDate.of(2026, 5, 1), province)).contains(1L);
        assertThat(value(other, LocalDate.of(2026, 5, 1), province)).isEmpty();
    }

    @Test
    void anInnerTransactionWritesItsOwnMovesWhateverTheOuterOneDoes() {
        TransactionTemplate inner = new TransactionTemplate(transactionManager);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        transaction.executeWithoutResult(status -> {
            counters.add(metric, MAY_1, province, 1);
            inner.executeWithoutResult(innerStatus -> counters.add(metric, MAY_1, province, 10));
            counters.add(metric, MAY_1, province, 100);
            status.setRollbackOnly();
        });
        assertThat(value(metric, LocalDate.of(2026, 5, 1), province)).contains(10L);

        transaction.executeWithoutResult(status -> {
            counters.add(metric, MAY_1, province, 1);
            inner.executeWithoutResult(innerStatus -> counters.add(other, MAY_1, province, 10));
            counters.add(metric, MAY_1, province, 100);
        });
        assertThat(value(metric, LocalDate.of(2026, 5, 1), province)).contains(111L);
        assertThat(value(other, LocalDate.of(2026, 5, 1), province)).contains(10L);
    }

    @Test
    void withoutATransactionAMoveIsWrittenAtOnce() {
        counters.add(metric, MAY_1, province, 2);
        counters.add(metric, MAY_1, province, 3);

        assertThat(value(metric, LocalDate.of(2026, 5, 1), province)).contains(5L);
    }

    /**
     * Two transactions move the same two counters in opposite orders while a third holds the
     * second counter's row. Each flush locks the rows in key order, so the second transaction
     * waits for the first and both commit; flushed in the order of the moves, the first would hold
     * the second row and want the first, which the other holds, and PostgreSQL would abort one.
     */
    @Test
    void transactionsThatMoveTheSameCountersInDifferentOrdersDoNotDeadlock() throws Exception {
        String first = "test.order.a." + UUID.randomUUID();
        String second = "test.order.b." + UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            counters.add(first, MAY_1, province, 1);
            counters.add(second, MAY_1, province, 1);
        });
        AtomicInteger forwardPid = new AtomicInteger();
        AtomicInteger backwardPid = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "select value from dashboard_daily where metric = ? and day = ? and province = ? for update")) {
                lock.setString(1, second);
                lock.setObject(2, LocalDate.of(2026, 5, 1));
                lock.setString(3, province);
                lock.executeQuery().close();
            }
            try {
                Future<?> backward = threads.submit(() -> transaction.executeWithoutResult(status -> {
                    backwardPid.set(backendPid());
                    counters.add(second, MAY_1, province, 1);
                    counters.add(first, MAY_1, province, 1);
                }));
                awaitBlocked(backwardPid);
                Future<?> forward = threads.submit(() -> transaction.executeWithoutResult(status -> {
                    forwardPid.set(backendPid());
                    counters.add(first, MAY_1, province, 1);
                    counters.add(second, MAY_1, province, 1);
                }));
                awaitBlocked(forwardPid);
                holder.commit();

                backward.get(30, TimeUnit.SECONDS);
                forward.get(30, TimeUnit.SECONDS);
            }
            finally {
                holder.rollback();
            }
        }
        finally {
            threads.shutdownNow();
        }
        assertThat(value(first, LocalDate.of(2026, 5, 1), province)).contains(3L);
        assertThat(value(second, LocalDate.of(2026, 5, 1), province)).contains(3L);
    }

    private int backendPid() {
        return jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
    }

    /** Until the session of that transaction waits for a lock another session holds. */
    private void awaitBlocked(AtomicInteger pid) {
        await().atMost(Duration.ofSeconds(20)).until(() -> pid.get() != 0 && jdbc
                .sql("select cardinality(pg_blocking_pids(?)) > 0")
                .param(pid.get())
                .query(Boolean.class)
                .single());
    }

    private Optional<Long> value(String metric, LocalDate day, String province) {
        return jdbc.sql("select value from dashboard_daily where metric = ? and day = ? and province = ?")
                .params(metric, day, province)
                .query(Long.class)
                .optional();
    }
}
