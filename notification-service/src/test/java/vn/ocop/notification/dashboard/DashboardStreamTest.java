package vn.ocop.notification.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.ocop.contracts.marketplace.OrderPlaced;
import vn.ocop.notification.NotificationIntegrationTest;
import vn.ocop.notification.ProgrammeEvents;
import vn.ocop.notification.SseClient;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DashboardStreamTest extends NotificationIntegrationTest {

    @Autowired
    JdbcClient jdbc;

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
