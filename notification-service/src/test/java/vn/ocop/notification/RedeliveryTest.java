package vn.ocop.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import vn.ocop.contracts.DomainEvent;
import vn.ocop.contracts.EventTypes;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.marketplace.OrderPlaced;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;
import static org.awaitility.Awaitility.await;

/**
 * Every consumer is idempotent: each of the twenty event types, delivered a second time, changes
 * nothing a user can see — inbox messages, leads, dashboard figures, deliveries, the event log.
 */
class RedeliveryTest extends NotificationIntegrationTest {

    private static final String[] TOPICS = { Topics.CATALOG_PRODUCT, Topics.EVALUATION_CERTIFICATION,
            Topics.MARKETPLACE_LISTING, Topics.MARKETPLACE_ORDER, Topics.MARKETPLACE_DEMAND };

    @Test
    void redeliveringEveryKindOfEventChangesNothing() throws Exception {
        String province = "Điện Biên " + UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(60);
        ProgrammeEvents honey = new ProgrammeEvents(province, at);
        ProgrammeEvents rejected = new ProgrammeEvents(province, at);
        ProgrammeEvents expiring = new ProgrammeEvents(province, at);
        UUID request = UUID.randomUUID();
        OrderPlaced delivered = honey.ordered(30);
        OrderPlaced refused = honey.ordered(10);
        OrderPlaced cancelled = honey.ordered(5);
        List<DomainEvent> events = List.of(
                honey.registered(), honey.submitted(), honey.updated(), honey.certified(4), honey.listed(4),
                honey.listingUpdated(4), delivered, honey.accepted(delivered), honey.shipped(delivered),
                honey.delivered(delivered), refused, honey.orderRejected(refused), cancelled, honey.cancelled(cancelled),
                honey.requestPosted(request), honey.matched(request), honey.requestClosed(request),
                rejected.submitted(), rejected.rejected(), expiring.certified(5), expiring.expired(), honey.revoked(),
                honey.withdrawn(), honey.productWithdrawn());
        assertThat(events.stream().map(e -> EventTypes.of(e.getClass()).name()).collect(Collectors.toSet()))
                .as("every event type is redelivered").hasSize(EventTypes.all().size());

        try (WebhookReceiver producerSystem = WebhookReceiver.accepting();
                WebhookReceiver retailerSystem = WebhookReceiver.accepting()) {
            registerChannels("producer:" + honey.producerId(), producerSystem);
            registerChannels("retailer:" + honey.retailerId, retailerSystem);
            registerChannels("office:" + encode(province), null);
            http().post("/api/subscriptions", Map.of("retailerId", honey.retailerId, "province", province));

            events.forEach(TestEvents::publish);
            TestEvents.awaitConsumed("notification-service", TOPICS);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                Map<String, Object> seen = visible(province, honey);
                assertThat(List.of(size(seen, "producer inbox"), size(seen, "retailer inbox"), size(seen, "office inbox"),
                        size(seen, "leads"))).as("producer, retailer, office inbox and leads").containsExactly(7, 6, 5, 4);
            });
            Map<String, Object> once = visible(province, honey);

            events.forEach(TestEvents::publish);
            TestEvents.awaitConsumed("notification-service", TOPICS);
            Map<String, Object> twice = visible(province, honey);

            assertThat(twice).isEqualTo(once);
            assertThat(once.get("producer inbox")).asInstanceOf(LIST).hasSize(7);
            assertThat(once.get("retailer inbox")).asInstanceOf(LIST).hasSize(6);
            assertThat(once.get("leads")).asInstanceOf(LIST).hasSize(4);
            assertThat(once.get("producer deliveries")).asInstanceOf(LIST).hasSize(2 * 7);
            assertThat(once.get("retailer deliveries")).asInstanceOf(LIST).hasSize(2 * 6);
            assertThat(once.get("office deliveries")).asInstanceOf(LIST).hasSize(5);
            assertThat(once.get("event log")).asInstanceOf(LIST).isNotEmpty();
        }
    }

    /** What users see of this test's data: ids of messages, leads, deliveries and logged events, and the figures. */
    private Map<String, Object> visible(String province, ProgrammeEvents honey) {
        Map<String, Object> seen = new LinkedHashMap<>();
        String producer = "producer:" + honey.producerId();
        String retailer = "retailer:" + honey.retailerId;
        String office = "office:" + encode(province);
        seen.put("producer inbox", ids("/api/inbox?limit=100&recipient=" + producer));
        seen.put("retailer inbox", ids("/api/inbox?limit=100&recipient=" + retailer));
        seen.put("office inbox", ids("/api/inbox?limit=100&recipient=" + office));
        seen.put("leads", ids("/api/leads?limit=100&producerId=" + honey.producerId()));
        seen.put("producer deliveries", ids("/api/deliveries?limit=100&recipient=" + producer));
        seen.put("retailer deliveries", ids("/api/deliveries?limit=100&recipient=" + retailer));
        seen.put("office deliveries", ids("/api/deliveries?limit=100&recipient=" + office));
        seen.put("event log", ids("/api/events?limit=100&province=" + encode(province)));
        seen.put("dashboard", http().get("/api/dashboard/summary?province=" + encode(province)).body().toString());
        return seen;
    }

    private static int size(Map<String, Object> seen, String what) {
        return ((List<?>) seen.get(what)).size();
    }

    private List<String> ids(String path) {
        List<String> ids = new ArrayList<>();
        http().get(path).at("/items").forEach(item -> ids.add(item.has("id") ? item.get("id").asString()
                : item.get("eventId").asString()));
        return ids.stream().sorted().toList();
    }

    private void registerChannels(String recipient, WebhookReceiver receiver) {
        Map<String, Object> channels = new LinkedHashMap<>();
        channels.put("email", "ocop." + UUID.randomUUID() + "@example.vn");
        if (receiver != null) {
            channels.put("webhookUrl", receiver.url("/ocop"));
        }
        String secret = put("/api/recipients/" + recipient + "/channels", channels).text("/webhookSecret");
        if (receiver != null) {
            receiver.expectingSecret(secret);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
