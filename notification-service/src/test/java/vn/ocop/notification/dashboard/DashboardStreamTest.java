package vn.ocop.notification.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.EventTypes;
import vn.ocop.contracts.marketplace.OrderPlaced;
import vn.ocop.messaging.inbox.InboxDispatcher;
import vn.ocop.notification.Batches;
import vn.ocop.notification.NotificationIntegrationTest;
import vn.ocop.notification.ProgrammeEvents;
import vn.ocop.notification.SseClient;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DashboardStreamTest extends NotificationIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    InboxDispatcher inbound;

    @Autowired
    LiveFeed feed;

    @Test
    void everyEventReachesEveryConnectedOfficeScreenWithTheCountersItMoved() {
        String province = "Hà Giang " + UUID.randomUUID();
        ProgrammeEvents honey = new ProgrammeEvents(province, Instant.now());
        OrderPlaced order = honey.ordered(30);
        try (SseClient first = SseClient.connect(port, stream(province), null);
                SseClient second = SseClient.connect(port, stream(province), null);
                SseClient everywhere = SseClient.connect(port, "/api/dashboard/stream", null)) {
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.contentType()).startsWith("text/event-stream");

            TestEvents.publish(honey.certified(4));
            TestEvents.publish(order);
            TestEvents.publish(order);

            await().atMost(Duration.ofSeconds(20)).until(() -> first.events().size() == 2 && second.events().size() == 2);
            // Two topics: the certification and the order may be applied in either order.
            SseClient.Event certified = named(first, "vn.ocop.evaluation.product-certified.v1");
            assertThat(certified.name()).isEqualTo("vn.ocop.evaluation.product-certified.v1");
            assertThat(certified.data().get("subject").asString()).isEqualTo(honey.productId().toString());
            assertThat(certified.data().get("province").asString()).isEqualTo(province);
            assertThat(certified.data().get("delta").get("products.certified").asLong()).isEqualTo(1);
            assertThat(certified.data().get("delta").get("products.certified.stars.4").asLong()).isEqualTo(1);
            SseClient.Event ordered = named(first, "vn.ocop.marketplace.order-placed.v1");
            assertThat(ordered.data().get("delta").get("orders.value-vnd").asLong()).isEqualTo(30 * 320_000L);
            assertThat(ordered.data().get("sequence").asLong()).isEqualTo(Long.parseLong(ordered.id()));
            assertThat(second.events()).extracting(SseClient.Event::id)
                    .containsExactlyElementsOf(first.events().stream().map(SseClient.Event::id).toList());
            await().atMost(Duration.ofSeconds(20)).until(() -> everywhere.events().stream()
                    .anyMatch(e -> e.id().equals(ordered.id())));
        }
    }

    @Test
    void aScreenThatReconnectsWithLastEventIdGetsWhatItMissedThenLiveEvents() {
        String province = "Tuyên Quang " + UUID.randomUUID();
        ProgrammeEvents honey = new ProgrammeEvents(province, Instant.now());
        String lastSeen;
        try (SseClient before = SseClient.connect(port, stream(province), null)) {
            TestEvents.publish(honey.registered());
            await().atMost(Duration.ofSeconds(20)).until(() -> before.events().size() == 1);
            lastSeen = before.events().getFirst().id();
        }

        TestEvents.publish(honey.submitted());
        TestEvents.publish(honey.certified(3));
        await().atMost(Duration.ofSeconds(20)).until(() -> http()
                .get("/api/events?subject=" + honey.productId()).at("/items").size() == 3);

        try (SseClient after = SseClient.connect(port, stream(province), lastSeen)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> after.events().size() == 2);
            TestEvents.publish(honey.listed(3));
            await().atMost(Duration.ofSeconds(20)).until(() -> after.events().size() == 3);

            List<String> names = after.events().stream().map(SseClient.Event::name).toList();
            assertThat(names.subList(0, 2)).as("replayed from the log").containsExactlyInAnyOrder(
                    "vn.ocop.catalog.product-submitted.v1", "vn.ocop.evaluation.product-certified.v1");
            assertThat(names.get(2)).as("live").isEqualTo("vn.ocop.marketplace.listing-created.v1");
            assertThat(named(after, "vn.ocop.catalog.product-submitted.v1").data().get("delta").get("products.submitted")
                    .asLong()).isEqualTo(1);
            assertThat(after.events().stream().map(e -> Long.parseLong(e.id())).toList()).isSorted()
                    .allMatch(id -> id > Long.parseLong(lastSeen));
        }
    }

    @Test
    void eventsAnotherInstanceAppliedReachTheScreensConnectedToThisOne() {
        String province = "Lai Châu " + UUID.randomUUID();
        try (SseClient screen = SseClient.connect(port, stream(province), null)) {
            // What another instance's consumer does: log the event, then announce it on commit.
            long sequence = jdbc.sql("""
                    insert into event_log (event_id, type, source, subject, time, topic, province, body, delta)
                    values (?, 'vn.ocop.catalog.product-registered.v1', '/catalog-service', 'p-1', now(),
                        'catalog.product.v1', ?, '{}'::jsonb, '{"products.registered": 1}'::jsonb)
                    returning seq
                    """).params(UUID.randomUUID(), province).query(Long.class).single();
            jdbc.sql("select pg_notify('ocop_live_dashboard', ?)").param("another-instance:" + sequence).query().singleRow();

            await().atMost(Duration.ofSeconds(10)).until(() -> screen.events().size() == 1);
            SseClient.Event event = screen.events().getFirst();
            assertThat(event.id()).isEqualTo(Long.toString(sequence));
            assertThat(event.name()).isEqualTo("vn.ocop.catalog.product-registered.v1");
            assertThat(event.data().get("delta").get("products.registered").asLong()).isEqualTo(1);
        }
    }

    /**
     * A poll's records are applied in one transaction: each of its events reaches the screens once,
     * numbered in the order applied, with the counters it moved (not the transaction's); a screen
     * that resumes from before them gets the same messages from the log; and the other instances
     * hear of them in one announcement, the range of their numbers.
     */
    @Test
    void theEventsOfOneTransactionReachTheScreensOnceEachWithTheirOwnDeltasAndAreAnnouncedOnce() throws Exception {
        String province = "Bắc Giang " + UUID.randomUUID();
        ProgrammeEvents honey = new ProgrammeEvents(province, Instant.now());
        OrderPlaced order = honey.ordered(30);
        List<DomainEvent> events = List.of(honey.registered(), honey.submitted(), honey.certified(4), honey.listed(4),
                order);
        List<Map<String, Long>> deltas = List.of(
                Map.of("products.registered", 1L),
                Map.of("products.submitted", 1L),
                Map.of("products.certified", 1L, "products.certified.stars.4", 1L, "products.certified.level.PROVINCE", 1L),
                Map.of("listings.created", 1L, "listings.created.group.1", 1L),
                Map.of("orders.placed", 1L, "orders.value-vnd", 30 * 320_000L));
        List<String> announcements;
        try (Connection listening = dataSource.getConnection();
                SseClient screen = SseClient.connect(port, stream(province), null)) {
            listening.setAutoCommit(true);
            try (Statement listen = listening.createStatement()) {
                listen.execute("listen " + LiveFeed.CHANNEL);
            }
            try {
                inbound.accept(Batches.of(events));

                await().atMost(Duration.ofSeconds(20)).until(() -> screen.events().size() == events.size());
                announcements = notifications(listening, Duration.ofSeconds(1));
                await("no event twice").during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                        .until(() -> screen.events().size() == events.size());
            }
            finally {
                // The connection goes back to the pool: it must not keep listening.
                try (Statement unlisten = listening.createStatement()) {
                    unlisten.execute("unlisten *");
                }
            }

            List<SseClient.Event> received = screen.events();
            List<Long> numbers = received.stream().map(e -> Long.parseLong(e.id())).toList();
            assertThat(numbers).isSorted().doesNotHaveDuplicates();
            assertThat(jdbc.sql("select count(*) from event_log where seq between ? and ?")
                    .params(numbers.getFirst(), numbers.getLast()).query(Long.class).single())
                    .as("no other event among them").isEqualTo(events.size());
            for (int i = 0; i < events.size(); i++) {
                SseClient.Event event = received.get(i);
                assertThat(event.name()).isEqualTo(EventTypes.of(events.get(i).getClass()).name());
                assertThat(event.data().get("sequence").asLong()).isEqualTo(numbers.get(i));
                assertThat(event.data().get("province").asString()).isEqualTo(province);
                assertThat(delta(event)).as(event.name()).isEqualTo(deltas.get(i));
            }
            assertThat(announcements.stream().filter(a -> overlaps(a, numbers.getFirst(), numbers.getLast())))
                    .as("announcements of these events")
                    .containsExactly(feed.instance() + ":" + numbers.getFirst() + "-" + numbers.getLast());

            try (SseClient resumed = SseClient.connect(port, stream(province), Long.toString(numbers.getFirst() - 1))) {
                await().atMost(Duration.ofSeconds(20)).until(() -> resumed.events().size() == events.size());
                assertThat(resumed.events()).extracting(SseClient.Event::id).containsExactlyElementsOf(
                        received.stream().map(SseClient.Event::id).toList());
                assertThat(resumed.events().stream().map(DashboardStreamTest::delta).toList()).isEqualTo(deltas);
            }
        }
    }

    @Test
    void aRangeOfEventsAnotherInstanceAppliedReachesTheScreensConnectedToThisOne() {
        String province = "Điện Biên " + UUID.randomUUID();
        try (SseClient screen = SseClient.connect(port, stream(province), null)) {
            // What another instance's consumer does: log a transaction's events, then announce their range on commit.
            List<Long> numbers = jdbc.sql("""
                    insert into event_log (event_id, type, source, subject, time, topic, province, body, delta)
                    select gen_random_uuid(), 'vn.ocop.catalog.product-registered.v1', '/catalog-service', 'p-' || n,
                        now(), 'catalog.product.v1', ?, '{}'::jsonb, '{"products.registered": 1}'::jsonb
                    from generate_series(1, 3) n
                    returning seq
                    """).param(province).query(Long.class).list().stream().sorted().toList();
            jdbc.sql("select pg_notify('ocop_live_dashboard', ?)")
                    .param("another-instance:" + numbers.getFirst() + "-" + numbers.getLast()).query().singleRow();

            await().atMost(Duration.ofSeconds(10)).until(() -> screen.events().size() == 3);
            await("no event twice").during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                    .until(() -> screen.events().size() == 3);
            assertThat(screen.events()).extracting(SseClient.Event::id)
                    .containsExactlyElementsOf(numbers.stream().map(n -> Long.toString(n)).toList());
            assertThat(screen.events()).allMatch(e -> e.data().get("delta").get("products.registered").asLong() == 1);
        }
    }

    /** The announcements heard on a listening connection until {@code quiet} passes without one. */
    private static List<String> notifications(Connection listening, Duration quiet) throws SQLException {
        PGConnection connection = listening.unwrap(PGConnection.class);
        List<String> heard = new ArrayList<>();
        PGNotification[] received;
        while ((received = connection.getNotifications((int) quiet.toMillis())) != null && received.length > 0) {
            for (PGNotification notification : received) {
                heard.add(notification.getParameter());
            }
        }
        return heard;
    }

    /** Whether an announcement ({@code instance:first-last} or {@code instance:n}) names a number from first to last. */
    private static boolean overlaps(String announcement, long first, long last) {
        String numbers = announcement.substring(announcement.lastIndexOf(':') + 1);
        int dash = numbers.indexOf('-');
        long from = Long.parseLong(dash < 0 ? numbers : numbers.substring(0, dash));
        long to = Long.parseLong(dash < 0 ? numbers : numbers.substring(dash + 1));
        return from <= last && to >= first;
    }

    private static Map<String, Long> delta(SseClient.Event event) {
        Map<String, Long> delta = new LinkedHashMap<>();
        event.data().get("delta").properties().forEach(entry -> delta.put(entry.getKey(), entry.getValue().asLong()));
        return delta;
    }

    @Test
    void anIdleConnectionGetsHeartbeats() {
        try (SseClient idle = SseClient.connect(port, stream("Nowhere " + UUID.randomUUID()), null)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> idle.comments().contains("heartbeat"));
            assertThat(idle.events()).isEmpty();
        }
    }

    @Test
    void aLastEventIdThatIsNoIdOfThisStreamIsRefused() {
        try (SseClient bad = SseClient.connect(port, "/api/dashboard/stream", "yesterday")) {
            assertThat(bad.status()).isEqualTo(400);
        }
    }

    private static SseClient.Event named(SseClient client, String type) {
        return client.events().stream().filter(e -> e.name().equals(type)).findFirst().orElseThrow();
    }

    private static String stream(String province) {
        return "/api/dashboard/stream?province=" + URLEncoder.encode(province, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
