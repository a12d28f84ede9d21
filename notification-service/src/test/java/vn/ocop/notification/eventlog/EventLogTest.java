package vn.ocop.notification.eventlog;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.EventType;
import vn.ocop.contracts.EventTypes;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.notification.NotificationIntegrationTest;
import vn.ocop.notification.ProgrammeEvents;
import vn.ocop.testsupport.EventContracts;
import vn.ocop.testsupport.Http.Response;
import vn.ocop.testsupport.TestEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EventLogTest extends NotificationIntegrationTest {

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

    @Test
    void badFiltersAreRefused() {
        assertThat(http().get("/api/events?from=yesterday").status()).isEqualTo(400);
        assertThat(http().get("/api/events?limit=500").status()).isEqualTo(400);
    }
}
