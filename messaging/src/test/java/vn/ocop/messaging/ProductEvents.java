package vn.ocop.messaging;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import vn.ocop.contracts.CloudEventHeaders;
import vn.ocop.contracts.catalog.ProductRegistered;
import vn.ocop.messaging.testapp.AppliedEvents;
import vn.ocop.testsupport.TopicProbe;

/** Fresh events for each test: a new event id every time, on the product (record key) given. */
final class ProductEvents {

    private ProductEvents() {
    }

    static ProductRegistered registered(UUID productId) {
        return registered(productId, "Chè Thái Nguyên Tân Cương");
    }

    /** An event the test service's handler throws on, every time it is delivered. */
    static ProductRegistered failingEveryTime(UUID productId) {
        return registered(productId, AppliedEvents.ALWAYS_FAILS);
    }

    static ProductRegistered failingUntilFixed(UUID productId) {
        return registered(productId, AppliedEvents.FAILS_UNTIL_FIXED);
    }

    private static ProductRegistered registered(UUID productId, String name) {
        return new ProductRegistered(UUID.randomUUID(), Instant.now(), productId, UUID.randomUUID(), name, 1,
                "Chè và sản phẩm từ chè", "Thái Nguyên");
    }

    /** Records that carry the event id as their CloudEvents id. */
    static Predicate<ConsumerRecord<String, byte[]>> withId(UUID eventId) {
        return record -> eventId.toString().equals(TopicProbe.header(record, CloudEventHeaders.ID));
    }
}
