package vn.ocop.messaging;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.testsupport.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static vn.ocop.messaging.ProductEvents.registered;
import static vn.ocop.messaging.ProductEvents.withId;

/**
 * The outbox half of DESIGN §4: nothing is published for a rolled-back change, nothing committed
 * is lost when the publisher stops, and a repeated publication has a single effect downstream.
 *
 * <p>Each test ends with a marker event on the same key (so the same partition) as the events it
 * checks: once the marker is seen, everything before it on that key has been seen too.
 */
class OutboxDeliveryTest extends MessagingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static TopicProbe productTopic;

    @BeforeAll
    static void probe() {
        productTopic = TopicProbe.on(Topics.CATALOG_PRODUCT);
    }

    @AfterAll
    static void closeProbe() {
        productTopic.close();
    }

    @Test
    void rolledBackChangePublishesNothing() {
        UUID productId = UUID.randomUUID();
        ProductRegistered rolledBack = registered(productId);
        ProductRegistered marker = registered(productId);

        assertThatThrownBy(() -> transaction().executeWithoutResult(status -> {
            outbox.append(rolledBack);
            throw new IllegalStateException("the state change fails after its event was appended");
        })).hasMessageContaining("the state change fails");
        commit(marker);

        productTopic.await(withId(marker.eventId()));
        assertThat(productTopic.recordsWhere(withId(rolledBack.eventId()))).isEmpty();
        assertThat(outboxRows(rolledBack.eventId())).isZero();
        await().atMost(WAIT).until(() -> applied.timesApplied(marker.eventId()) == 1);
        assertThat(applied.timesApplied(rolledBack.eventId())).isZero();
    }

    @Test
    void eventCommittedWhileThePublisherWasDownIsPublishedAfterRestartExactlyOnceInEffect() {
        UUID productId = UUID.randomUUID();
        ProductRegistered event = registered(productId);
        ProductRegistered marker = registered(productId);

        // The process stops after the commit and before anything was published.
        try (ServiceInstance stopped = ServiceInstance.start("messaging-restart", "messaging_restart",
                "ocop.messaging.relay.enabled=false")) {
            stopped.commit(event);
            assertThat(stopped.isPending(event.eventId())).isTrue();
        }
        assertThat(productTopic.recordsWhere(withId(event.eventId()))).isEmpty();

        try (ServiceInstance restarted = ServiceInstance.start("messaging-restart", "messaging_restart")) {
            productTopic.await(withId(event.eventId()));
            restarted.commit(marker);
            productTopic.await(withId(marker.eventId()));

            assertThat(productTopic.recordsWhere(withId(event.eventId()))).hasSize(1);
            await().atMost(WAIT).until(() -> !restarted.isPending(event.eventId()));
        }
        await().atMost(WAIT).until(() -> applied.timesApplied(marker.eventId()) == 1);
        assertThat(applied.timesApplied(event.eventId())).isEqualTo(1);
    }

    @Test
    void eventPublishedAgainBecauseItsStampWasLostChangesStateOnce() {
        UUID productId = UUID.randomUUID();
        ProductRegistered event = registered(productId);
        ProductRegistered marker = registered(productId);
        commit(event);
        productTopic.await(withId(event.eventId()));
        await().atMost(WAIT).until(() -> isPublished(event.eventId()));

        // The broker acknowledged, then the process died before published_at was stamped.
        jdbc.update("update outbox_event set published_at = null where event_id = ?", event.eventId());
        commit(marker);

        productTopic.await(withId(marker.eventId()));
        assertThat(productTopic.recordsWhere(withId(event.eventId()))).hasSize(2);
        await().atMost(WAIT).until(() -> applied.timesApplied(marker.eventId()) == 1);
        assertThat(applied.timesApplied(event.eventId())).isEqualTo(1);
        assertThat(isPublished(event.eventId())).isTrue();
    }

    @Test
    void eventsAppendedTogetherArePublishedInTheirOrderWithTheirTimes() {
        UUID productId = UUID.randomUUID();
        List<ProductRegistered> events = List.of(registered(productId), registered(productId), registered(productId));
        transaction().executeWithoutResult(status -> outbox.appendAll(events));

        productTopic.await(withId(events.getLast().eventId()));
        List<String> published = productTopic.recordsWhere(record -> productId.toString().equals(record.key())).stream()
                .map(record -> TopicProbe.header(record, CloudEventHeaders.ID)).toList();
        assertThat(published).containsExactlyElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
        assertThat(jdbc.queryForList("select event_id from outbox_event where message_key = ? order by id", UUID.class,
                productId.toString())).containsExactlyElementsOf(events.stream().map(ProductRegistered::eventId).toList());
        for (ProductRegistered event : events) {
            Instant stored = jdbc.queryForObject("select occurred_at from outbox_event where event_id = ?",
                    Timestamp.class, event.eventId()).toInstant();
            assertThat(Duration.between(stored, event.occurredAt()).abs()).isLessThan(Duration.ofNanos(1_000));
        }
    }

    private boolean isPublished(UUID eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select published_at is not null from outbox_event where event_id = ?", Boolean.class, eventId));
    }
}
