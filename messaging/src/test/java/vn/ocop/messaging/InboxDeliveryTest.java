package vn.ocop.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.support.KafkaHeaders;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.Topics;
import vn.ocop.contracts.catalog.CatalogEvents;
import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.testsupport.TestEvents;
import vn.ocop.testsupport.TopicProbe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static vn.ocop.messaging.ProductEvents.failingEveryTime;
import static vn.ocop.messaging.ProductEvents.registered;
import static vn.ocop.messaging.ProductEvents.withId;

/**
 * The consumer half of DESIGN §4: a redelivered event changes nothing, and a record that cannot
 * be applied takes bounded retries, lands on the dead-letter topic and does not block its
 * partition. Events arrive as another service would publish them.
 */
class InboxDeliveryTest extends MessagingIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    // Set by the Kafka binder on every dead letter, so it can be inspected and replayed.
    private static final String ORIGINAL_TOPIC = KafkaHeaders.DLT_ORIGINAL_TOPIC;
    private static final String EXCEPTION_MESSAGE = KafkaHeaders.DLT_EXCEPTION_MESSAGE;

    @Autowired
    private MeterRegistry meters;

    @Value("${spring.cloud.stream.bindings.inbound-in-0.consumer.max-attempts}")
    private int maxAttempts;

    @Test
    void sameEventDeliveredTwiceChangesStateOnce() {
        UUID productId = UUID.randomUUID();
        ProductRegistered event = registered(productId);
        ProductRegistered marker = registered(productId);
        double duplicatesBefore = duplicatesSeen();

        TestEvents.publish(event);
        TestEvents.publish(event);
        TestEvents.publish(marker);

        await().atMost(WAIT).until(() -> applied.timesApplied(marker.eventId()) == 1);
        assertThat(applied.timesApplied(event.eventId())).isEqualTo(1);
        assertThat(duplicatesSeen()).isGreaterThanOrEqualTo(duplicatesBefore + 1);
    }

    @Test
    void offsetsOfAppliedRecordsAreCommittedAlsoWhenNothingElseArrives() {
        // Offsets are committed once an interval has passed, not after every poll; a consumer that
        // has nothing more to read must still commit what it applied.
        ProductRegistered event = registered(UUID.randomUUID());

        TestEvents.publish(event);

        await().atMost(WAIT).until(() -> applied.timesApplied(event.eventId()) == 1);
        TestEvents.awaitConsumed(consumerGroup, Topics.CATALOG_PRODUCT);
    }

    @Test
    void unparseableMessageGoesToTheDeadLetterTopicAndThePartitionMovesOn() {
        UUID productId = UUID.randomUUID();
        ProductRegistered next = registered(productId);
        String poisonId = UUID.randomUUID().toString();
        Map<String, String> headers = new LinkedHashMap<>(CloudEventHeaders.of(registered(productId)));
        headers.put(CloudEventHeaders.ID, poisonId);
        byte[] body = "{\"eventId\": this is not JSON".getBytes(StandardCharsets.UTF_8);

        TestEvents.publishRaw(Topics.CATALOG_PRODUCT, productId.toString(), body, headers);
        TestEvents.publish(next);

        ConsumerRecord<String, byte[]> deadLetter = deadLetters().await(record ->
                poisonId.equals(TopicProbe.header(record, CloudEventHeaders.ID)));
        assertThat(deadLetter.key()).isEqualTo(productId.toString());
        assertThat(deadLetter.value()).isEqualTo(body);
        assertThat(TopicProbe.header(deadLetter, CloudEventHeaders.TYPE)).isEqualTo(CatalogEvents.PRODUCT_REGISTERED.name());
        assertThat(TopicProbe.header(deadLetter, ORIGINAL_TOPIC)).isEqualTo(Topics.CATALOG_PRODUCT);
        assertThat(TopicProbe.header(deadLetter, EXCEPTION_MESSAGE)).contains("body is not a valid");
        await().atMost(WAIT).until(() -> applied.timesApplied(next.eventId()) == 1);
        assertThat(isRecordedInInbox(UUID.fromString(poisonId))).isFalse();
    }

    @Test
    void eventWhoseHandlerAlwaysFailsIsDeadLetteredAfterBoundedRetries() {
        UUID productId = UUID.randomUUID();
        ProductRegistered failing = failingEveryTime(productId);
        ProductRegistered next = registered(productId);

        TestEvents.publish(failing);
        TestEvents.publish(next);

        await().atMost(WAIT).until(() -> applied.timesApplied(next.eventId()) == 1);
        ConsumerRecord<String, byte[]> deadLetter = deadLetters().await(withId(failing.eventId()));
        assertThat(deadLetter.key()).isEqualTo(productId.toString());
        assertThat(TopicProbe.body(deadLetter)).contains(failing.eventId().toString());
        assertThat(TopicProbe.header(deadLetter, ORIGINAL_TOPIC)).isEqualTo(Topics.CATALOG_PRODUCT);
        assertThat(TopicProbe.header(deadLetter, EXCEPTION_MESSAGE)).contains("the handler fails for product " + productId);
        assertThat(applied.attempts(failing.eventId())).isGreaterThan(1).isEqualTo(maxAttempts);
        assertThat(applied.timesApplied(failing.eventId())).isZero();
        assertThat(isRecordedInInbox(failing.eventId())).isFalse();
    }

    @Test
    void recordsPolledTogetherAreAppliedInFewerTransactionsThanRecords() {
        List<ProductRegistered> burst = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            burst.add(registered(UUID.randomUUID()));
        }

        TestEvents.publishTogether(burst);

        await().atMost(WAIT).until(() -> burst.stream().allMatch(e -> applied.timesApplied(e.eventId()) == 1));
        Integer transactions = jdbc.queryForObject(
                "select count(distinct applied_at) from applied_event where event_id = any(?)", Integer.class,
                (Object) burst.stream().map(ProductRegistered::eventId).toArray(UUID[]::new));
        assertThat(transactions).isLessThan(burst.size());
    }

    @Test
    void aFailingRecordInsideABatchIsDeadLetteredAloneAndTheOthersAreAppliedOnceInOrder() {
        UUID productId = UUID.randomUUID();
        ProductRegistered first = registered(productId);
        ProductRegistered second = registered(productId);
        ProductRegistered failing = failingEveryTime(productId);
        ProductRegistered third = registered(productId);
        ProductRegistered fourth = registered(productId);

        TestEvents.publishTogether(List.of(first, second, failing, third, fourth));

        await().atMost(WAIT).until(() -> applied.timesApplied(fourth.eventId()) == 1);
        deadLetters().await(withId(failing.eventId()));
        assertThat(applied.attempts(failing.eventId())).isGreaterThanOrEqualTo(maxAttempts);
        assertThat(applied.timesApplied(failing.eventId())).isZero();
        List<UUID> order = jdbc.queryForList("select event_id from applied_event where product_id = ? order by position",
                UUID.class, productId);
        assertThat(order).containsExactly(first.eventId(), second.eventId(), third.eventId(), fourth.eventId());
    }

    private double duplicatesSeen() {
        var counter = meters.find("ocop.inbox.events")
                .tags("outcome", "duplicate", "type", CatalogEvents.PRODUCT_REGISTERED.name())
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
