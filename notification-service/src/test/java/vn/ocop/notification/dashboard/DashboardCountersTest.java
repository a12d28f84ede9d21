package vn.ocop.notification.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
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
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ocop.notification.NotificationIntegrationTest;
import vn.ocop.testsupport.Http.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The counters as a transaction that applies a batch of events moves them: summed in memory,
 * written once before commit in key order, to one shard of each counter, forgotten on rollback.
 * Metrics and provinces of this test's own keep its figures apart from the events other tests
 * publish.
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
        counters.chooseShardsWith(DashboardCounters::randomShard);
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
        // All in one shard, as transactions that pick the same one are.
        counters.chooseShardsWith(() -> 3);
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

    /**
     * One transaction has written its moves to shard 1 and not committed yet (it holds those rows
     * until it does); another moves the same counters and commits meanwhile, as it writes to shard
     * 2. Every dashboard read then sums both shards.
     */
    @Test
    void transactionsOnDifferentShardsDoNotWaitForOneAnotherAndEveryReadSumsTheShards() throws Exception {
        ThreadLocal<Integer> shardOfThread = new ThreadLocal<>();
        counters.chooseShardsWith(() -> shardOfThread.get() == null ? DashboardCounters.randomShard() : shardOfThread.get());
        CountDownLatch firstFlushed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> first = threads.submit(() -> {
                shardOfThread.set(1);
                transaction.executeWithoutResult(status -> {
                    moveListingCounters(2, 1);
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public int getOrder() {
                            return DashboardCounters.FLUSH_ORDER + 1;
                        }

                        @Override
                        public void beforeCommit(boolean readOnly) {
                            firstFlushed.countDown();
                            awaitQuietly(release);
                        }
                    });
                });
            });
            try {
                assertThat(firstFlushed.await(20, TimeUnit.SECONDS)).isTrue();
                Future<?> second = threads.submit(() -> {
                    shardOfThread.set(2);
                    transaction.executeWithoutResult(status -> moveListingCounters(3, 2));
                });
                second.get(10, TimeUnit.SECONDS);
                assertThat(first).as("the first transaction still holds its rows").isNotDone();
            }
            finally {
                release.countDown();
            }
            first.get(30, TimeUnit.SECONDS);
        }
        finally {
            threads.shutdownNow();
        }

        assertThat(jdbc.sql("select count(distinct shard) from dashboard_daily where metric = ? and province = ?")
                .params(Metrics.LISTED, province).query(Long.class).single()).isEqualTo(2);
        assertThat(counters.totals(null, null, province)).containsEntry(Metrics.LISTED, 5L)
                .containsEntry(Metrics.LISTED_GROUP + "1", 5L).containsEntry(Metrics.WITHDRAWN, 3L)
                .containsEntry(Metrics.WITHDRAWN_GROUP + "1", 3L).containsEntry(Metrics.REGISTERED, 2L);
        assertThat(counters.totals(LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 2), province))
                .containsEntry(Metrics.REGISTERED, 2L).doesNotContainKey(Metrics.LISTED);
        assertThat(counters.totalsUntil(LocalDate.of(2026, 5, 1), province)).containsEntry(Metrics.LISTED, 5L)
                .containsEntry(Metrics.WITHDRAWN, 3L).doesNotContainKey(Metrics.REGISTERED);
        assertThat(counters.activeListingsByProvince(null, province)).containsExactly(Map.entry(province, 2L));
        assertThat(counters.activeListingsByProvince(null, null)).containsEntry(province, 2L);

        String summary = "/api/dashboard/summary?province=" + URLEncoder.encode(province, StandardCharsets.UTF_8)
                .replace("+", "%20");
        Response whole = http().get(summary);
        assertThat(whole.at("/products/registered").asLong()).isEqualTo(2);
        assertThat(whole.at("/listings/created").asLong()).isEqualTo(5);
        assertThat(whole.at("/listings/byGroup/1").asLong()).isEqualTo(5);
        assertThat(whole.at("/listings/withdrawn").asLong()).isEqualTo(3);
        assertThat(whole.at("/listings/active").asLong()).isEqualTo(2);
        assertThat(whole.at("/listings/activeByGroup/1").asLong()).isEqualTo(2);
        assertThat(whole.at("/listings/activeByProvince").get(province).asLong()).isEqualTo(2);
        Response secondDay = http().get(summary + "&from=2026-05-02&to=2026-05-02");
        assertThat(secondDay.at("/products/registered").asLong()).isEqualTo(2);
        assertThat(secondDay.at("/listings/created").asLong()).isZero();
        assertThat(secondDay.at("/listings/active").asLong()).as("active at the end of the day").isEqualTo(2);
    }

    /** Lists and withdraws on 1 May, and registers a product on 2 May, in this test's province. */
    private void moveListingCounters(int listed, int withdrawn) {
        counters.add(Metrics.LISTED, MAY_1, province, listed);
        counters.add(Metrics.LISTED_GROUP + "1", MAY_1, province, listed);
        counters.add(Metrics.WITHDRAWN, MAY_1, province, withdrawn);
        counters.add(Metrics.WITHDRAWN_GROUP + "1", MAY_1, province, withdrawn);
        counters.add(Metrics.REGISTERED, MAY_2, province, 1);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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

    /** A counter's value: the sum of its shards; empty when it has none. */
    private Optional<Long> value(String metric, LocalDate day, String province) {
        return jdbc.sql("""
                select sum(value) from dashboard_daily where metric = ? and day = ? and province = ?
                having count(*) > 0
                """)
                .params(metric, day, province)
                .query(Long.class)
                .optional();
    }
}
