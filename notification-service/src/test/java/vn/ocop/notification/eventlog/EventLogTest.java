package vn.ocop.notification.eventlog;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.EventTypes;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.messaging.inbox.InboxDispatcher;
import vn.ocop.notification.Batches;
import vn.ocop.notification.NotificationIntegrationTest;
import vn.ocop.notification.ProgrammeEvents;
import vn.ocop.testsupport.EventContracts;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventLogTest extends NotificationIntegrationTest {

    @Autowired
    InboxDispatcher inbound;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyEventIsLoggedOnceWithItsAttributesAndBody() {
        ProgrammeEvents tea = new ProgrammeEvents("Thái Nguyên", Instant.now());
        ProductRegistered registered = tea.registered();

        TestEvents.publish(registered);
        TestEvents.publish(registered);
        TestEvents.publish(tea.submitted());

        String path = "/api/events?subject=" + tea.product.productId();
        await().atMost(Duration.ofSeconds(20)).until(() -> http().get(path).at("/items").size() == 2);
        Response registeredOnly = http().get(path + "&type=" + registered.getClass().getSimpleName());
        assertThat(registeredOnly.at("/items").size()).isZero();
        Response log = http().get(path + "&type=vn.ocop.catalog.product-registered.v1");
        assertThat(log.at("/items").size()).isEqualTo(1);
        assertThat(log.text("/items/0/eventId")).isEqualTo(registered.eventId().toString());
        assertThat(log.text("/items/0/source")).isEqualTo("/catalog-service");
        assertThat(log.text("/items/0/topic")).isEqualTo(Topics.CATALOG_PRODUCT);
        assertThat(log.text("/items/0/province")).isEqualTo("Thái Nguyên");
        assertThat(log.text("/items/0/body/name")).isEqualTo("Mật ong bạc hà Hà Giang");
    }

    @Test
    void eventsOfTypesThisServiceDoesNotKnowAreStillKept() {
        String subject = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        TestEvents.publishRaw(Topics.MARKETPLACE_DEMAND, subject,
                ("{\"eventId\":\"" + eventId + "\",\"purchaseRequestId\":\"" + subject + "\",\"province\":\"Hà Nội\"}")
                        .getBytes(StandardCharsets.UTF_8),
                Map.of(CloudEventHeaders.ID, eventId, CloudEventHeaders.TYPE, "vn.ocop.marketplace.purchase-request-amended.v1",
                        CloudEventHeaders.SOURCE, "/marketplace-service", CloudEventHeaders.SPEC_VERSION, "1.0",
                        CloudEventHeaders.SUBJECT, subject, CloudEventHeaders.TIME, Instant.now().toString()));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> http().get("/api/events?subject=" + subject).at("/items").size() == 1);
    }

    @Test
    void theExampleOfEveryEventTypeIsReadAndApplied() {
        for (EventType<?> type : EventTypes.all()) {
            String eventId = UUID.randomUUID().toString();
            String example = EventContracts.example(type);
            String originalId = example.replaceAll("(?s).*\"eventId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            String subject = "example-" + eventId;
            TestEvents.publishRaw(type.topic(), subject, example.replace(originalId, eventId).getBytes(StandardCharsets.UTF_8),
                    Map.of(CloudEventHeaders.ID, eventId, CloudEventHeaders.TYPE, type.name(),
                            CloudEventHeaders.SOURCE, type.source(), CloudEventHeaders.SPEC_VERSION, "1.0",
                            CloudEventHeaders.SUBJECT, subject, CloudEventHeaders.TIME, Instant.now().toString(),
                            CloudEventHeaders.CONTENT_TYPE, "application/json"));
            await(type.name()).atMost(Duration.ofSeconds(20))
                    .until(() -> http().get("/api/events?subject=" + subject).at("/items").size() == 1);
        }
    }

    /**
     * A poll's records are applied in one transaction: its events get the next numbers, in the
     * order they were applied, with no event of another transaction among them.
     */
    @Test
    void theEventsOfOneTransactionAreNumberedTogetherInTheOrderTheyWereApplied() {
        List<DomainEvent> events = journey("Bắc Kạn " + UUID.randomUUID());
        long before = jdbc.sql("select coalesce(max(seq), 0) from event_log").query(Long.class).single();

        inbound.accept(Batches.of(events));

        List<Long> numbers = numbers(events);
        assertThat(numbers).hasSize(events.size()).isSorted().doesNotHaveDuplicates();
        assertThat(numbers.getFirst()).isGreaterThan(before);
        assertThat(jdbc.sql("select count(*) from event_log where seq between ? and ?")
                .params(numbers.getFirst(), numbers.getLast()).query(Long.class).single())
                .as("logged events numbered from the first to the last").isEqualTo(events.size());
    }

    /**
     * Each event's row is written once, just before commit, already numbered and carrying the
     * counters its event moved: the transaction inserts one row per event and updates none.
     */
    @Test
    void eachEventIsWrittenOnceWithItsNumberAndCounters() {
        List<DomainEvent> events = journey("Lai Châu " + UUID.randomUUID());
        // The session's counts may still hold its earlier transactions' until they are reported: differences.
        String counts = """
                select pg_stat_get_xact_tuples_inserted('event_log'::regclass) as inserted,
                    pg_stat_get_xact_tuples_updated('event_log'::regclass) as updated
                """;
        AtomicLong inserted = new AtomicLong();
        AtomicLong updated = new AtomicLong();

        transaction.executeWithoutResult(status -> {
            jdbc.sql(counts).query((rs, row) -> {
                inserted.addAndGet(-rs.getLong("inserted"));
                updated.addAndGet(-rs.getLong("updated"));
                return row;
            }).single();
            lastBeforeCommit(() -> jdbc.sql(counts).query((rs, row) -> {
                inserted.addAndGet(rs.getLong("inserted"));
                updated.addAndGet(rs.getLong("updated"));
                return row;
            }).single());
            inbound.accept(Batches.of(events));
        });

        assertThat(inserted).as("rows inserted").hasValue(events.size());
        assertThat(updated).as("rows updated").hasValue(0);
        assertThat(numbers(events)).isSorted().doesNotHaveDuplicates();
        for (DomainEvent event : events) {
            assertThat(jdbc.sql("select time from event_log where event_id = ?").param(event.eventId())
                    .query(Instant.class).single())
                    .as("the time, as the driver writes a single timestamp")
                    .isEqualTo(jdbc.sql("select ?::timestamptz").param(Timestamp.from(event.occurredAt()))
                            .query(Instant.class).single());
            assertThat(jdbc.sql("select delta::text from event_log where event_id = ?").param(event.eventId())
                    .query(String.class).single())
                    .as("the counters %s moved", event.getClass().getSimpleName())
                    .isNotEqualTo("{}");
        }
    }

    /**
     * An event the log already holds, applied again once the inbox has forgotten its id, is
     * numbered anew with the transaction's other events: their numbers stay together, with no
     * other event among them, and it is no longer found under its old number.
     */
    @Test
    void anEventLoggedBeforeIsNumberedAnewWithTheOthersOfItsTransaction() {
        List<DomainEvent> events = journey("Điện Biên " + UUID.randomUUID());
        DomainEvent first = events.getFirst();
        inbound.accept(Batches.of(List.of(first)));
        long old = numbers(List.of(first)).getFirst();
        jdbc.sql("delete from inbox_event where event_id = ?").param(first.eventId()).update();

        inbound.accept(Batches.of(events));

        List<Long> numbers = numbers(events);
        assertThat(numbers).isSorted().doesNotHaveDuplicates();
        assertThat(numbers.getFirst()).isGreaterThan(old);
        assertThat(jdbc.sql("select count(*) from event_log where seq between ? and ?")
                .params(numbers.getFirst(), numbers.getLast()).query(Long.class).single())
                .as("logged events numbered from the first to the last").isEqualTo(events.size());
        assertThat(jdbc.sql("select count(*) from event_log where seq = ?").param(old).query(Long.class).single())
                .isZero();
    }

    /**
     * Numbers follow the commits: while one transaction that has numbered its events has not
     * committed, another waits to number its own, so a reader that has seen a number never later
     * finds a smaller one.
     */
    @Test
    void aTransactionNumbersItsEventsOnlyAfterTheTransactionNumberedBeforeItHasCommitted() throws Exception {
        List<DomainEvent> first = journey("Cao Bằng " + UUID.randomUUID());
        List<DomainEvent> second = journey("Hòa Bình " + UUID.randomUUID());
        CountDownLatch firstNumbered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger secondPid = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            // The batch joins this transaction, whose commit waits after the numbering until released.
            Future<?> holding = threads.submit(() -> transaction.executeWithoutResult(status -> {
                lastBeforeCommit(() -> {
                    firstNumbered.countDown();
                    awaitQuietly(release);
                });
                inbound.accept(Batches.of(first));
            }));
            Future<?> waiting;
            try {
                assertThat(firstNumbered.await(20, TimeUnit.SECONDS)).isTrue();
                waiting = threads.submit(() -> transaction.executeWithoutResult(status -> {
                    secondPid.set(jdbc.sql("select pg_backend_pid()").query(Integer.class).single());
                    inbound.accept(Batches.of(second));
                }));
                await("the second transaction waits for the numbering lock").atMost(Duration.ofSeconds(20))
                        .until(() -> secondPid.get() != 0 && jdbc.sql("""
                                select exists (select 1 from pg_locks where pid = ? and locktype = 'advisory' and not granted)
                                """).param(secondPid.get()).query(Boolean.class).single());
                assertThat(waiting).isNotDone();
            }
            finally {
                release.countDown();
            }
            holding.get(30, TimeUnit.SECONDS);
            waiting.get(30, TimeUnit.SECONDS);
        }
        finally {
            threads.shutdownNow();
        }

        assertThat(numbers(first).getLast()).isLessThan(numbers(second).getFirst());
    }

    /** The events of one product's journey in a province of its own, of several types and topics. */
    private static List<DomainEvent> journey(String province) {
        ProgrammeEvents honey = new ProgrammeEvents(province, Instant.now());
        return List.of(honey.registered(), honey.submitted(), honey.certified(4), honey.listed(4), honey.ordered(10));
    }

    /** The numbers of the logged events, in the order of the list. */
    private List<Long> numbers(List<DomainEvent> events) {
        return events.stream()
                .map(event -> jdbc.sql("select seq from event_log where event_id = ?")
                        .param(event.eventId()).query(Long.class).single())
                .toList();
    }

    /** Work the current transaction does just before it commits, after all of its other before-commit work. */
    private static void lastBeforeCommit(Runnable work) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                return Integer.MAX_VALUE;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                work.run();
            }
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void badFiltersAreRefused() {
        assertThat(http().get("/api/events?from=yesterday").status()).isEqualTo(400);
        assertThat(http().get("/api/events?limit=500").status()).isEqualTo(400);
    }
}
